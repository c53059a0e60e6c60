/** The region buckets of DESIGN.md; UNKNOWN is the attribution gap and is always shown. */
export const REGIONS = ["CN", "US", "OTHER", "INTL", "UNKNOWN"] as const;
export type Region = (typeof REGIONS)[number];

export const REGION_LABELS: Record<Region, string> = {
  CN: "China",
  US: "United States",
  OTHER: "Other countries",
  INTL: "International / online",
  UNKNOWN: "Unattributed",
};

export function regionOf(country: string | null | undefined, international = false): Region {
  if (country === "CN") return "CN";
  if (country === "US") return "US";
  if (country) return "OTHER";
  return international ? "INTL" : "UNKNOWN";
}
