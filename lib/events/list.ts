import { type Database, Prisma } from "../db";
import type { EventKind } from "../domain/event-kinds";

export type EventFilter = { labs?: string[]; countries?: string[]; kinds?: string[] };

export type StoredEvent = {
  id: string;
  kind: EventKind;
  date: string;
  previousDate: string | null;
  text: string;
  dataVersion: number;
  chart: unknown;
  labs: string[];
  countries: string[];
  details: Record<string, unknown>;
  createdAt: Date;
};

const iso = (d: Date) => d.toISOString().slice(0, 10);

/**
 * The newest events that pass a filter (a list left out passes everything; labs and countries
 * pass when the event names one of them), newest date first.
 */
export async function listEvents(db: Database, filter: EventFilter, limit: number): Promise<StoredEvent[]> {
  const clause = (column: Prisma.Sql, list: string[] | undefined) =>
    list && list.length > 0 ? Prisma.sql`${column} && ${list}::text[]` : Prisma.sql`true`;
  const rows = await db.prisma.$queryRaw<
    {
      id: string;
      kind: string;
      date: Date;
      previous_date: Date | null;
      text: string;
      data_version: number;
      chart: unknown;
      labs: string[];
      countries: string[];
      details: Record<string, unknown>;
      created_at: Date;
    }[]
  >`
    SELECT id, kind, date, previous_date, text, data_version, chart, labs, countries, details, created_at
    FROM event
    WHERE ${clause(Prisma.sql`labs`, filter.labs)} AND ${clause(Prisma.sql`countries`, filter.countries)}
      AND ${filter.kinds && filter.kinds.length > 0 ? Prisma.sql`kind = ANY(${filter.kinds}::text[])` : Prisma.sql`true`}
    ORDER BY date DESC, created_at DESC, id
    LIMIT ${limit}`;
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as EventKind,
    date: iso(r.date),
    previousDate: r.previous_date ? iso(r.previous_date) : null,
    text: r.text,
    dataVersion: r.data_version,
    chart: r.chart,
    labs: r.labs,
    countries: r.countries,
    details: r.details,
    createdAt: r.created_at,
  }));
}
