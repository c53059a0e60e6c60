import type { Database } from "../db";
import type { ColumnMapping } from "./formats";
import type { BatchOptions, Row } from "./source";
import { parseCount, parseFlag, parseHubId } from "./values";

/** The filter a listing file is read with, for its columns. */
export type PopulationRule = (mapping: ColumnMapping) => BatchOptions["filter"];

/** What the rule needs of an id or an author: whether it names a registry namespace. */
const IN_REGISTRY = "in-registry";
const OUTSIDE = "outside";
/** An id without a namespace (legacy): the author says whose it is, else the id itself. */
const BARE = "bare";
const BARE_IN_REGISTRY = "bare-in-registry";
/** Kept, so that the row reader names the problem. */
const UNREADABLE = "unreadable";

const utf8 = new TextDecoder();
const SLASH = 0x2f;
/** The bytes of a Hub id's parts (values.ts' HUB_ID: \w, '.' and '-'), by byte value. */
const WORD_BYTE = Array.from({ length: 256 }, (_, b) => /^[\w.-]$/.test(String.fromCharCode(b)));
const LOWER_ASCII = Array.from({ length: 128 }, (_, b) => String.fromCharCode(b).toLowerCase());

/**
 * The crawl's population rule on a listing's rows: every model of a registry namespace (ids match
 * ignoring case, as the Hub resolves them), every other model from `minDownloads` 30-day
 * downloads on. A row whose values do not read is kept, so the row reader names the problem;
 * private models are kept too, for the reader to count and leave out.
 *
 * Ids and authors are probed rather than read (lib/import/source.ts): the rule sees a constant
 * per row, not a million strings, and the columns are read again for the rows kept.
 */
export async function populationRule(db: Database | null, minDownloads: number): Promise<PopulationRule> {
  const namespaces = db
    ? (
        await db.prisma.organization.findMany({ where: { inRegistry: true }, select: { namespace: true } })
      ).map((o) => o.namespace)
    : (await (await import("../origins/sync")).loadRegistry()).organizations.map((o) => o.namespace);
  const registry = new Set(namespaces.map((n) => n.toLowerCase()));
  const min = BigInt(minDownloads);
  const probeId = (text: string): string => {
    let id: string | null;
    try {
      id = parseHubId(text);
    } catch {
      return UNREADABLE;
    }
    if (id === null) return UNREADABLE;
    const slash = id.indexOf("/");
    if (slash <= 0) return registry.has(id.toLowerCase()) ? BARE_IN_REGISTRY : BARE;
    return registry.has(id.slice(0, slash).toLowerCase()) ? IN_REGISTRY : OUTSIDE;
  };
  const probeAuthor = (bytes: Uint8Array): string =>
    registry.has(utf8.decode(bytes).trim().toLowerCase()) ? IN_REGISTRY : OUTSIDE;
  /**
   * probeId on the id's bytes, for a million ids without decoding each: an id of the characters a
   * Hub id is made of (letters, digits, _ . -, at most one slash between two non-empty parts) is
   * classed by its namespace's bytes; anything else (spaces to trim, other characters, a bad
   * shape) takes the text path, which names it exactly.
   */
  const probeIdBytes = (bytes: Uint8Array): string => {
    const n = bytes.length;
    if (n === 0 || n > 200) return probeId(utf8.decode(bytes));
    let slash = -1;
    for (let i = 0; i < n; i++) {
      const b = bytes[i] as number;
      if (b === SLASH && slash === -1 && i > 0 && i < n - 1) slash = i;
      else if (!WORD_BYTE[b]) return probeId(utf8.decode(bytes));
    }
    let namespace = "";
    for (let i = 0; i < (slash === -1 ? n : slash); i++) namespace += LOWER_ASCII[bytes[i] as number];
    if (slash === -1) return registry.has(namespace) ? BARE_IN_REGISTRY : BARE;
    return registry.has(namespace) ? IN_REGISTRY : OUTSIDE;
  };
  return (mapping) => {
    const keep = (row: Row): boolean => {
      const id = mapping.id ? row[mapping.id] : undefined;
      if (typeof id !== "string" || id === UNREADABLE) return true;
      try {
        if (mapping.private && parseFlag(row[mapping.private]) === true) return true;
        const author = mapping.author ? row[mapping.author] : undefined;
        if (id === IN_REGISTRY) return true;
        if (id === BARE_IN_REGISTRY && typeof author !== "string") return true;
        if ((id === BARE || id === BARE_IN_REGISTRY) && author === IN_REGISTRY) return true;
        const downloads = mapping.downloads ? parseCount(row[mapping.downloads]) : null;
        return downloads === null || downloads >= min;
      } catch {
        return true;
      }
    };
    const columns = [mapping.id, mapping.downloads, mapping.private, mapping.author].filter(
      (c): c is string => c !== undefined,
    );
    const probe: Record<string, (bytes: Uint8Array) => string> = {};
    if (mapping.id) probe[mapping.id] = probeIdBytes;
    if (mapping.author) probe[mapping.author] = probeAuthor;
    // The author decides only for an id without a namespace (a legacy model's): read it for those.
    const { id, author } = mapping;
    const onlyWhere =
      id && author ? { [author]: (row: Row) => row[id] === BARE || row[id] === BARE_IN_REGISTRY } : undefined;
    return { columns, keep, probe, ...(onlyWhere ? { onlyWhere } : {}) };
  };
}
