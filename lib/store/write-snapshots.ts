import type { Database } from "../db";
import { BINARY_COPY_END, BINARY_COPY_HEADER, BinaryCopyRows, postgresDays } from "../db/copy-binary";
import { isUniqueViolation } from "../db/errors";
import { versionDigestSql } from "../db/model-version";
import { copyField, type RawTransaction, withRawTransaction } from "../db/raw";
import { repackSql } from "../domain/repacks";
import { type Fingerprints, fingerprint, KnownModels } from "./known-models";
import type { ModelRecord } from "./model-record";

export type WriteOptions = {
  /** The run the snapshots belong to (null only in tests). */
  runId: number | null;
  /**
   * History files may not have a column the database knows (a CSV without tasks): the model row then
   * keeps what is stored for those fields (`true`: every field; a list: these). A field a source gives
   * is its word for its date, empty included, as the crawl's listing is: it overwrites.
   */
  keepKnown?: KeepKnown;
  /** More statements for the same transaction (the run's progress commits with its rows). */
  alsoInTransaction?: (tx: RawTransaction) => Promise<void>;
};

const STAGE = `stage_snapshot`;
/** The stage with its times as timestamps. */
const STAGED = `(SELECT *, 'epoch'::timestamptz + created_ms * interval '1 millisecond' AS created_at,
  'epoch'::timestamptz + last_modified_ms * interval '1 millisecond' AS last_modified FROM ${STAGE})`;
const COLUMNS = [
  "ord",
  "hub_id",
  "namespace",
  "created_ms",
  "last_modified_ms",
  "pipeline_tag",
  "library_name",
  "license",
  "gated",
  "parameters",
  "base_models",
  "base_relation",
  "downloads",
  "downloads_all_time",
  "likes",
  "tagged",
] as const;
const SNAPSHOT_COLUMNS = [
  "model_id",
  "date",
  "downloads",
  "downloads_all_time",
  "likes",
  "run_id",
  "version_id",
] as const;
const UPDATE_SNAPSHOT = `ON CONFLICT (date, model_id) DO UPDATE SET
      downloads = EXCLUDED.downloads,
      downloads_all_time = EXCLUDED.downloads_all_time,
      likes = EXCLUDED.likes,
      run_id = EXCLUDED.run_id,
      version_id = EXCLUDED.version_id`;

/** The stage's base models (a line each) as the array a version stores. */
const STAGED_BASES = (s: string) => `COALESCE(string_to_array(${s}.base_models, E'\\n'), '{}')`;
/** A staged listing's version digest: its attributes as a date's numbers use them. */
const VERSION_DIGEST = (s: string) =>
  versionDigestSql({
    createdMs: `${s}.created_ms`,
    pipelineTag: `${s}.pipeline_tag`,
    libraryName: `${s}.library_name`,
    gated: `${s}.gated`,
    baseModels: STAGED_BASES(s),
    baseRelation: `${s}.base_relation`,
    tagged: `COALESCE(${s}.tagged, false)`,
  });

/** Writes batches of snapshots, remembering the models it wrote (see `snapshotWriter`). */
export type SnapshotWriter = {
  write(records: readonly ModelRecord[], date: string, options: BatchOptions): Promise<number>;
  /**
   * Tells the model rows of the later dates their snapshots were written at by id (a model's row
   * shows it as of its latest listing). Call once the writer's dates are all written, before they
   * are marked stored.
   */
  finish(): Promise<void>;
  /** Models of the last batch written by id from memory, and merged through the model table. */
  readonly last: { fromMemory: number; merged: number };
};
export type BatchOptions = Omit<WriteOptions, "keepKnown">;

/** The model row's fields a source may leave out; the licence, parameters and times are always kept. */
export const KEEPABLE = ["pipeline_tag", "library_name", "gated", "base_models"] as const;
export type KeepKnown = boolean | readonly (typeof KEEPABLE)[number][];

