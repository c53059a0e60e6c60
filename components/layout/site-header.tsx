import Link from "next/link";
import { ThemeToggle } from "./theme-toggle";

const NAV = [
  { href: "/", label: "Overview" },
  { href: "/labs", label: "Labs" },
  { href: "/models", label: "Models" },
  { href: "/methodology", label: "Methodology" },
  { href: "/status", label: "Data status" },
];

export function SiteHeader({ theme }: { theme: "light" | "dark" | "system" }) {
  return (
    <header className="site-header">
      <div className="site-header-row">
        <Link href="/" className="site-name">
          Open Model Share
        </Link>
        <span className="theme-slot">
          <ThemeToggle initial={theme} />
        </span>
        {/* One line at every width: it scrolls sideways on a phone rather than wrapping. */}
        <nav aria-label="Main" className="site-nav">
          {NAV.map((item) => (
            <Link key={item.href} href={item.href}>
              {item.label}
            </Link>
          ))}
        </nav>
      </div>
    </header>
  );
}
