/**
 * The file shapes `npm run import` reads, and how their columns map onto a snapshot.
 *
 * Column names match case-insensitively and ignoring `_`, `-`, `.` and spaces inside them, so
 * `downloads_all_time`, `downloadsAllTime` and `Downloads All Time` are one name; a leading `_`
 * counts (the listing's `_id` is an opaque database key, never the model id). Unknown or extra
 * columns are ignored. The first listed column present wins.
 *
 * | field            | open-model-evolution        | hub-stats                     | weekly-snapshots              | csv                              |
 * | ---------------- | --------------------------- | ----------------------------- | ----------------------------- | -------------------------------- |
 * | model id *       | model                       | id, modelId                   | id, modelId, model_id, model  | model_id, id, model              |
 * | snapshot date *  | time                        | — (--as-of, or a YYYY-MM-DD   | snapshot_date, snapshot,      | date, snapshot_date              |
 * |                  |                             |   in the file path)           |   date, week, as_of           |                                  |
 * | downloadsAllTime | downloadsAllTime *          | downloadsAllTime (2025-02-26+)| downloadsAllTime *            | downloads_all_time *             |
 * | downloads (30 d) | downloads, downloads_30d    | downloads *                   | downloads                     | downloads, downloads_30d         |
 * | likes            | likes                       | likes                         | likes                         | likes                            |
 * | createdAt        | created, createdAt          | createdAt                     | createdAt                     | created_at, created              |
 * | lastModified     | —                           | lastModified                  | lastModified                  | —                                |
 * | pipeline tag     | pipeline_tag                | pipeline_tag                  | pipeline_tag                  | —                                |
 * | library          | library_name                | library_name                  | library_name                  | —                                |
 * | gated            | —                           | gated                         | gated                         | —                                |
 * | parameters       | —                           | safetensors (.total)          | safetensors (.total)          | —                                |
 * | tags             | —                           | tags (license:, base_model:)  | tags (license:, base_model:)  | —                                |
 * | base models      | merged_derived_from         | baseModels ({relation,models})| baseModels ({relation,models})| base_models                      |
 * | author           | author                      | author                        | author                        | —                                |
 * | private          | —                           | private                       | private                       | —                                |
 *
 * `*` required (the model id, and the date where a column holds it, too): a file without it fails,
 * naming the file, the format and the column. A hub-stats file without `downloadsAllTime` (the
 * Hub's weekly snapshots before 2025-02-26) stores no all-time counts: the metrics built on them
 * have no value at that date. Private models (`private: true`) are never stored.
 * - namespace = the id before "/"; ids without one (legacy `gpt2`) take the author column, else the id.
 * - downloads (30 d) absent: estimated after the import from downloadsAllTime differences (estimate.ts).
 * - open-model-evolution's country and author annotations (org_country, derived_author,
 *   org_country_single, derived_org_country*, merged_*country_groups*, org_model, org_type,
 *   annotator) are ignored: attribution comes from the origin registry (lib/origins), so one
 *   methodology applies to imported and crawled snapshots alike.
 * - Each snapshot keeps the attributes its row gives (an empty task is no task that day). A column the
 *   file does not have never erases what the database knows about a model (pipeline tag, library,
 *   base models…), and an empty licence, parameter count or creation time never does either.
 */

export const FORMATS = ["open-model-evolution", "hub-stats", "weekly-snapshots", "csv"] as const;
export type FormatName = (typeof FORMATS)[number];

export const FIELDS = [
  "id",
  "date",
  "downloadsAllTime",
  "downloads",
  "likes",
  "createdAt",
  "lastModified",
  "pipelineTag",
  "libraryName",
  "gated",
  "parameters",
  "tags",
  "baseModels",
  "author",
  "private",
] as const;
export type Field = (typeof FIELDS)[number];

export type FormatSpec = {
  name: FormatName;
  /** What the shape is, for messages. */
  describe: string;
  /** Column aliases per field, in preference order. */
  columns: Partial<Record<Field, readonly string[]>>;
  required: readonly Field[];
  /** One snapshot per file: the date comes from --as-of or the path, not from a column. */
  singleSnapshot: boolean;
};

const HUB_METADATA: FormatSpec["columns"] = {
  downloadsAllTime: ["downloadsAllTime"],
  downloads: ["downloads"],
  likes: ["likes"],
  createdAt: ["createdAt"],
  lastModified: ["lastModified"],
  pipelineTag: ["pipeline_tag"],
  libraryName: ["library_name"],
  gated: ["gated"],
  parameters: ["safetensors"],
  tags: ["tags"],
  baseModels: ["baseModels"],
  author: ["author"],
  private: ["private"],
};