/**
 * Writes snapshots of `date` for any number of models in one transaction: the rows are copied
 * (COPY) into a temporary table, then merged set-wise — new namespaces become organizations
 * (unattributed until the registry knows them), new or changed models are upserted by Hub id, and
 * snapshots are upserted by (date, model). Re-writing a date updates, never duplicates. Returns the
 * number of snapshot rows (a model listed twice counts once: its last listing wins).
 */
export async function writeSnapshots(
  db: Database,
  records: readonly ModelRecord[],
  date: string,
  options: WriteOptions,
): Promise<number> {
  return (await writeLane(db, unsorted(records), date, options, null)).written;
}

/**
 * The write path of a writer that stores the same models date after date (an import, a backfill:
 * every weekly file lists most of the Hub again). A model whose record is exactly the one this
 * writer last committed for it is written by id, its snapshot copied straight into the table; the
 * rest go through `writeSnapshots`' merge, which hands back their ids. Valid while nothing else
 * rewrites those model rows: every writer holds the ingest lock for its whole run, so one writer
 * lives no longer than its run. (A registry sync during a run that changes a namespace's spelling
 * reaches the models written by id at their next merge: a changed record or the next crawl.)
 */
export function snapshotWriter(
  db: Database,
  options: { keepKnown: KeepKnown; lanes?: number; minLaneRows?: number },
): SnapshotWriter {
  const memory = new KnownModels();
  const lanes = laneCount(db, options.lanes ?? WRITE_LANES);
  const minLaneRows = options.minLaneRows ?? MIN_LANE_ROWS;
  const writer = {
    last: { fromMemory: 0, merged: 0 },
    async write(records: readonly ModelRecord[], date: string, batch: BatchOptions) {
      const writeOptions = { ...batch, keepKnown: options.keepKnown };
      const others: Promise<LaneResult>[] = [];
      const first = withRawTransaction(db.raw, async (tx) => {
        const sorted = await copyKnownWhileSorting(tx, records, memory, date, batch.runId);
        // More statements for the batch's transaction need the batch in one transaction.
        const split = lanes > 1 && !batch.alsoInTransaction && sorted.unknown.length >= lanes * minLaneRows;
        const parts = split ? splitIntoLanes(sorted, lanes) : [sorted];
        if (split) {
          await insertOrganizations(db, sorted.unknown);
          for (const part of parts.slice(1)) others.push(writeLane(db, part, date, writeOptions, memory));
          // Each is awaited below, once this lane has ended too.
          for (const other of others) other.catch(() => {});
        }
        const own = parts[0] as SortedBatch;
        const merged = await mergeUnknown(tx, own, date, writeOptions, true);
        return { own, merged, written: sorted.known + merged.written, fromMemory: sorted.known };
      }).then(({ own, merged, written, fromMemory }) => {
        // Only now: the ids of a rolled-back transaction may never exist.
        remember(memory, own, merged, date);
        return { written, fromMemory, merged: own.unknown.length };
      });
      const settled = [...(await Promise.allSettled([first])), ...(await Promise.allSettled(others))];
      // Every lane has ended (committed or rolled back) before an error reaches the caller.
      const failed = settled.find((r) => r.status === "rejected");
      if (failed) throw failed.reason;
      const results = settled.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
      const sum = (key: keyof LaneResult) => results.reduce((n, r) => n + r[key], 0);
      writer.last = { fromMemory: sum("fromMemory"), merged: sum("merged") };
      return sum("written");
    },
    async finish() {
      const advanced = memory.advanced();
      if (advanced.ids.length === 0) return;
      await withRawTransaction(db.raw, (tx) => advanceModels(tx, advanced));
    },
  };
  return writer;
}

/**
 * Models a writer wrote by id at later dates than the one their record was merged at: their rows
 * take that latest date, and the version it was listed with, where no later listing is stored.
 */
