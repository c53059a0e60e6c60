import { type Database, Prisma } from "../db";
import { boundedRead, readChunkRows, readDeadline } from "../db/bounded-read";
import type { ModelRow, ModelsPage } from "../domain/answers";
import { MAX_MODELS_DEPTH, type ModelsQuery } from "../domain/models-query";
import { regionOf } from "../domain/regions";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";
import { countryKeySql } from "./sql";

export type { ModelRow };

type Raw = Omit<ModelRow, "createdAt" | "region"> & {
  createdAt: Date | null;
  international: boolean | null;
};

type Sort = ModelsQuery["sort"];

/** Each order's column, its SQL type (to compare with a value read back) and its value in a row. */
const SORTS: Record<
  Sort,
  { column: Prisma.Sql; alias: Prisma.Sql; type: Prisma.Sql; value: (r: Raw) => bigint | null }
> = {
  downloads30d: {
    column: Prisma.sql`s.downloads`,
    alias: Prisma.sql`"downloads30d"`,
    type: Prisma.sql`bigint`,
    value: (r) => r.downloads30d,
  },
  downloadsAllTime: {
    column: Prisma.sql`s.downloads_all_time`,
    alias: Prisma.sql`"downloadsAllTime"`,
    type: Prisma.sql`bigint`,
    value: (r) => r.downloadsAllTime,
  },
  likes: {
    column: Prisma.sql`s.likes`,
    alias: Prisma.sql`likes`,
    type: Prisma.sql`int`,
    value: (r) => (r.likes === null ? null : BigInt(r.likes)),
  },
  createdAt: {
    column: Prisma.sql`m.created_at`,
    alias: Prisma.sql`"createdAt"`,
    type: Prisma.sql`timestamptz`,
    value: (r) => (r.createdAt ? BigInt(r.createdAt.getTime()) : null),
  },
};

/** The listing's order in JavaScript, exactly as the SQL's: the value (nulls last), then the Hub id in byte order. */
function comparator(sort: Sort, descending: boolean) {
  const { value } = SORTS[sort];
  return (a: Raw, b: Raw): number => {
    const av = value(a);
    const bv = value(b);
    if (av !== bv) {
      if (av === null) return 1;
      if (bv === null) return -1;
      return (av < bv ? -1 : 1) * (descending ? -1 : 1);
    }
    return a.hubId < b.hubId ? -1 : a.hubId > b.hubId ? 1 : 0;
  };
}

/** Rows that sort strictly before `last` (the deepest row kept so far): the same order as comparator. */
function before(sort: Sort, descending: boolean, last: Raw): Prisma.Sql {
  const { column, type } = SORTS[sort];
  const v = sort === "createdAt" ? (last.createdAt?.toISOString() ?? null) : SORTS[sort].value(last);
  const hub = Prisma.sql`(m.hub_id COLLATE "C" < ${last.hubId} COLLATE "C")`;
  if (v === null) return Prisma.sql`(${column} IS NOT NULL OR ${hub})`;
  const threshold = Prisma.sql`${v.toString()}::${type}`;
  const beyond = descending ? Prisma.sql`${column} > ${threshold}` : Prisma.sql`${column} < ${threshold}`;
  return Prisma.sql`(${column} IS NOT NULL AND (${beyond} OR (${column} = ${threshold} AND ${hub})))`;
}

/**
 * Searchable, filterable, paginated models with their latest published snapshot.
 *
 * Bounded on both databases: the models are read in chunks of ids (readChunkRows), each chunk
 * one statement that counts its matches and returns those that would make the page (the rows
 * beating the deepest one kept so far), and the read's time limit is checked between chunks. On
 * the embedded database no statement can then hold the only connection for long, and a search
 * over millions of models gives way to other requests and ends in a 503 at the same limit as a
 * statement Postgres cancels. A page goes at most MAX_MODELS_DEPTH models deep.
 */
