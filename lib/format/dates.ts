/**
 * Calendar dates (ISO "YYYY-MM-DD", read as UTC days) as readers see them. English keeps the
 * site's own short forms ("Mar 2025", "1 Mar 2025"); other locales write `Intl`'s
 * ("März 2025", "2025年3月1日").
 */
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

const cache = new Map<string, Intl.DateTimeFormat>();
function dateFormat(locale: string, day: boolean): Intl.DateTimeFormat {
  const key = `${locale}\n${day}`;
  let format = cache.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: "UTC",
      year: "numeric",
      month: "short",
      ...(day ? { day: "numeric" } : {}),
    });
    cache.set(key, format);
  }
  return format;
}

const utc = (date: string) => new Date(`${date.slice(0, 10)}T00:00:00Z`);

/** "2025-03-01" → "Mar 2025" */
export function formatMonth(date: string, locale = "en"): string {
  if (locale === "en") return `${MONTHS[Number(date.slice(5, 7)) - 1] ?? ""} ${date.slice(0, 4)}`;
  return dateFormat(locale, false).format(utc(date));
}

/** "2025-03-01" → "1 Mar 2025" */
export function formatDay(date: string, locale = "en"): string {
  if (locale === "en")
    return `${Number(date.slice(8, 10))} ${MONTHS[Number(date.slice(5, 7)) - 1] ?? ""} ${date.slice(0, 4)}`;
  return dateFormat(locale, true).format(utc(date));
}