async function advanceModels(
  tx: RawTransaction,
  advanced: { ids: number[]; days: number[]; versions: number[] },
): Promise<void> {
  await tx.query(
    `WITH advanced AS (
       SELECT * FROM unnest($1::int[], $2::int[], $3::int[]) AS a(id, day, version_id)
     ),
     moved AS (
       UPDATE model m SET latest_date = DATE '2000-01-01' + a.day, version_id = a.version_id,
         created_at = COALESCE(v.created_at, m.created_at), pipeline_tag = v.pipeline_tag,
         library_name = v.library_name, gated = COALESCE(v.gated, m.gated), base_models = v.base_models,
         base_relation = v.base_relation, updated_at = now()
       FROM advanced a JOIN model_version v ON v.id = a.version_id
       WHERE m.id = a.id AND (m.latest_date IS NULL OR m.latest_date < DATE '2000-01-01' + a.day)
       RETURNING m.id, m.version_id
     )
     INSERT INTO lineage_pending (model_id) SELECT id FROM moved ON CONFLICT DO NOTHING`,
    [advanced.ids, advanced.days, advanced.versions],
  );
}

type LaneResult = { written: number; fromMemory: number; merged: number };

/**
 * Merges a writer runs side by side on Postgres: merging a new model (its row, eight index
 * entries, its namespace's key) keeps one server process busy, and a second transaction puts the
 * server's second core to work (PGlite runs one statement at a time). Snapshots of known models
 * are one COPY either way: they stay in the first lane. Measured in bench/README.md.
 */
export const WRITE_LANES = 2;
/** Models a lane merges at least: below it the second transaction costs more than it saves. */
export const MIN_LANE_ROWS = 2500;

/**
 * The first lane holds its connection while the batch's organizations are inserted on another:
 * lanes need a pool of two connections at least.
 */
function laneCount(db: Database, wanted: number): number {
  if (db.raw.kind !== "postgres") return 1;
  const poolSize = db.raw.pool.options.max ?? 10;
  return poolSize < 2 ? 1 : Math.max(1, Math.min(wanted, poolSize));
}

/**
 * A model's lane, by its Hub id: a model listed twice goes to one lane (where the last listing
 * wins, as in one transaction), and two lanes never write the same model row or wait on each
 * other for it. The writer's memory is shared: each lane remembers its ids once it commits.
 */
function laneOf(hubId: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < hubId.length; i++) hash = Math.imul(hash ^ hubId.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % lanes;
}

/** The first lane writes the known models' snapshots and its share of the merge; the others, theirs. */
function splitIntoLanes(batch: SortedBatch, lanes: number): SortedBatch[] {
  const parts: SortedBatch[] = Array.from({ length: lanes }, (_, lane) => ({
    ...batch,
    known: lane === 0 ? batch.known : 0,
    unknown: [],
    unknownAt: [],
  }));
  batch.unknown.forEach((record, k) => {
    const part = parts[laneOf(record.hubId, lanes)] as SortedBatch;
    part.unknown.push(record);
    part.unknownAt.push(batch.unknownAt[k] as number);
  });
  return parts;
}

/**
 * The batch's new namespaces become organizations before its other lanes start: two lanes
 * inserting the same new namespace would wait on each other's uncommitted row, each holding what
 * the other waits for. Sorted, and in a transaction of its own, so that it waits on no lane.
 */
async function insertOrganizations(db: Database, records: readonly ModelRecord[]): Promise<void> {
  const namespaces = [...new Set(records.map((r) => r.namespace))];
  await withRawTransaction(db.raw, async (tx) => {
    const registry = await registrySpelling(tx);
    const spelled = [...new Set(namespaces.map((n) => registry.get(n.toLowerCase()) ?? n))].sort();
    await tx.query(
      `INSERT INTO organization (namespace)
       SELECT n FROM unnest($1::text[]) AS n
       WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.namespace = n)
       ORDER BY n
       ON CONFLICT (namespace) DO NOTHING`,
      [spelled],
    );
  });
}

/** A batch no memory has seen: every record merged (a model listed twice once: its last listing). */
function unsorted(records: readonly ModelRecord[]): SortedBatch {
  return { known: 0, unknown: [...dedupe(records)], prints: new Uint32Array(0), unknownAt: [] };
}