export const FORMAT_SPECS: Record<FormatName, FormatSpec> = {
  "open-model-evolution": {
    name: "open-model-evolution",
    describe: "mmpr/open_model_evolution_data (one row per model per snapshot time)",
    columns: {
      id: ["model"],
      date: ["time"],
      downloadsAllTime: ["downloadsAllTime"],
      downloads: ["downloads", "downloads_30d"],
      likes: ["likes"],
      createdAt: ["created", "createdAt"],
      pipelineTag: ["pipeline_tag"],
      libraryName: ["library_name"],
      baseModels: ["merged_derived_from"],
      author: ["author"],
    },
    required: ["id", "date", "downloadsAllTime"],
    singleSnapshot: false,
  },
  "hub-stats": {
    name: "hub-stats",
    describe: "cfahlgren1/hub-stats models.parquet (one snapshot)",
    columns: { id: ["id", "modelId"], ...HUB_METADATA },
    required: ["id", "downloads"],
    singleSnapshot: true,
  },
  "weekly-snapshots": {
    name: "weekly-snapshots",
    describe: "weekly snapshots such as hfmlsoc/hub_weekly_snapshots (a snapshot date column)",
    columns: {
      id: ["id", "modelId", "model_id", "model"],
      date: ["snapshot_date", "snapshot", "date", "week", "as_of"],
      ...HUB_METADATA,
    },
    required: ["id", "date", "downloadsAllTime"],
    singleSnapshot: false,
  },
  csv: {
    name: "csv",
    describe: "plain CSV (model id, date, downloads, downloads_all_time)",
    columns: {
      id: ["model_id", "id", "model"],
      date: ["date", "snapshot_date"],
      downloadsAllTime: ["downloads_all_time"],
      downloads: ["downloads", "downloads_30d"],
      likes: ["likes"],
      createdAt: ["created_at", "created"],
      baseModels: ["base_models"],
    },
    required: ["id", "date", "downloadsAllTime"],
    singleSnapshot: false,
  },
};

/** The column name each field reads, as spelled in the file. */
export type ColumnMapping = Partial<Record<Field, string>>;

export class ImportFormatError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ImportFormatError";
  }
}

/** `downloads_all_time` → `downloadsalltime`, `_id` → `_id`: how names are compared. */
export const normalizeColumn = (name: string): string => name.toLowerCase().replace(/(?!^)[\s_.-]+/g, "");

function indexColumns(columns: readonly string[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const column of columns) {
    const key = normalizeColumn(column);
    if (!byKey.has(key)) byKey.set(key, column);
  }
  return byKey;
}

function findColumn(byKey: Map<string, string>, aliases: readonly string[] | undefined): string | undefined {
  for (const alias of aliases ?? []) {
    const hit = byKey.get(normalizeColumn(alias));
    if (hit !== undefined) return hit;
  }
  return undefined;
}

const has = (byKey: Map<string, string>, ...aliases: string[]) => findColumn(byKey, aliases) !== undefined;

/**
 * Picks the shape from the header: the study's `model` + `time`; an id with a per-row snapshot
 * date (a CSV without Hub metadata columns is the plain CSV, anything else weekly snapshots); an
 * `id` with download counts and no date is a single hub-stats snapshot.
 */
export function detectFormat(columns: readonly string[], kind: "parquet" | "csv", file: string): FormatName {
  const byKey = indexColumns(columns);
  if (has(byKey, "model") && has(byKey, "time")) return "open-model-evolution";
  const weekly = FORMAT_SPECS["weekly-snapshots"].columns;
  const hasId = findColumn(byKey, weekly.id) !== undefined;
  const hasDate = findColumn(byKey, weekly.date) !== undefined;
  if (hasId && hasDate) {
    const hubMetadata = has(byKey, "tags", "baseModels", "pipeline_tag", "library_name", "safetensors");
    return kind === "csv" && !hubMetadata ? "csv" : "weekly-snapshots";
  }
  if (has(byKey, "id", "modelId") && has(byKey, "downloadsAllTime", "downloads")) return "hub-stats";
  throw new ImportFormatError(
    `Cannot tell the format of ${file} from its columns (${listColumns(columns)}). ` +
      `Pass --format ${FORMATS.join("|")}.`,
  );
}

/** The file's column for each field of `format`; a missing required column is an error. */
export function resolveColumns(format: FormatName, columns: readonly string[], file: string): ColumnMapping {
  const spec = FORMAT_SPECS[format];
  const byKey = indexColumns(columns);
  const mapping: ColumnMapping = {};
  for (const field of FIELDS) {
    const column = findColumn(byKey, spec.columns[field]);
    if (column !== undefined) mapping[field] = column;
  }
  for (const field of spec.required) {
    if (mapping[field] !== undefined) continue;
    const wanted = (spec.columns[field] ?? []).map((c) => `"${c}"`).join(" or ");
    throw new ImportFormatError(
      `${file} (format ${format}) has no ${field} column: expected ${wanted}; ` +
        `the file has ${listColumns(columns)}.`,
    );
  }
  return mapping;
}

function listColumns(columns: readonly string[]): string {
  if (columns.length === 0) return "no columns";
  const shown = columns.slice(0, 30).join(", ");
  return columns.length > 30 ? `${shown}, … (${columns.length} columns)` : shown;
}