export async function listModels(db: Database, q: ModelsQuery): Promise<ModelsPage> {
  const date = await latestPublishedDate(db);
  const conditions: Prisma.Sql[] = [Prisma.sql`TRUE`];
  if (q.q) conditions.push(Prisma.sql`m.hub_id ILIKE ${`%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`}`);
  if (q.country)
    conditions.push(
      Prisma.sql`${countryKeySql(Prisma.sql`o.country`, Prisma.sql`o.international`)} = ${q.country}`,
    );
  if (q.lab) conditions.push(Prisma.sql`o.lab_slug = ${q.lab}`);
  if (q.namespace) conditions.push(Prisma.sql`m.namespace = ${q.namespace}`);
  if (q.task) conditions.push(Prisma.sql`m.pipeline_tag = ${q.task}`);
  if (q.library) conditions.push(Prisma.sql`m.library_name = ${q.library}`);
  if (q.createdFrom) conditions.push(Prisma.sql`m.created_at >= ${q.createdFrom}::date`);
  if (q.createdTo) conditions.push(Prisma.sql`m.created_at < ${q.createdTo}::date + 1`);
  if (q.derivatives === "exclude") conditions.push(Prisma.sql`cardinality(m.base_models) = 0`);
  if (q.derivatives === "only") conditions.push(Prisma.sql`cardinality(m.base_models) > 0`);
  const descending = q.order === "desc";
  const order = descending ? Prisma.sql`DESC NULLS LAST` : Prisma.sql`ASC NULLS LAST`;
  const depth = Math.min(q.page * q.limit, MAX_MODELS_DEPTH);
  const compare = comparator(q.sort, descending);
  const chunk = readChunkRows();
  const deadline = readDeadline();

  let kept: Raw[] = [];
  let total = 0;
  let after: number | null = 0;
  while (after !== null) {
    await deadline.next();
    const [bound]: { id: number }[] = await boundedRead<{ id: number }>(
      db,
      Prisma.sql`SELECT id FROM model WHERE id > ${after} ORDER BY id OFFSET ${chunk - 1} LIMIT 1`,
    );
    // The snapshots' key is (date, model): the chunk's range of ids on both sides keeps the join
    // to the chunk's own snapshots instead of every snapshot of the date.
    const upto = (column: Prisma.Sql) => (bound ? Prisma.sql`AND ${column} <= ${bound.id}` : Prisma.empty);
    const last = kept.length >= depth ? kept[depth - 1] : undefined;
    const rows = await boundedRead<Raw & { matched: number; contender: boolean }>(
      db,
      // Rows that cannot make the page sort after those that can, so that the first row carries the
      // chunk's count of matches even when none can.
      Prisma.sql`
      SELECT * FROM (
        SELECT m.hub_id AS "hubId", m.namespace, o.lab_slug AS lab, o.country, o.international,
          m.pipeline_tag AS "pipelineTag", m.library_name AS "libraryName", m.created_at AS "createdAt",
          cardinality(m.base_models) > 0 AS derivative,
          s.downloads AS "downloads30d", s.downloads_all_time AS "downloadsAllTime", s.likes,
          ${last ? before(q.sort, descending, last) : Prisma.sql`TRUE`} AS contender,
          count(*) OVER ()::int AS matched
        FROM model m
        JOIN organization o ON o.namespace = m.namespace
        LEFT JOIN model_snapshot s ON s.model_id = m.id AND s.date = ${date}::date
          AND s.model_id > ${after} ${upto(Prisma.sql`s.model_id`)}
        WHERE m.id > ${after} ${upto(Prisma.sql`m.id`)} AND ${Prisma.join(conditions, " AND ")}
      ) chunk
      ORDER BY contender DESC, ${SORTS[q.sort].alias} ${order}, "hubId" COLLATE "C"
      LIMIT ${depth}`,
    );
    total += rows[0]?.matched ?? 0;
    const found = rows.filter((r) => r.contender);
    if (found.length > 0) kept = [...kept, ...found].sort(compare).slice(0, depth);
    after = bound ? bound.id : null;
  }

  const offset = (q.page - 1) * q.limit;
  return {
    date: date ? isoDay(date) : null,
    page: q.page,
    limit: q.limit,
    total,
    pages: Math.max(1, Math.min(Math.ceil(total / q.limit), Math.floor(MAX_MODELS_DEPTH / q.limit))),
    models: kept.slice(offset, offset + q.limit).map(
      ({ international, createdAt, ...r }): ModelRow => ({
        hubId: r.hubId,
        namespace: r.namespace,
        lab: r.lab,
        country: r.country,
        region: regionOf(r.country, international ?? false),
        pipelineTag: r.pipelineTag,
        libraryName: r.libraryName,
        createdAt: createdAt ? createdAt.toISOString() : null,
        derivative: r.derivative,
        downloads30d: r.downloads30d,
        downloadsAllTime: r.downloadsAllTime,
        likes: r.likes,
      }),
    ),
  };
}