/** A lane of its own: a transaction that merges the batch's unknown models. */
async function writeLane(
  db: Database,
  batch: SortedBatch,
  date: string,
  options: WriteOptions,
  memory: KnownModels | null,
): Promise<LaneResult> {
  if (batch.unknown.length === 0 && !options.alsoInTransaction)
    return { written: 0, fromMemory: 0, merged: 0 };
  const merged = await withRawTransaction(db.raw, (tx) =>
    mergeUnknown(tx, batch, date, options, memory !== null),
  );
  if (memory) remember(memory, batch, merged, date);
  return { written: merged.written, fromMemory: 0, merged: batch.unknown.length };
}

/**
 * Call only once the transaction that merged `batch` has committed: `ids` and `versions` are in its
 * unknown's order.
 */
function remember(memory: KnownModels, batch: SortedBatch, merged: Merged, date: string): void {
  const day = postgresDays(date);
  merged.ids.forEach((id, ord) => {
    memory.remember(batch.prints, batch.unknownAt[ord] as number, id, merged.versions[ord] as number, day);
  });
}

type Merged = { written: number; ids: number[]; versions: number[] };

/** The batch's unknown models merged through the model table; their ids in the batch's order. */
async function mergeUnknown(
  tx: RawTransaction,
  batch: SortedBatch,
  date: string,
  options: WriteOptions,
  remembering: boolean,
): Promise<Merged> {
  const { unknown } = batch;
  let merged: Merged = { written: 0, ids: [], versions: [] };
  // A lost commit after a crash of the server costs nothing: every writer is resumable and
  // idempotent, so the next run writes it again. Not so for a writer's new models: it remembers
  // their ids once the commit is acknowledged, and a snapshot written by id is checked by no key.
  // (The setting in force at the commit is the one that counts.) Postgres only: PGlite's server is
  // this process, with no WAL writer to flush a commit left for later, so a kill would lose every
  // commit since the last synchronous one — its fsync is off, a synchronous commit costs a write.
  if (tx.kind === "postgres" && (!remembering || unknown.length === 0))
    await tx.query("SET LOCAL synchronous_commit = off");
  if (unknown.length > 0) {
    // Merges below join a small stage to large tables: index probes, never a scan of the model table
    // (the planner, without statistics on the stage, hashes all of it).
    await tx.query("SET LOCAL enable_hashjoin = off");
    await tx.query("SET LOCAL enable_mergejoin = off");
    await tx.query(`CREATE TEMP TABLE ${STAGE} (
      ord int NOT NULL, hub_id text NOT NULL, namespace text NOT NULL, created_ms bigint,
      last_modified_ms bigint, pipeline_tag text, library_name text, license text, gated boolean,
      parameters bigint, base_models text, base_relation text, downloads bigint NOT NULL,
      downloads_all_time bigint, likes int NOT NULL, tagged boolean
    ) ON COMMIT DROP`);
    // Generated a thousand rows at a time: a batch's text is never one string.
    await tx.copyFrom(STAGE, COLUMNS, copyRows(unknown, await registrySpelling(tx)));
    await mergeOrganizations(tx);
    await mergeModels(tx, options.keepKnown ?? false, date);
    await mergeVersions(tx, date);
    merged = await mergeSnapshots(tx, date, options.runId, remembering);
  }
  await options.alsoInTransaction?.(tx);
  return merged;
}

/** A batch sorted out by a writer's memory: how many models it knows, and the rest. */
type SortedBatch = {
  known: number;
  unknown: ModelRecord[];
  /** The batch's fingerprints, and where each unknown record's is: to remember it by */
  prints: Fingerprints;
  unknownAt: number[];
};

/** Rows of a known model's snapshot: a field count, then seven fields (length and value). */
const SNAPSHOT_ROW_BYTES = 2 + 7 * 4 + 4 + 4 + 8 + 8 + 4 + 4 + 4;
/**
 * Records sorted out per chunk of known rows sent: the server stores one chunk while the next is
 * sorted (fingerprinting a record and building its row cost about what storing it does).
 */
