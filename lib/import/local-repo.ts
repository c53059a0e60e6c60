import { type FileHandle, open, readdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import type { RemoteFile } from "../hf/datasets";
import { type ExportManifest, exportManifestSchema, MANIFEST_FILE } from "./export-manifest";
import { fileAsyncBuffer } from "./source";

/**
 * A backfill's `--repo file:DIR`: a folder in a dataset's layout on this machine — an export of
 * this product (`npm run export`), or a local copy of the Hub's weekly files. An export's manifest
 * names its files and their exact dates; a folder without one is a copy of the Hub's layout, whose
 * `models/YYYY-MM-DD/` labels are dated as the Hub's are (inside the labelled week).
 */
export const LOCAL_REPO = /^file:(.+)$/;

export const localRepoDir = (repo: string): string | null => LOCAL_REPO.exec(repo)?.[1] ?? null;

/** The folder's manifest, or null when it has none; a manifest that does not read is an error. */
export async function readManifest(dir: string): Promise<ExportManifest | null> {
  let text: string;
  try {
    text = await readFile(path.join(dir, MANIFEST_FILE), "utf8");
  } catch (error) {
    if ((error as { code?: string }).code === "ENOENT") return null;
    throw error;
  }
  const parsed = exportManifestSchema.safeParse(JSON.parse(text));
  if (!parsed.success)
    throw new Error(
      `${path.join(dir, MANIFEST_FILE)} is not an export manifest: ${parsed.error.issues[0]?.path.join(".")} ${parsed.error.issues[0]?.message}`,
    );
  return parsed.data;
}

/** The week labels of a folder in the Hub's layout: `models/YYYY-MM-DD/models.parquet` present. */
export async function localWeekLabels(dir: string): Promise<string[]> {
  let entries: string[];
  try {
    entries = await readdir(path.join(dir, "models"));
  } catch {
    throw new Error(`${dir} has no models/ folder (expected models/YYYY-MM-DD/models.parquet).`);
  }
  const labels: string[] = [];
  for (const entry of entries.sort()) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(entry)) continue;
    const file = path.join(dir, "models", entry, "models.parquet");
    if (
      await stat(file).then(
        (s) => s.isFile(),
        () => false,
      )
    )
      labels.push(entry);
  }
  return labels;
}

/** A local file as the backfill reads a remote one: by ranges, counting the bytes read. */
export async function openLocalFile(
  dir: string,
  relative: string,
): Promise<RemoteFile & { close(): Promise<void> }> {
  const file = path.join(dir, relative);
  let handle: FileHandle;
  try {
    handle = await open(file, "r");
  } catch {
    throw new Error(`Cannot open ${file}.`);
  }
  const size = (await handle.stat()).size;
  const buffer = fileAsyncBuffer(handle, size);
  let fetched = 0;
  return {
    name: file,
    byteLength: size,
    async slice(start: number, end?: number) {
      const bytes = await buffer.slice(start, end);
      fetched += bytes.byteLength;
      return bytes;
    },
    bytesFetched: () => fetched,
    close: () => handle.close(),
  };
}
