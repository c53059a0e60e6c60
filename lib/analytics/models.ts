import { type Database, Prisma } from "../db";
import { boundedRead } from "../db/bounded-read";
import type { ModelRow, ModelsPage } from "../domain/answers";
import type { ModelsQuery } from "../domain/models-query";
import { regionOf } from "../domain/regions";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";
import { countryKeySql } from "./sql";

export type { ModelRow };

type Raw = Omit<ModelRow, "createdAt" | "region"> & {
  createdAt: Date | null;
  international: boolean | null;
  total: number;
};

const SORT_COLUMNS: Record<ModelsQuery["sort"], Prisma.Sql> = {
  downloads30d: Prisma.sql`s.downloads`,
  downloadsAllTime: Prisma.sql`s.downloads_all_time`,
  likes: Prisma.sql`s.likes`,
  createdAt: Prisma.sql`m.created_at`,
};

/** Searchable, filterable, paginated models with their latest published snapshot. */
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
  const order = q.order === "asc" ? Prisma.sql`ASC NULLS LAST` : Prisma.sql`DESC NULLS LAST`;
  const rows = await boundedRead<Raw>(
    db,
    Prisma.sql`
    SELECT m.hub_id AS "hubId", m.namespace, o.lab_slug AS lab, o.country, o.international,
      m.pipeline_tag AS "pipelineTag", m.library_name AS "libraryName", m.created_at AS "createdAt",
      cardinality(m.base_models) > 0 AS derivative,
      s.downloads AS "downloads30d", s.downloads_all_time AS "downloadsAllTime", s.likes,
      count(*) OVER ()::int AS total
    FROM model m
    JOIN organization o ON o.namespace = m.namespace
    LEFT JOIN model_snapshot s ON s.model_id = m.id AND s.date = ${date}::date
    WHERE ${Prisma.join(conditions, " AND ")}
    ORDER BY ${SORT_COLUMNS[q.sort]} ${order}, m.hub_id
    LIMIT ${q.limit} OFFSET ${(q.page - 1) * q.limit}`,
  );
  const total = rows[0]?.total ?? (q.page > 1 ? await countOnly(db, conditions) : 0);
  return {
    date: date ? isoDay(date) : null,
    page: q.page,
    limit: q.limit,
    total,
    pages: Math.max(1, Math.ceil(total / q.limit)),
    models: rows.map(
      ({ total: _, international, createdAt, ...r }): ModelRow => ({
        ...r,
        region: regionOf(r.country, international ?? false),
        createdAt: createdAt ? createdAt.toISOString() : null,
      }),
    ),
  };
}

async function countOnly(db: Database, conditions: Prisma.Sql[]): Promise<number> {
  const [row] = await boundedRead<{ n: number }>(
    db,
    Prisma.sql`SELECT count(*)::int AS n FROM model m JOIN organization o ON o.namespace = m.namespace
    WHERE ${Prisma.join(conditions, " AND ")}`,
  );
  return row?.n ?? 0;
}
