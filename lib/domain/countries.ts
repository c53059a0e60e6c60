// Intl knows every ISO 3166-1 region name; these codes it also knows are not countries.
// Exceptionally reserved codes (UK, EU, AC…) are not ISO 3166-1 assignments either.
const NOT_COUNTRIES = new Set([
  "EU",
  "EZ",
  "UN",
  "QO",
  "XA",
  "XB",
  "XK",
  "ZZ",
  "AA",
  "UK",
  "AC",
  "CP",
  "DG",
  "EA",
  "IC",
  "TA",
  "CQ",
]);
const names = new Intl.DisplayNames(["en"], { type: "region", fallback: "code" });

/** True for an assigned ISO 3166-1 alpha-2 code (upper case). */
export function isIsoCountry(code: string): boolean {
  if (!/^[A-Z]{2}$/.test(code) || NOT_COUNTRIES.has(code)) return false;
  return names.of(code) !== code;
}

export function countryName(code: string): string {
  return names.of(code) ?? code;
}
