/**
 * The region buckets: what each means, its words and colour, in the order charts and tables use.
 * UNKNOWN is the attribution gap and is always shown. A model's region follows from its
 * namespace's country and `international` flag by the first rule that matches; `regionOf` and
 * the SQL of the rollups (lib/analytics/sql.ts) are both made from these rules.
 */
export const REGIONS = [
  { key: "CN", label: "China", inSentence: "China", color: "#D55E00", rule: { country: "CN" } },
  { key: "US", label: "United States", inSentence: "the US", color: "#0072B2", rule: { country: "US" } },
  {
    key: "OTHER",
    label: "Other countries",
    inSentence: "other countries",
    color: "#009E73",
    rule: "any-country",
  },
  {
    key: "INTL",
    label: "International / online",
    inSentence: "international communities",
    color: "#CC79A7",
    rule: "international",
  },
  {
    key: "UNKNOWN",
    label: "Unattributed",
    inSentence: "unattributed models",
    color: "#9CA3AF",
    rule: "rest",
  },
] as const;

export type Region = (typeof REGIONS)[number]["key"];
export type RegionRule = (typeof REGIONS)[number]["rule"];
export const REGION_KEYS: readonly Region[] = REGIONS.map((r) => r.key);

const byKey = new Map<string, (typeof REGIONS)[number]>(REGIONS.map((r) => [r.key, r]));
export const regionInfo = (key: string) => byKey.get(key);
export const isRegion = (key: string): key is Region => byKey.has(key);

export function regionOf(country: string | null | undefined, international = false): Region {
  for (const region of REGIONS) if (matches(region.rule, country ?? null, international)) return region.key;
  return "UNKNOWN";
}

function matches(rule: RegionRule, country: string | null, international: boolean): boolean {
  if (typeof rule === "object") return country === rule.country;
  if (rule === "any-country") return country !== null;
  if (rule === "international") return international;
  return true;
}

/** The key of a country series: the ISO code, else INTL or UNKNOWN as for regions. */
export function countryKeyOf(country: string | null | undefined, international = false): string {
  return country ?? (international ? "INTL" : "UNKNOWN");
}
