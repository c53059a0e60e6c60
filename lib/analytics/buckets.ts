import { dayDate, isoDay } from "../domain/days";

export type Interval = "day" | "week" | "month";

const DAY = 86_400_000;

export { isoDay };
export const parseDay = dayDate;
export const addDays = (s: string, n: number): string => isoDay(new Date(parseDay(s).getTime() + n * DAY));

/** The first day of the bucket holding `day` (weeks start on Monday, ISO 8601). */
export function bucketStart(day: string, interval: Interval): string {
  if (interval === "day") return day;
  if (interval === "month") return `${day.slice(0, 7)}-01`;
  const weekday = (parseDay(day).getUTCDay() + 6) % 7;
  return addDays(day, -weekday);
}

function nextBucket(start: string, interval: Interval): string {
  if (interval === "day") return addDays(start, 1);
  if (interval === "week") return addDays(start, 7);
  const d = parseDay(start);
  return isoDay(new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)));
}

/** Every bucket start from `from` to `to`, so gaps in the data show as gaps, not as missing dates. */
export function bucketRange(from: string, to: string, interval: Interval, max = 5000): string[] {
  const out: string[] = [];
  for (let b = bucketStart(from, interval); b <= to && out.length < max; b = nextBucket(b, interval))
    out.push(b);
  return out;
}
