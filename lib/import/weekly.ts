import { dayDate, isoDay, todayUtc } from "../domain/days";

/**
 * The Hub's weekly copies of its model listing (hfmlsoc/hub_weekly_snapshots) keep one file a
 * week at `models/YYYY-MM-DD/models.parquet`, with no date column. The folder's date is the first
 * day of its week, and the file is the last daily listing taken before the next week starts: its
 * data is as of a day of that week (label … label + 6), never later. We date it at the end of its
 * week (label + 6), or earlier when the evidence says so: the commit that added the file (it cannot
 * have been taken after it), and today (a week still running). The newest `createdAt` in the file
 * is a lower bound of when it was taken; where it contradicts the rest, it wins, within the week.
 * Weeks stay 7 days apart (period downloads between them are whole weeks), and a 30-day count read
 * a few days early is off by at most those days.
 */
export const WEEKLY_FILE = /(?:^|\/)models\/(\d{4}-\d{2}-\d{2})\/models\.parquet$/;

/** The last day of a labelled week. */
export const DAYS_AFTER_LABEL = 6;

const plusDays = (day: string, days: number) => isoDay(new Date(dayDate(day).getTime() + days * 86_400_000));
const earliest = (...days: (string | null | undefined)[]) =>
  days.filter((d): d is string => typeof d === "string").sort()[0] as string;

/** What tells when a week's file was taken, besides its label. */
export type WeekEvidence = {
  /** The day of the commit that last touched the file (from the dataset's tree) */
  committed?: string | null;
  /** The day of the newest `createdAt` in the file (its column statistics) */
  newestCreated?: string | null;
  today?: string;
};

/**
 * The snapshot date of a week's file, from its label and the evidence: the end of its week, the
 * commit's day or today, whichever is first; never before its newest model's creation day, never
 * after the week's end or today.
 */
export function weeklySnapshotDate(label: string, evidence: WeekEvidence = {}): string {
  const today = evidence.today ?? todayUtc();
  const end = plusDays(label, DAYS_AFTER_LABEL);
  const latest = earliest(end, today);
  const dated = earliest(
    latest,
    evidence.committed && evidence.committed >= label ? evidence.committed : null,
  );
  const floor = evidence.newestCreated;
  return floor && floor > dated ? earliest(floor, latest) : dated;
}

/** The week label of a path in that layout, or null. */
export function weekLabelOf(path: string): string | null {
  return WEEKLY_FILE.exec(path.replaceAll("\\", "/"))?.[1] ?? null;
}

/** The weeks whose files lack `downloadsAllTime`: the Hub's listing added it on this date. */
export const ALL_TIME_COUNTS_SINCE = "2025-02-26";
