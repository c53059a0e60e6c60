/** A date as YYYY-MM-DD (UTC): how snapshot dates are named everywhere. */
export const isoDay = (d: Date): string => d.toISOString().slice(0, 10);

/** Today's date, UTC: the newest date a snapshot may have. */
export const todayUtc = (now = new Date()): string => isoDay(now);

/** A YYYY-MM-DD day as the Date at its UTC midnight. */
export const dayDate = (iso: string): Date => new Date(`${iso}T00:00:00Z`);