const SORT_CHUNK = 1000;

/** A model listed twice in a batch: its known row may be on its way already (see `sortOut`). */
class RepeatedModel extends Error {}

/**
 * Sorts `records` out into `into` a chunk at a time, yielding the known models' rows as they are
 * made (the whole of a binary COPY's input). Equal Hub ids have equal keys: without a repeated
 * key the batch has no repeated model; with one, the Hub ids tell, and a repeated model throws
 * `RepeatedModel` (ON CONFLICT cannot touch one row twice: the batch is sorted again without it).
 */
function* sortOut(
  records: readonly ModelRecord[],
  memory: KnownModels,
  date: string,
  runId: number | null,
  into: SortedBatch,
): Generator<Uint8Array> {
  const prints = new Uint32Array(3 * records.length);
  into.prints = prints;
  const keys = new Set<number>();
  let checked = false;
  const day = postgresDays(date);
  yield BINARY_COPY_HEADER;
  for (let start = 0; start < records.length; start += SORT_CHUNK) {
    const end = Math.min(start + SORT_CHUNK, records.length);
    const rows = new BinaryCopyRows(end - start, SNAPSHOT_ROW_BYTES, false);
    for (let i = start; i < end; i++) {
      const record = records[i] as ModelRecord;
      fingerprint(record, prints, i);
      const key = (prints[3 * i] as number) >>> 1;
      if (!checked && keys.has(key)) {
        checked = true;
        if (dedupe(records) !== records) throw new RepeatedModel();
      }
      keys.add(key);
      const slot = memory.slotOf(prints, i);
      if (slot < 0) {
        into.unknown.push(record);
        into.unknownAt.push(i);
        continue;
      }
      into.known++;
      memory.writtenAt(slot, day);
      rows
        .row(7)
        .int4(memory.idAt(slot))
        .date(day)
        .int8(record.downloads)
        .int8(record.downloadsAllTime)
        .int4(record.likes)
        .int4(runId)
        .int4(memory.versionAt(slot));
    }
    yield rows.end();
  }
  yield BINARY_COPY_END;
}

const emptyBatch = (): SortedBatch => ({
  known: 0,
  unknown: [],
  prints: new Uint32Array(0),
  unknownAt: [],
});

/** The whole batch sorted out before anything is sent, with its known rows (one binary COPY's input). */
function sortedAtOnce(
  records: readonly ModelRecord[],
  memory: KnownModels,
  date: string,
  runId: number | null,
): { sorted: SortedBatch; rows: Uint8Array[] } {
  const sort = (list: readonly ModelRecord[]) => {
    const sorted = emptyBatch();
    return { sorted, rows: [...sortOut(list, memory, date, runId, sorted)] };
  };
  try {
    return sort(records);
  } catch (error) {
    if (!(error instanceof RepeatedModel)) throw error;
    return sort(dedupe(records));
  }
}

/**
 * Sorts the batch out while copying the snapshots of the models the writer knows into the table by
 * id. A date written before (a resumed run, a file read again) breaks the key, and a model listed
 * twice may have had its first listing sent: then the batch is sorted again, whole, and its known
 * snapshots are upserted through a stage instead. A writer that knows no model yet sends nothing.
 */
