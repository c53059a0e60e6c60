import type { ImportedRow } from "./rows";

/** writePage's page size: one statement per ≤ 1,000 snapshots of one date. */
export const PAGE_SIZE = 1000;
/**
 * Rows held across all dates before every buffer is written out. A file sorted by model spreads
 * each model over every date; this bounds memory at the cost of smaller pages for such files.
 */
export const MAX_BUFFERED_ROWS = 100_000;

export type PageWrite = (date: string, rows: ImportedRow[]) => Promise<void>;

/**
 * Groups rows by snapshot date into pages: a date's page is written when it is full, and every
 * partial page when too many rows are held (files may interleave dates in any order). One page is
 * written while the next rows are read (never two at once: pages of one file share models, and
 * concurrent upserts of the same rows would wait on each other or deadlock).
 */
export class DatePages {
  private byDate = new Map<string, ImportedRow[]>();
  private buffered = 0;
  private inFlight: Promise<void> | null = null;

  constructor(
    private readonly write: PageWrite,
    private readonly pageSize = PAGE_SIZE,
    private readonly maxBuffered = MAX_BUFFERED_ROWS,
  ) {}

  /** Returns a promise only when a page is handed to the writer (most rows need no await). */
  add(row: ImportedRow): Promise<void> | undefined {
    let page = this.byDate.get(row.date);
    if (!page) {
      page = [];
      this.byDate.set(row.date, page);
    }
    page.push(row);
    this.buffered++;
    if (page.length >= this.pageSize) {
      this.byDate.delete(row.date);
      this.buffered -= page.length;
      return this.start(row.date, page);
    }
    if (this.buffered >= this.maxBuffered) return this.flush();
    return undefined;
  }

  /** Writes every partial page, oldest date first, and waits for the last write. */
  async flush(): Promise<void> {
    const pages = [...this.byDate.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    this.byDate = new Map();
    this.buffered = 0;
    for (const [date, rows] of pages) await this.start(date, rows);
    await this.settle();
  }

  /** Waits for the page being written (its error surfaces here). */
  async settle(): Promise<void> {
    const pending = this.inFlight;
    this.inFlight = null;
    await pending;
  }

  private async start(date: string, rows: ImportedRow[]): Promise<void> {
    await this.settle();
    const pending = this.write(date, rows);
    // Handled when awaited in settle(); until then a failure must not count as unhandled.
    pending.catch(() => {});
    this.inFlight = pending;
  }
}
