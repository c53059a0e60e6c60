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
    <header style={{ borderBottom: "1px solid var(--border)" }}>
      <div
        style={{
          maxWidth: 1200,
          margin: "0 auto",
          padding: "10px 16px",
          display: "flex",
          flexWrap: "wrap",
          alignItems: "center",
          gap: "8px 20px",
        }}
      >
        <Link href="/" style={{ fontWeight: 700, color: "var(--fg)", textDecoration: "none" }}>
          Open Model Share
        </Link>
        <nav aria-label="Main" style={{ display: "flex", flexWrap: "wrap", gap: "4px 14px", flex: 1 }}>
          {NAV.map((item) => (
            <Link
              key={item.href}
              href={item.href}
              style={{ color: "var(--muted)", textDecoration: "none", fontSize: 14 }}
            >
              {item.label}
            </Link>
          ))}
        </nav>
        <ThemeToggle initial={theme} />
      </div>
    </header>
  );
}
