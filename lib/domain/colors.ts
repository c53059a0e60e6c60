import { countryName } from "./countries";
import { regionInfo } from "./regions";

/**
 * Colours that keep their meaning in every chart: regions have theirs (Okabe-Ito, colour-blind
 * safe), China and the US keep them as countries, every other country gets one from Paul Tol's
 * muted scheme by its code (never by its rank, which changes with the data), and labs carry the
 * registry's own, chosen apart from these.
 */
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
] as const;

export const UNKNOWN_COLOR = "#9CA3AF";

export function countryColor(code: string): string {
  const region = regionInfo(code);
  if (region && (code === "CN" || code === "US" || code === "INTL" || code === "UNKNOWN"))
    return region.color;
  let hash = 0;
  for (const c of code) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return COUNTRY_PALETTE[hash % COUNTRY_PALETTE.length] ?? UNKNOWN_COLOR;
}

export function countryLabel(code: string): string {
  if (code === "INTL" || code === "UNKNOWN") return regionInfo(code)?.label ?? code;
  return countryName(code);
}

export const NO_LAB = {
  key: "",
  label: "No lab (unattributed or independent)",
  color: UNKNOWN_COLOR,
} as const;
export const UNREGISTERED_NAMESPACES = {
  key: "",
  label: "Unattributed namespaces",
  color: UNKNOWN_COLOR,
} as const;
