import type { Database } from "../db";
import { BINARY_COPY_END, BINARY_COPY_HEADER, BinaryCopyRows, postgresDays } from "../db/copy-binary";
import { isUniqueViolation } from "../db/errors";
import { copyField, type RawTransaction, withRawTransaction } from "../db/raw";
import { type Fingerprints, fingerprint, KnownModels } from "./known-models";
import type { ModelRecord } from "./model-record";

export type WriteOptions = {
  /** The run the snapshots belong to (null only in tests). */
  runId: number | null;
  /**
   * History files may leave a field empty that the database knows (a licence, the base models):
   * then keep what is stored. The crawl's listing is the Hub's word: it overwrites.
   */
  keepKnown?: boolean;
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
] as const;
const SNAPSHOT_COLUMNS = ["model_id", "date", "downloads", "downloads_all_time", "likes", "run_id"] as const;
const UPDATE_SNAPSHOT = `ON CONFLICT (date, model_id) DO UPDATE SET
      downloads = EXCLUDED.downloads,
      downloads_all_time = EXCLUDED.downloads_all_time,
      likes = EXCLUDED.likes,
      run_id = EXCLUDED.run_id`;

/** Writes batches of snapshots, remembering the models it wrote (see `snapshotWriter`). */
export type SnapshotWriter = {
  write(records: readonly ModelRecord[], date: string, options: BatchOptions): Promise<number>;
  /** Models of the last batch written by id from memory, and merged through the model table. */
  readonly last: { fromMemory: number; merged: number };
};
export type BatchOptions = Omit<WriteOptions, "keepKnown">;

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
  options: { keepKnown: boolean; lanes?: number; minLaneRows?: number },
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
        return { own, ids: merged.ids, written: sorted.known + merged.written, fromMemory: sorted.known };
      }).then(({ own, ids, written, fromMemory }) => {
        // Only now: the ids of a rolled-back transaction may never exist.
        remember(memory, own, ids);
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
  };
  return writer;
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
  const { written, ids } = await withRawTransaction(db.raw, (tx) =>
    mergeUnknown(tx, batch, date, options, memory !== null),
  );
  if (memory) remember(memory, batch, ids);
  return { written, fromMemory: 0, merged: batch.unknown.length };
}

/** Call only once the transaction that merged `batch` has committed: `ids` are in its unknown's order. */
function remember(memory: KnownModels, batch: SortedBatch, ids: readonly number[]): void {
  ids.forEach((id, ord) => {
    memory.remember(batch.prints, batch.unknownAt[ord] as number, id);
  });
}

/** The batch's unknown models merged through the model table; their ids in the batch's order. */
async function mergeUnknown(
  tx: RawTransaction,
  batch: SortedBatch,
  date: string,
  options: WriteOptions,
  remembering: boolean,
): Promise<{ written: number; ids: number[] }> {
  const { unknown } = batch;
  let written = 0;
  let ids: number[] = [];
  // A lost commit after a crash costs nothing: every writer is resumable and idempotent, so the
  // next run writes it again. Not so for a writer's new models: it remembers their ids once the
  // commit is acknowledged, and a snapshot written by id is checked by no key. (The setting in
  // force at the commit is the one that counts.)
  if (!remembering || unknown.length === 0) await tx.query("SET LOCAL synchronous_commit = off");
  if (unknown.length > 0) {
    // Merges below join a small stage to large tables: index probes, never a scan of the model table
    // (the planner, without statistics on the stage, hashes all of it).
    await tx.query("SET LOCAL enable_hashjoin = off");
    await tx.query("SET LOCAL enable_mergejoin = off");
    await tx.query(`CREATE TEMP TABLE ${STAGE} (
      ord int NOT NULL, hub_id text NOT NULL, namespace text NOT NULL, created_ms bigint,
      last_modified_ms bigint, pipeline_tag text, library_name text, license text, gated boolean,
      parameters bigint, base_models text, base_relation text, downloads bigint NOT NULL,
      downloads_all_time bigint, likes int NOT NULL
    ) ON COMMIT DROP`);
    // Generated a thousand rows at a time: a batch's text is never one string.
    await tx.copyFrom(STAGE, COLUMNS, copyRows(unknown, await registrySpelling(tx)));
    await mergeOrganizations(tx);
    await mergeModels(tx, options.keepKnown === true);
    const merged = await mergeSnapshots(tx, date, options.runId, remembering);
    written = merged.written;
    ids = merged.ids;
  }
  await options.alsoInTransaction?.(tx);
  return { written, ids };
}

/** A batch sorted out by a writer's memory: how many models it knows, and the rest. */
type SortedBatch = {
  known: number;
  unknown: ModelRecord[];
  /** The batch's fingerprints, and where each unknown record's is: to remember it by */
  prints: Fingerprints;
  unknownAt: number[];
};

