import { createHash } from "node:crypto";
import { mkdir, rename, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { SchemaElement } from "hyparquet";
import { type ColumnSource, fileWriter, ParquetWriter } from "hyparquet-writer";
import type { Database } from "../db";
import { dataVersion } from "../db/data-version";
import { withRawTransaction } from "../db/raw";
import { isoDay } from "../domain/days";
import { REPACK_LIBRARIES } from "../domain/repacks";
import { parseRegistry, type Registry } from "../origins/registry-schema";
import { collectGarbage, heapGovernor } from "../process/heap";
import { type ExportManifest, MANIFEST_FILE, type ManifestDate } from "./export-manifest";

/**
 * The stored history written back in the layout the backfill reads (the Hub's weekly copies of its
 * listing: `models/YYYY-MM-DD/models.parquet`, the hub-stats columns), so that the history this
 * product collected — which the Hub cannot serve again — can be kept as files and restored with
 * `npm run backfill -- --dataset hub-weekly --repo file:DIR`. Each published date is one file
 * holding every model's snapshot that day with the attributes the model had that day (its stored
 * version: task, library, creation date, base models, gated, repack). The study's dates, a
 * population of their own, go under `study/` and are restored as the study's.
 *
 * Folders are named by the snapshot date itself, not by a week's label: the manifest
 * (`open-model-share-export.json`) says so, and a `file:` backfill of a folder with one reads every
 * folder's date as exact (lib/import/local-repo.ts). The registry the shares were attributed with
 * goes beside it (`registry.json`, the origin registry's format).
 *
 * Memory stays bounded whatever the size: a date is read in pages of `pageRows` snapshots (keyset
 * on the snapshot's primary key), each page written as a row group and let go; at most two pages
 * (the one encoded, the next being read) are held.
 */

export type ExportOptions = { out: string; from?: string; to?: string; pageRows?: number };

export type ExportProgress = { date: string; index: number; dates: number; rows: number };

export type ExportSummary = {
  out: string;
  dates: number;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  /** Dates with snapshots but no published run (a partial crawl, demo data): not written */
  skipped: number;
};

/** Snapshots read and written at a time: one row group. */
export const EXPORT_PAGE_ROWS = 25_000;

const STRING = (name: string): SchemaElement => ({
  name,
  type: "BYTE_ARRAY",
  converted_type: "UTF8",
  repetition_type: "OPTIONAL",
});
const INT64 = (name: string): SchemaElement => ({ name, type: "INT64", repetition_type: "OPTIONAL" });

/** The hub-stats columns the backfill reads, as the Hub's weekly files type them. */
function listingSchema(allTime: boolean): SchemaElement[] {
  const columns: SchemaElement[] = [
    STRING("id"),
    STRING("author"),
    INT64("likes"),
    INT64("downloads"),
    ...(allTime ? [INT64("downloadsAllTime")] : []),
    {
      name: "createdAt",
      type: "INT64",
      logical_type: { type: "TIMESTAMP", isAdjustedToUTC: true, unit: "MILLIS" },
      repetition_type: "OPTIONAL",
    },
    STRING("pipeline_tag"),
    STRING("library_name"),
    { name: "tags", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    STRING("element"),
    { name: "baseModels", repetition_type: "OPTIONAL", num_children: 2 },
    STRING("relation"),
    { name: "models", repetition_type: "OPTIONAL", converted_type: "LIST", num_children: 1 },
    { name: "list", repetition_type: "REPEATED", num_children: 1 },
    { name: "element", repetition_type: "OPTIONAL", num_children: 1 },
    STRING("id"),
    STRING("gated"),
  ];
  // Top-level columns: every one above but the children of tags (2) and baseModels (5).
  return [{ name: "root", num_children: columns.length - 7 }, ...columns];
}

type SnapshotRow = {
  model_id: number;
  demo: boolean;
  hub_id: string;
  namespace: string;
  downloads: string;
  downloads_all_time: string | null;
  likes: number;
  created_ms: string | null;
  pipeline_tag: string | null;
  library_name: string | null;
  license: string | null;
  gated: boolean | null;
  base_models: string[] | null;
  base_relation: string | null;
  repack: boolean | null;
};

/**
 * One page of a date's snapshots with the attributes of that date: the snapshot's version, or the
 * model's own row where a snapshot has none (rows written outside the write path). The page is cut
 * from the primary key first, so each page costs its own rows whatever the plan of the joins; demo
 * models (never on a published date but their own) are left out after.
 */
const PAGE_SQL = `
  WITH page AS (
    SELECT model_id, downloads, downloads_all_time, likes, version_id FROM model_snapshot
    WHERE date = $1::date AND model_id > $2 ORDER BY model_id LIMIT $3
  )
  SELECT s.model_id, m.demo, m.hub_id, m.namespace, s.downloads::text AS downloads,
    s.downloads_all_time::text AS downloads_all_time, s.likes,
    (extract(epoch FROM COALESCE(v.created_at, m.created_at)) * 1000)::bigint::text AS created_ms,
    CASE WHEN v.id IS NULL THEN m.pipeline_tag ELSE v.pipeline_tag END AS pipeline_tag,
    CASE WHEN v.id IS NULL THEN m.library_name ELSE v.library_name END AS library_name,
    m.license,
    CASE WHEN v.id IS NULL THEN m.gated ELSE v.gated END AS gated,
    CASE WHEN v.id IS NULL THEN m.base_models ELSE v.base_models END AS base_models,
    (CASE WHEN v.id IS NULL THEN m.base_relation ELSE v.base_relation END)::text AS base_relation,
    v.repack
  FROM page s
  JOIN model m ON m.id = s.model_id
  LEFT JOIN model_version v ON v.id = s.version_id
  ORDER BY s.model_id`;

const isRepackLibrary = (library: string | null) =>
  library !== null && (REPACK_LIBRARIES as readonly string[]).includes(library.toLowerCase());

/**
 * A page as the listing's columns. The tags carry what the Hub's tags would for the reader: the
 * licence (`license:…`), and `gguf` where the stored repack flag came from the tags alone (the base
 * relation and library say it otherwise: lib/domain/repacks.ts).
 */
function pageColumns(rows: SnapshotRow[], allTime: boolean): ColumnSource[] {
  const tags = rows.map((r) => {
    const out: string[] = [];
    if (r.license) out.push(`license:${r.license}`);
    if (r.repack && r.base_relation !== "quantized" && !isRepackLibrary(r.library_name)) out.push("gguf");
    return out;
  });
  const columns: ColumnSource[] = [
    // Ids are unique: a dictionary would only be tried and dropped, page after page.
    { name: "id", data: rows.map((r) => r.hub_id), encoding: "PLAIN" },
    { name: "author", data: rows.map((r) => r.namespace) },
    { name: "likes", data: rows.map((r) => BigInt(r.likes)) },
    { name: "downloads", data: rows.map((r) => BigInt(r.downloads)) },
  ];
  if (allTime)
    columns.push({
      name: "downloadsAllTime",
      data: rows.map((r) => (r.downloads_all_time === null ? null : BigInt(r.downloads_all_time))),
    });
  columns.push(
    {
      name: "createdAt",
      data: rows.map((r) => (r.created_ms === null ? null : new Date(Number(r.created_ms)))),
    },
    { name: "pipeline_tag", data: rows.map((r) => r.pipeline_tag) },
    { name: "library_name", data: rows.map((r) => r.library_name) },
    { name: "tags", data: tags },
    {
      name: "baseModels",
      data: rows.map((r) =>
        r.base_models && r.base_models.length > 0
          ? { relation: r.base_relation, models: r.base_models.map((id) => ({ id })) }
          : null,
      ),
    },
    { name: "gated", data: rows.map((r) => (r.gated === null ? null : r.gated ? "manual" : "False")) },
  );
  return columns;
}

type DatePlan = { date: string; study: boolean; allTime: boolean };

/** The published dates (a succeeded run of real data), oldest first, with their population. */
async function publishedDates(db: Database, from?: string, to?: string): Promise<DatePlan[]> {
  const rows = await db.prisma.$queryRaw<{ date: Date; study: boolean; all_time: boolean }[]>`
    SELECT as_of AS date, bool_or(source = 'study') AS study, bool_and(all_time_counts) AS all_time
    FROM ingest_run
    WHERE status = 'succeeded' AND NOT partial AND source <> 'demo'
      AND as_of >= COALESCE(${from ?? null}::date, '-infinity'::date)
      AND as_of <= COALESCE(${to ?? null}::date, 'infinity'::date)
    GROUP BY as_of ORDER BY as_of`;
  return rows.map((r) => ({ date: isoDay(r.date), study: r.study, allTime: r.all_time }));
}

/** The registry the database attributes with, in the origin registry's file format. */
export async function registryOf(db: Database): Promise<Registry> {
  const labs = await db.prisma.lab.findMany({ orderBy: { slug: "asc" } });
  const organizations = await db.prisma.organization.findMany({
    where: { inRegistry: true },
    orderBy: { namespace: "asc" },
  });
  return parseRegistry(
    {
      labs: labs.map((l) => ({
        slug: l.slug,
        name: l.name,
        parent: l.parent,
        country: l.country,
        color: l.color,
      })),
      organizations: organizations.map((o) => ({
        namespace: o.namespace,
        lab: o.labSlug,
        country: o.country,
        international: o.international,
        kind: o.kind === "re_publisher" ? "re-publisher" : o.kind,
        source: o.source,
        ...(o.note ? { note: o.note } : {}),
      })),
    },
    "the database's registry",
  );
}

/** Where a date's file goes: the Hub's layout for the listing's dates, `study/` for the study's. */
export const exportPath = (date: string, study: boolean) =>
  `${study ? "study" : "models"}/${date}/models.parquet`;

/**
 * Writes every published date (within --from/--to) as a file, the registry and the manifest.
 * A file is written under a temporary name and renamed once whole, so an interrupted export never
 * leaves a truncated file a restore would read as a date.
 */
export async function runExport(
  db: Database,
  options: ExportOptions,
  progress: (p: ExportProgress) => void = () => {},
): Promise<ExportSummary> {
  const started = performance.now();
  const pageRows = options.pageRows ?? EXPORT_PAGE_ROWS;
  const plans = await publishedDates(db, options.from, options.to);
  const version = await dataVersion(db);
  await mkdir(options.out, { recursive: true });
  const dates: ManifestDate[] = [];
  const collectIfNeeded = heapGovernor();
  let rows = 0;
  let bytes = 0;
  for (const [index, plan] of plans.entries()) {
    const relative = exportPath(plan.date, plan.study);
    const file = path.join(options.out, relative);
    await mkdir(path.dirname(file), { recursive: true });
    const partial = `${file}.partial`;
    const writer = fileWriter(partial);
    const parquet = new ParquetWriter({
      writer,
      schema: listingSchema(plan.allTime),
      statistics: false,
      createdBy: "Open Model Share export",
      kvMetadata: [
        { key: "open_model_share.snapshot_date", value: plan.date },
        { key: "open_model_share.population", value: plan.study ? "study" : "hub" },
        { key: "open_model_share.data_version", value: version },
      ],
    });
    let count = 0;
    const read = (after: number) =>
      withRawTransaction(db.raw, (tx) => tx.query<SnapshotRow>(PAGE_SQL, [plan.date, after, pageRows]));
    // The next page is asked for before this one is encoded: the database reads it meanwhile.
    let next: ReturnType<typeof read> | null = read(0);
    try {
      while (next) {
        const page: SnapshotRow[] = (await next).rows;
        const last = page.at(-1);
        next = last && page.length === pageRows ? read(last.model_id) : null;
        const real = page.filter((r) => !r.demo);
        if (real.length > 0)
          parquet.write({ columnData: pageColumns(real, plan.allTime), rowGroupSize: real.length });
        count += real.length;
        progress({ date: plan.date, index, dates: plans.length, rows: count });
        collectIfNeeded();
      }
      parquet.finish();
    } catch (error) {
      await next?.catch(() => {});
      await rm(partial, { force: true });
      throw error;
    }
    bytes += writer.offset;
    await rename(partial, file);
    rows += count;
    dates.push({ date: plan.date, path: relative, population: plan.study ? "study" : "hub", rows: count });
    collectGarbage();
  }
  const registry = `${JSON.stringify(await registryOf(db), null, 2)}\n`;
  await writeFile(path.join(options.out, "registry.json"), registry);
  const manifest: ExportManifest = {
    format: "open-model-share-export",
    version: 1,
    dating: "exact",
    exportedAt: new Date().toISOString(),
    dataVersion: version,
    registry: { file: "registry.json", sha256: createHash("sha256").update(registry).digest("hex") },
    dates,
  };
  await writeFile(path.join(options.out, MANIFEST_FILE), `${JSON.stringify(manifest, null, 2)}\n`);
  const seconds = (performance.now() - started) / 1000;
  const stored = await db.prisma.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT date)::int AS n FROM model_snapshot
    WHERE date >= COALESCE(${options.from ?? null}::date, '-infinity'::date)
      AND date <= COALESCE(${options.to ?? null}::date, 'infinity'::date)`;
  return {
    out: options.out,
    dates: dates.length,
    rows,
    bytes,
    seconds,
    rowsPerSecond: Math.round(rows / Math.max(seconds, 0.001)),
    skipped: Math.max(0, (stored[0]?.n ?? 0) - dates.length),
  };
}
