import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ROLLUP_LAYOUT } from "../analytics/rollups";
import type { Database } from "../db";
import { loadRegistry, registryPath, type SyncSummary, syncRegistry } from "../origins/sync";
import { publish } from "./publish";
import { reattribute } from "./reattribute";

const STATE_KEY = "registry_sha256";
const LAYOUT_KEY = "rollup_layout";

/**
 * Syncs the origin registry when its file changed since the last sync (or when forced) and
 * re-attributes what the edit touched (lib/publish/reattribute.ts), so every chart changes at once.
 * Forced, or with rollups built in an older layout (a migration added a dimension), every date is
 * published again instead. Runs in every command's start.
 */
export async function ensureRegistrySynced(
  db: Database,
  options: { force?: boolean; file?: string } = {},
): Promise<(SyncSummary & { lineageUpdated: number }) | null> {
  const file = options.file ?? registryPath();
  const hash = createHash("sha256")
    .update(await readFile(/*turbopackIgnore: true*/ file))
    .digest("hex");
  const [state, layout] = await Promise.all(
    [STATE_KEY, LAYOUT_KEY].map((key) => db.prisma.appState.findUnique({ where: { key } })),
  );
  if (!options.force && state?.value === hash && layout?.value === ROLLUP_LAYOUT) return null;
  const registry = await loadRegistry(file);
  let summary: SyncSummary | undefined;
  const sync = async () => {
    summary = await syncRegistry(db, registry);
  };
  let lineageUpdated = 0;
  if (layout?.value === ROLLUP_LAYOUT && !options.force) {
    // An edit of a registry already published: only what it touches is recomputed.
    lineageUpdated = (await reattribute(db, sync)).lineageUpdated;
  } else {
    await sync();
    lineageUpdated = (await publish(db, "all", { realData: false })).lineageUpdated;
  }
  for (const [key, value] of [
    [STATE_KEY, hash],
    [LAYOUT_KEY, ROLLUP_LAYOUT],
  ] as const)
    await db.prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
  if (!summary) throw new Error("the registry sync did not run");
  return { ...summary, lineageUpdated };
}
