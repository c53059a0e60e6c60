/**
 * The Hub's weekly copies of its model listing (hfmlsoc/hub_weekly_snapshots) keep one file a
 * week at `models/YYYY-MM-DD/models.parquet`, with no date column. The folder's date labels the
 * week; the listing was taken during the following week. We date its snapshot at the end of that
 * week (label + 7 days): no model in the file is younger than its snapshot, weeks stay 7 days
 * apart (so period downloads between them are whole weeks), and a 30-day count read a few days
 * early is off by at most those days.
 */
export const WEEKLY_FILE = /(?:^|\/)models\/(\d{4}-\d{2}-\d{2})\/models\.parquet$/;

export const DAYS_AFTER_LABEL = 7;

/** The snapshot date of a week's file, from its label. */
export function weeklySnapshotDate(label: string): string {
  const date = new Date(`${label}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + DAYS_AFTER_LABEL);
  return date.toISOString().slice(0, 10);
}

/** The week label of a path in that layout, or null. */
export function weekLabelOf(path: string): string | null {
  return WEEKLY_FILE.exec(path.replaceAll("\\", "/"))?.[1] ?? null;
}

/** The weeks whose files lack `downloadsAllTime`: the Hub's listing added it on this date. */
export const ALL_TIME_COUNTS_SINCE = "2025-02-26";