async function copyKnownWhileSorting(
  tx: RawTransaction,
  records: readonly ModelRecord[],
  memory: KnownModels,
  date: string,
  runId: number | null,
): Promise<SortedBatch> {
  if (memory.size === 0) return sortedAtOnce(records, memory, date, runId).sorted;
  await tx.query("SAVEPOINT known_snapshots");
  try {
    const sorted = emptyBatch();
    await tx.copyFrom(
      "model_snapshot",
      SNAPSHOT_COLUMNS,
      sortOut(records, memory, date, runId, sorted),
      "binary",
    );
    await tx.query("RELEASE SAVEPOINT known_snapshots");
    return sorted;
  } catch (error) {
    if (!(error instanceof RepeatedModel) && !isUniqueViolation(error)) throw error;
    await tx.query("ROLLBACK TO SAVEPOINT known_snapshots");
  }
  const { sorted, rows } = sortedAtOnce(records, memory, date, runId);
  if (sorted.known === 0) return sorted;
  await tx.query("CREATE TEMP TABLE stage_known_snapshot (LIKE model_snapshot) ON COMMIT DROP");
  await tx.copyFrom("stage_known_snapshot", SNAPSHOT_COLUMNS, rows, "binary");
  await tx.query(
    `INSERT INTO model_snapshot (${SNAPSHOT_COLUMNS.join(", ")})
     SELECT ${SNAPSHOT_COLUMNS.join(", ")} FROM stage_known_snapshot ORDER BY model_id
     ${UPDATE_SNAPSHOT}`,
  );
  return sorted;
}

/** ON CONFLICT cannot touch one row twice in a statement: keep the last record per Hub id. */
function dedupe(records: readonly ModelRecord[]): readonly ModelRecord[] {
  const ids = new Set<string>();
  for (const record of records) ids.add(record.hubId);
  if (ids.size === records.length) return records;
  const byId = new Map<string, ModelRecord>();
  for (const record of records) byId.set(record.hubId, record);
  return [...byId.values()];
}

/** Rows of COPY's text format per chunk. */
const ROWS_PER_CHUNK = 1000;

/**
 * The stage's rows in COPY's text format (a tab between fields, a line per row), a chunk at a
 * time. Times travel as epoch milliseconds: formatting a date as ISO text cost more than the rest
 * of a row. Namespaces are respelled as the registry spells them (`registry`: lower case → name).
 */
function* copyRows(records: readonly ModelRecord[], registry: Map<string, string>): Generator<string> {
  const time = (d: Date | null) => (d ? d.getTime() : null);
  for (let start = 0; start < records.length; start += ROWS_PER_CHUNK) {
    let chunk = "";
    for (let i = start; i < Math.min(start + ROWS_PER_CHUNK, records.length); i++) {
      const r = records[i] as ModelRecord;
      const namespace = registry.get(r.namespace.toLowerCase()) ?? r.namespace;
      chunk +=
        `${i}\t${copyField(r.hubId)}\t${copyField(namespace)}\t${copyField(time(r.createdAt))}\t` +
        `${copyField(time(r.lastModified))}\t${copyField(r.pipelineTag)}\t${copyField(r.libraryName)}\t` +
        `${copyField(r.license)}\t${copyField(r.gated)}\t${copyField(r.parameters)}\t` +
        `${copyField(r.baseModels.length > 0 ? r.baseModels.join("\n") : null)}\t${copyField(r.baseRelation)}\t` +
        `${copyField(r.downloads)}\t${copyField(r.downloadsAllTime)}\t${copyField(r.likes)}\t` +
        `${copyField(r.repack ?? null)}\n`;
    }
    yield chunk;
  }
}

/**
 * Namespaces resolve ignoring case on the Hub: a model listed as `qwen/x` belongs to the registry's
 * `Qwen`. Records are respelled as they are staged (the registry is a few hundred names: one read,
 * no per-row join).
 */
async function registrySpelling(tx: RawTransaction): Promise<Map<string, string>> {
  const { rows } = await tx.query<{ namespace: string }>(
    "SELECT namespace FROM organization WHERE in_registry",
  );
  return new Map(rows.map((r) => [r.namespace.toLowerCase(), r.namespace]));
}

/** Unknown namespaces become organizations, unattributed until the registry knows them. */
async function mergeOrganizations(tx: RawTransaction): Promise<void> {
  await tx.query(
    `INSERT INTO organization (namespace)
     SELECT d.namespace FROM (SELECT DISTINCT namespace FROM ${STAGE}) d
     WHERE NOT EXISTS (SELECT 1 FROM organization o WHERE o.namespace = d.namespace)
     ON CONFLICT (namespace) DO NOTHING`,
  );
}

