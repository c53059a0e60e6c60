import Link from "next/link";

/** One tab: what it says, where it leads, and whether it is the one shown. */
export type Tab = { label: string; href: string; current: boolean };

/**
 * Segmented links (`.tab`) that keep the scroll position; the one shown is marked with
 * aria-current: "page" for the views of one page, "true" for toggles within a view.
 */
export function TabLinks({ tabs, current }: { tabs: readonly Tab[]; current: "page" | "true" }) {
  return tabs.map((tab) => (
    <Link
      key={tab.label}
      href={tab.href}
      aria-current={tab.current ? current : undefined}
      className="tab"
      scroll={false}
    >
      {tab.label}
    </Link>
  ));
}
