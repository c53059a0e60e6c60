import { countryName } from "../origins/countries";
import { REGION_LABELS, type Region } from "../origins/regions";

/** Fixed, colour-blind-safe colours (Okabe-Ito) for the region buckets; labs carry their own. */
export const REGION_COLORS: Record<Region, string> = {
  CN: "#D55E00",
  US: "#0072B2",
  OTHER: "#009E73",
  INTL: "#CC79A7",
  UNKNOWN: "#9CA3AF",
};

/** For countries other than CN and US, by rank (Paul Tol's muted scheme). */
const COUNTRY_PALETTE = [
  "#332288",
  "#117733",
  "#44AA99",
  "#88CCEE",
  "#DDCC77",
  "#CC6677",
  "#AA4499",
  "#882255",
  "#999933",
  "#661100",
];

export const OTHER_SERIES = { key: "other", label: "Other", color: "#BDBDBD" } as const;

export function regionStyle(key: string): { label: string; color: string } {
  const region = key as Region;
  return { label: REGION_LABELS[region] ?? key, color: REGION_COLORS[region] ?? "#9CA3AF" };
}

export function countryStyle(key: string, rank: number): { label: string; color: string } {
  if (key === "CN" || key === "US" || key === "INTL" || key === "UNKNOWN") {
    const style = regionStyle(key);
    return { label: key === "CN" || key === "US" ? countryName(key) : style.label, color: style.color };
  }
  return { label: countryName(key), color: COUNTRY_PALETTE[rank % COUNTRY_PALETTE.length] ?? "#777777" };
}