/**
 * A model's row shows it as of its latest stored listing (`latest_date`): a listing of that date or
 * later rewrites it, an older one only fills what the row lacks (a licence, a parameter count), so
 * the row ends the same whatever order dates are written in. Only rows that change are written
 * (rewriting every row and its index entries was most of the write path's time); what a date's
 * numbers use is its snapshot's version (`mergeVersions`).
 */
async function mergeModels(tx: RawTransaction, keepKnown: KeepKnown, date: string): Promise<void> {
  const bases = `string_to_array(s.base_models, E'\\n')`;
  // A field kept: an empty value keeps what is stored; otherwise the listing's value replaces it.
  const kept = (column: (typeof KEEPABLE)[number]) =>
    keepKnown === true || (Array.isArray(keepKnown) && keepKnown.includes(column));
  const value = (column: "pipeline_tag" | "library_name") =>
    kept(column) ? `COALESCE(s.${column}, m.${column})` : `s.${column}`;
  const incoming = {
    pipeline_tag: value("pipeline_tag"),
    library_name: value("library_name"),
    gated: kept("gated") ? "COALESCE(s.gated, m.gated, false)" : "COALESCE(s.gated, false)",
    base_models: kept("base_models")
      ? `CASE WHEN s.base_models IS NULL THEN COALESCE(m.base_models, '{}') ELSE ${bases} END`
      : `COALESCE(${bases}, '{}')`,
    base_relation: kept("base_models")
      ? "CASE WHEN s.base_models IS NULL THEN m.base_relation ELSE s.base_relation::base_relation END"
      : "s.base_relation::base_relation",
  };
  const latest = (column: keyof typeof incoming) =>
    `CASE WHEN n.newer THEN ${incoming[column]} ELSE m.${column} END`;
  // Fields no date's numbers use: a newer listing's value, else what is stored.
  const filled = (column: string) =>
    `CASE WHEN n.newer THEN COALESCE(s.${column}, m.${column}) ELSE COALESCE(m.${column}, s.${column}) END`;
  await tx.query(
    `
    WITH merged AS (
      SELECT s.hub_id, CASE WHEN n.newer THEN s.namespace ELSE m.namespace END AS namespace,
        ${filled("created_at")} AS created_at, ${filled("last_modified")} AS last_modified,
        ${latest("pipeline_tag")} AS pipeline_tag, ${latest("library_name")} AS library_name,
        ${keepKnown === false ? "CASE WHEN n.newer THEN s.license ELSE COALESCE(m.license, s.license) END" : filled("license")} AS license,
        ${latest("gated")} AS gated, ${filled("parameters")} AS parameters,
        ${latest("base_models")} AS base_models, ${latest("base_relation")} AS base_relation,
        CASE WHEN n.newer THEN $1::date ELSE m.latest_date END AS latest_date,
        m.id AS existing, m.demo,
        (m.namespace, m.created_at, m.last_modified, m.pipeline_tag, m.library_name, m.license, m.gated,
         m.parameters, m.base_models, m.base_relation, m.latest_date) AS stored
      FROM ${STAGED} s
      LEFT JOIN model m ON m.hub_id = s.hub_id
      CROSS JOIN LATERAL (SELECT m.id IS NULL OR m.latest_date IS NULL OR $1::date >= m.latest_date AS newer) n
    )
    INSERT INTO model (hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license,
                       gated, parameters, base_models, base_relation, latest_date, updated_at)
    SELECT hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license, gated,
      parameters, base_models, base_relation, latest_date, now()
    FROM merged x
    WHERE x.existing IS NULL OR x.demo
       OR x.stored IS DISTINCT FROM (x.namespace, x.created_at, x.last_modified, x.pipeline_tag,
          x.library_name, x.license, x.gated, x.parameters, x.base_models, x.base_relation, x.latest_date)
    -- In key order: new models' entries land side by side in the Hub-id indexes (and the
    -- namespace's, which a Hub id begins with) instead of all over them.
    ORDER BY x.hub_id
    ON CONFLICT (hub_id) DO UPDATE SET
      namespace = EXCLUDED.namespace,
      created_at = EXCLUDED.created_at,
      last_modified = EXCLUDED.last_modified,
      pipeline_tag = EXCLUDED.pipeline_tag,
      library_name = EXCLUDED.library_name,
      license = EXCLUDED.license,
      gated = EXCLUDED.gated,
      parameters = EXCLUDED.parameters,
      base_models = EXCLUDED.base_models,
      base_relation = EXCLUDED.base_relation,
      latest_date = EXCLUDED.latest_date,
      demo = false,
      updated_at = now()`,
    [date],
  );
}

