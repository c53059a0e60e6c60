import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { Database } from "../db";
import { bumpDataVersion, versionInTheMaking } from "../db/data-version";
import { lockSyncs } from "../db/sync-lock";
import { inTransaction } from "../db/transaction";
import { type AnnotationEntry, parseAnnotations } from "./annotations-schema";

const STATE_KEY = "annotations_sha256";

/** The annotations' file: ANNOTATIONS when set (a deployment's own), else the project's. */
export const annotationsPath = (): string =>
  process.env.ANNOTATIONS ||
  path.join(/*turbopackIgnore: true*/ process.cwd(), "lib/origins/annotations.json");

export async function loadAnnotations(file = annotationsPath()): Promise<AnnotationEntry[]> {
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new Error(`Cannot read the annotations at ${file}.`);
  }
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new Error(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  return parseAnnotations(data, file);
}

export type AnnotationsSummary = { annotations: number; skipped: string[] };

/**
 * Makes the database's annotations match the file, when the file or the registry's labs changed
 * since the last sync (or when forced). A release of a lab the registry does not hold (a
 * deployment's own registry) is left out and named, never fails the start. The rows, the hash and
 * a new data version commit together, so cached answers pick the markers up at once.
 */
export async function ensureAnnotationsSynced(
  db: Database,
  options: { force?: boolean; file?: string } = {},
): Promise<AnnotationsSummary | null> {
  const file = options.file ?? annotationsPath();
  const raw = await readFile(/*turbopackIgnore: true*/ file).catch(() => {
    throw new Error(`Cannot read the annotations at ${file}.`);
  });
  const labs = (await db.prisma.lab.findMany({ select: { slug: true }, orderBy: { slug: "asc" } })).map(
    (l) => l.slug,
  );
  // The labs are part of what was synced: a lab added back to the registry brings its markers back.
  const hash = createHash("sha256")
    .update(raw)
    .update(`\0${labs.join(",")}`)
    .digest("hex");
  const state = await db.prisma.appState.findUnique({ where: { key: STATE_KEY } });
  if (!options.force && state?.value === hash) return null;
  const annotations = await loadAnnotations(file);
  const known = new Set(labs);
  const kept = annotations.filter((a) => a.lab === null || known.has(a.lab));
  return inTransaction(db, async (tx) => {
    const { client } = tx;
    await lockSyncs(tx);
    // Another process may have synced this file while this one waited for the lock.
    const synced = await client.appState.findUnique({ where: { key: STATE_KEY } });
    if (!options.force && synced?.value === hash) return null;
    // Rows are versioned, not replaced: a wording that changed or left the file ends at this
    // version, a new one starts at it, and a chart pinned to an earlier version keeps its markers.
    const version = await versionInTheMaking(client);
    const current = await client.annotation.findMany({ where: { toVersion: null } });
    const wanted = new Map(kept.map((a) => [a.id, rowOf(a)]));
    const ended = current.filter((row) => {
      const w = wanted.get(row.id);
      return !w || !sameWording(row, w);
    });
    await client.annotation.updateMany({
      where: { rowId: { in: ended.map((r) => r.rowId) } },
      data: { toVersion: version },
    });
    const unchanged = new Set(current.filter((r) => !ended.includes(r)).map((r) => r.id));
    await client.annotation.createMany({
      data: kept.filter((a) => !unchanged.has(a.id)).map((a) => ({ ...rowOf(a), fromVersion: version })),
    });
    await client.appState.upsert({
      where: { key: STATE_KEY },
      create: { key: STATE_KEY, value: hash },
      update: { value: hash },
    });
    await bumpDataVersion(client);
    return {
      annotations: kept.length,
      skipped: annotations.filter((a) => !kept.includes(a)).map((a) => `${a.id} (no lab "${a.lab}")`),
    };
  });
}

type AnnotationRow = {
  id: string;
  date: Date;
  kind: string;
  labSlug: string | null;
  modelId: string | null;
  label: string;
  text: string;
  source: string;
};

const rowOf = (a: AnnotationEntry): AnnotationRow => ({
  id: a.id,
  date: new Date(`${a.date}T00:00:00Z`),
  kind: a.kind,
  labSlug: a.lab,
  modelId: a.model,
  label: a.label,
  text: a.text,
  source: a.source,
});

function sameWording(stored: AnnotationRow, wanted: AnnotationRow): boolean {
  return (
    stored.date.getTime() === wanted.date.getTime() &&
    stored.kind === wanted.kind &&
    stored.labSlug === wanted.labSlug &&
    stored.modelId === wanted.modelId &&
    stored.label === wanted.label &&
    stored.text === wanted.text &&
    stored.source === wanted.source
  );
}
