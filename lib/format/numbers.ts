/**
 * Numbers as readers see them, in a BCP 47 locale (default English). English keeps the site's
 * house style (a space before "%": the SI style the methodology page uses); every other locale
 * writes what `Intl` says its readers expect ("17,1 %" in German, "17.1%" in Chinese).
 */
const cache = new Map<string, Intl.NumberFormat>();
function numberFormat(locale: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}\n${JSON.stringify(options)}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, options);
    cache.set(key, format);
  }
  return format;
}

const intlLocale = (locale: string) => (locale === "en" ? "en-US" : locale);

/** 1234567 → "1.2M" ("1,2 Mio." in German); accepts the API's decimal strings so huge counts stay exact until shown. */
export function formatCount(value: bigint | number | string | null | undefined, locale = "en"): string {
  if (value === null || value === undefined || value === "") return "–";
  const n = typeof value === "number" ? value : Number(value);
  return Number.isFinite(n)
    ? numberFormat(intlLocale(locale), { notation: "compact", maximumFractionDigits: 1 }).format(n)
    : String(value);
}

export function formatExact(value: bigint | number | string | null | undefined, locale = "en"): string {
  if (value === null || value === undefined || value === "") return "–";
  try {
    return numberFormat(intlLocale(locale), {}).format(BigInt(value));
  } catch {
    return String(value);
  }
}

/** 0.1712 → "17.1 %" (the space is the SI style the methodology page uses; other locales: Intl's). */
export function formatShare(share: number | null | undefined, digits = 1, locale = "en"): string {
  if (share === null || share === undefined || Number.isNaN(share)) return "–";
  if (locale === "en") return `${(share * 100).toFixed(digits)} %`;
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(share);
}

/** An axis label of a percentage (12.5 → "12.5%"): as many decimals as the value has. */
export function formatPercentTick(percent: number, locale = "en"): string {
  if (locale === "en") return `${percent}%`;
  const decimals = (String(percent).split(".")[1] ?? "").length;
  return numberFormat(locale, {
    style: "percent",
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(percent / 100);
}

/** The character a locale writes between a number's whole part and its fraction. */
export function decimalSeparator(locale: string): string {
  return (
    numberFormat(intlLocale(locale), { minimumFractionDigits: 1 })
      .formatToParts(1.5)
      .find((p) => p.type === "decimal")?.value ?? "."
  );
}

/** Change in percentage points: +1.3 pp */
export function formatPoints(delta: number | null | undefined): string {
  if (delta === null || delta === undefined || Number.isNaN(delta)) return "–";
  const pp = delta * 100;
  return `${pp > 0 ? "+" : pp < 0 ? "−" : "±"}${Math.abs(pp).toFixed(1)} pp`;
}