/**
 * Each staged listing's attributes as a version of its model (one row per distinct set); a model
 * with a version it had not had before is queued for the next publish to resolve its lineage, and
 * so is one whose row now points at another version (it is shown as of that one).
 */
async function mergeVersions(tx: RawTransaction, date: string): Promise<void> {
  await tx.query(`
    WITH added AS (
      INSERT INTO model_version (model_id, digest, created_at, pipeline_tag, library_name, gated, base_models,
                                 base_relation, repack)
      SELECT m.id, ${VERSION_DIGEST("s")}, s.created_at, s.pipeline_tag, s.library_name, s.gated,
        ${STAGED_BASES("s")}, s.base_relation::base_relation, ${repackSql("s", "s.tagged")}
      FROM ${STAGED} s JOIN model m ON m.hub_id = s.hub_id
      ON CONFLICT (model_id, digest) DO NOTHING
      RETURNING model_id
    )
    INSERT INTO lineage_pending (model_id) SELECT DISTINCT model_id FROM added ON CONFLICT DO NOTHING`);
  await tx.query(
    `
    WITH pointed AS (
      UPDATE model m SET version_id = v.id
      FROM ${STAGE} s, model_version v
      WHERE m.hub_id = s.hub_id AND m.latest_date = $1::date AND v.model_id = m.id
        AND v.digest = ${VERSION_DIGEST("s")} AND m.version_id IS DISTINCT FROM v.id
      RETURNING m.id
    )
    INSERT INTO lineage_pending (model_id) SELECT id FROM pointed ON CONFLICT DO NOTHING`,
    [date],
  );
}

/**
 * Snapshots of the staged models by (date, model). Returns the number of rows written and, when
 * `withIds` (a writer remembers them), each staged row's model id by its place in the stage.
 */
async function mergeSnapshots(
  tx: RawTransaction,
  date: string,
  runId: number | null,
  withIds: boolean,
): Promise<Merged> {
  const resolved = `(SELECT s.ord, m.id, s.downloads, s.downloads_all_time, s.likes, v.id AS version_id
    FROM ${STAGE} s JOIN model m ON m.hub_id = s.hub_id
    JOIN model_version v ON v.model_id = m.id AND v.digest = ${VERSION_DIGEST("s")})`;
  // In key order: the date's index entries are appended side by side instead of all over.
  const insert = (from: string) => `INSERT INTO model_snapshot (${SNAPSHOT_COLUMNS.join(", ")})
    SELECT id, $1::date, downloads, downloads_all_time, likes, $2::int, version_id FROM ${from} ORDER BY id
    ${UPDATE_SNAPSHOT}`;
  if (!withIds) {
    const { affected } = await tx.query(insert(`${resolved} r`), [date, runId]);
    return { written: affected, ids: [], versions: [] };
  }
  const { rows } = await tx.query<{ ord: number; id: number; version_id: number }>(
    `WITH resolved AS MATERIALIZED ${resolved}, written AS (${insert("resolved")})
     SELECT ord, id, version_id FROM resolved`,
    [date, runId],
  );
  const ids: number[] = [];
  const versions: number[] = [];
  for (const { ord, id, version_id } of rows) {
    ids[ord] = id;
    versions[ord] = version_id;
  }
  return { written: rows.length, ids, versions };
}
