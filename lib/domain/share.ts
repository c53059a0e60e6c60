/** Digits of a share kept from exact integer division (a share of 1e-12 is 0.0000000001 %). */
const SCALE = 10n ** 12n;

/**
 * A part's share of a whole, from exact counts: one rounding, to 12 decimal places, however large
 * the counts (they pass 2^53). Null when the whole is zero or unknown.
 */
export function shareOf(part: bigint, whole: bigint | null): number | null {
  if (whole === null || whole <= 0n) return null;
  return Number((part * SCALE * 2n + whole) / (whole * 2n)) / Number(SCALE);
}