/** Rows of a known model's snapshot: a field count, then six fields (length and value). */
const SNAPSHOT_ROW_BYTES = 2 + 6 * 4 + 4 + 4 + 8 + 8 + 4 + 4;
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
      const id = memory.idOf(prints, i);
      if (id === null) {
        into.unknown.push(record);
        into.unknownAt.push(i);
        continue;
      }
      into.known++;
      rows
        .row(6)
        .int4(id)
        .date(day)
        .int8(record.downloads)
        .int8(record.downloadsAllTime)
        .int4(record.likes)
        .int4(runId);
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
        `${copyField(r.downloads)}\t${copyField(r.downloadsAllTime)}\t${copyField(r.likes)}\n`;
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
 * Most models have not changed since the last write of them: only new or changed ones are
 * written (rewriting every row and its index entries was most of the write path's time), and
 * queued for the next publish to resolve their lineage.
 */
async function mergeModels(tx: RawTransaction, keepKnown: boolean): Promise<void> {
  const bases = `string_to_array(s.base_models, E'\\n')`;
  // With keepKnown an empty value keeps what is stored; the crawl's values replace it.
  const value = (column: string, stage = `s.${column}`) =>
    keepKnown ? `COALESCE(${stage}, m.${column})` : stage;
  const incoming = {
    pipeline_tag: value("pipeline_tag"),
    library_name: value("library_name"),
    license: value("license"),
    gated: keepKnown ? "COALESCE(s.gated, m.gated, false)" : "COALESCE(s.gated, false)",
    base_models: keepKnown
      ? `CASE WHEN s.base_models IS NULL THEN COALESCE(m.base_models, '{}') ELSE ${bases} END`
      : `COALESCE(${bases}, '{}')`,
    base_relation: keepKnown
      ? "CASE WHEN s.base_models IS NULL THEN m.base_relation ELSE s.base_relation::base_relation END"
      : "s.base_relation::base_relation",
  };
  await tx.query(`
    WITH upserted AS (
    INSERT INTO model (hub_id, namespace, created_at, last_modified, pipeline_tag, library_name, license,
                       gated, parameters, base_models, base_relation, updated_at)
    SELECT s.hub_id, s.namespace, COALESCE(s.created_at, m.created_at), COALESCE(s.last_modified, m.last_modified),
           ${incoming.pipeline_tag}, ${incoming.library_name}, ${incoming.license}, ${incoming.gated},
           COALESCE(s.parameters, m.parameters), ${incoming.base_models}, ${incoming.base_relation}, now()
    FROM ${STAGED} s
    LEFT JOIN model m ON m.hub_id = s.hub_id
    WHERE m.id IS NULL
       OR m.demo
       OR (m.namespace, m.pipeline_tag, m.library_name, m.license, m.gated, m.base_models, m.base_relation)
          IS DISTINCT FROM
          (s.namespace, ${incoming.pipeline_tag}, ${incoming.library_name}, ${incoming.license}, ${incoming.gated},
           ${incoming.base_models}, ${incoming.base_relation})
       OR (s.created_at IS NOT NULL AND s.created_at IS DISTINCT FROM m.created_at)
       OR (s.last_modified IS NOT NULL AND s.last_modified IS DISTINCT FROM m.last_modified)
       OR (s.parameters IS NOT NULL AND s.parameters IS DISTINCT FROM m.parameters)
    -- In key order: new models' entries land side by side in the Hub-id indexes (and the
    -- namespace's, which a Hub id begins with) instead of all over them.
    ORDER BY s.hub_id
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
      demo = false,
      updated_at = now()
    RETURNING id
    )
    INSERT INTO lineage_pending (model_id) SELECT id FROM upserted ON CONFLICT DO NOTHING`);
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
): Promise<{ written: number; ids: number[] }> {
  const resolved = `(SELECT s.ord, m.id, s.downloads, s.downloads_all_time, s.likes
    FROM ${STAGE} s JOIN model m ON m.hub_id = s.hub_id)`;
  // In key order: the date's index entries are appended side by side instead of all over.
  const insert = (from: string) => `INSERT INTO model_snapshot (${SNAPSHOT_COLUMNS.join(", ")})
    SELECT id, $1::date, downloads, downloads_all_time, likes, $2::int FROM ${from} ORDER BY id
    ${UPDATE_SNAPSHOT}`;
  if (!withIds) {
    const { affected } = await tx.query(insert(`${resolved} r`), [date, runId]);
    return { written: affected, ids: [] };
  }
  const { rows } = await tx.query<{ ord: number; id: number }>(
    `WITH resolved AS MATERIALIZED ${resolved}, written AS (${insert("resolved")}) SELECT ord, id FROM resolved`,
    [date, runId],
  );
  const ids: number[] = [];
  for (const { ord, id } of rows) ids[ord] = id;
  return { written: rows.length, ids };
}
