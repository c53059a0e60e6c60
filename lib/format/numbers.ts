const compact = new Intl.NumberFormat("en-US", { notation: "compact", maximumFractionDigits: 1 });
const full = new Intl.NumberFormat("en-US");

/** 1234567 → "1.2M"; accepts the API's decimal strings so huge counts stay exact until shown. */
export function formatCount(value: bigint | number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n) ? compact.format(n) : String(value);
}

export function formatExact(value: bigint | number | string | null | undefined): string {
  if (value === null || value === undefined || value === "") return "–";
  try {
    return full.format(BigInt(value));
  } catch {
    return String(value);
  }
}

/** 0.1712 → "17.1 %" (the space is the SI style the methodology page uses). */
export function formatShare(share: number | null | undefined, digits = 1): string {
  if (share === null || share === undefined || Number.isNaN(share)) return "–";
  return `${(share * 100).toFixed(digits)} %`;
}

/** Change in percentage points: +1.3 pp */
export function formatPoints(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return "–";
  const pp = delta * 100;
  return `${pp > 0 ? "+" : pp < 0 ? "−" : "±"}${Math.abs(pp).toFixed(1)} pp`;
}
