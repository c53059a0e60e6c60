import { taggedRepack } from "../domain/repacks";
import { parseBaseModelTags } from "../hf";
import type { ModelRecord } from "../store/model-record";
import type { ColumnMapping, Field } from "./formats";
import type { Row } from "./source";
import {
  BadValue,
  parseBaseModels,
  parseCount,
  parseFlag,
  parseGated,
  parseHubId,
  parseLikes,
  parseParameters,
  parseSnapshotDay,
  parseTags,
  parseText,
  parseTimestamp,
  showValue,
} from "./values";

/**
 * One file row as a snapshot. Fields the file does not give are null (gated, base models too):
 * the writer fills them from what the database already knows before writing.
 */
export type ImportedRow = Omit<ModelRecord, "downloads"> & {
  date: string;
  /** null: the file has no 30-day count; estimated after the import. */
  downloads: bigint | null;
};

export type SkipReason =
  | "missing model id"
  | "missing date"
  | "missing downloadsAllTime"
  | "missing downloads"
  | "missing both download counts"
  | "private model";

/** Why a row without any count is left out, by the count columns its file has. */
function missingCounts(mapping: ColumnMapping): SkipReason {
  if (mapping.downloads === undefined) return "missing downloadsAllTime";
  if (mapping.downloadsAllTime === undefined) return "missing downloads";
  return "missing both download counts";
}

export class ImportValueError extends Error {
  constructor(
    readonly file: string,
    readonly row: number,
    readonly line: number | undefined,
    readonly column: string,
    readonly value: unknown,
    readonly reason: string,
  ) {
    super(
      `${file} row ${row}${line !== undefined ? ` (line ${line})` : ""}, column "${column}": ` +
        `${showValue(value)} ${reason}`,
    );
    this.name = "ImportValueError";
  }
}

export type RowContext = {
  file: string;
  mapping: ColumnMapping;
  /** The snapshot date of a single-snapshot file (hub-stats). */
  fixedDate: string | null;
};

/**
 * Reads one row. Returns a skip reason when a required value is empty (a gap in the data, counted
 * and reported), and throws ImportValueError when a value is present but unreadable (a wrong file
 * or mapping, which should stop the import unless --skip-invalid).
 */
export function readRow(
  row: Row,
  ctx: RowContext,
  rowNumber: number,
  line?: number,
): ImportedRow | { skip: SkipReason } {
  const { mapping } = ctx;
  const cell = <T>(field: Field, parse: (v: unknown) => T, fallback: T): T => {
    const column = mapping[field];
    if (column === undefined) return fallback;
    const value = row[column];
    try {
      return parse(value);
    } catch (error) {
      if (error instanceof BadValue)
        throw new ImportValueError(ctx.file, rowNumber, line, column, value, error.reason);
      throw error;
    }
  };

  const hubId = cell("id", parseHubId, null);
  if (hubId === null) return { skip: "missing model id" };
  const date = ctx.fixedDate ?? cell("date", parseSnapshotDay, null);
  if (date === null) return { skip: "missing date" };
  // A row is a snapshot when it has a count. Its all-time count may be missing where the 30-day
  // one is there (stored as null: the row still counts in every 30-day share), and its 30-day
  // count where the all-time one is there (estimated after the import from all-time differences).
  const downloadsAllTime = cell("downloadsAllTime", parseCount, null);
  const downloads = cell("downloads", parseCount, null);
  if (downloads === null && downloadsAllTime === null) return { skip: missingCounts(mapping) };
  if (cell("private", parseFlag, null) === true) return { skip: "private model" };

  const tags = cell("tags", parseTags, []);
  const fromTags = parseBaseModelTags(tags).filter((b) => b.id.toLowerCase() !== hubId.toLowerCase());
  const listed = cell("baseModels", (v) => parseBaseModels(v, hubId), { ids: [], relation: null });
  const baseModels = listed.ids.length > 0 ? listed.ids : [...new Set(fromTags.map((b) => b.id))];
  const baseRelation =
    listed.relation ??
    fromTags.find((b) => b.relation !== null && baseModels.includes(b.id))?.relation ??
    fromTags.find((b) => b.relation !== null)?.relation ??
    null;
  const slash = hubId.indexOf("/");
  const namespace = slash > 0 ? hubId.slice(0, slash) : (cell("author", parseText, null) ?? hubId);

  return {
    hubId,
    namespace,
    date,
    downloads,
    downloadsAllTime,
    likes: cell("likes", parseLikes, null) ?? 0,
    createdAt: cell("createdAt", parseTimestamp, null),
    lastModified: cell("lastModified", parseTimestamp, null),
    pipelineTag: cell("pipelineTag", parseText, null),
    libraryName: cell("libraryName", parseText, null),
    license: tags.find((t) => t.startsWith("license:"))?.slice("license:".length) ?? null,
    gated: cell("gated", parseGated, null),
    parameters: cell("parameters", parseParameters, null),
    baseModels,
    baseRelation: baseModels.length > 0 ? baseRelation : null,
    repack: taggedRepack(tags),
  };
}
