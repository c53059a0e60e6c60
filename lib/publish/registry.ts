import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ROLLUP_LAYOUT } from "../analytics/rollups";
import type { Database } from "../db";
import { loadRegistry, registryPath, type SyncSummary, syncRegistry } from "../origins/sync";
import { publish } from "./publish";

const STATE_KEY = "registry_sha256";
const LAYOUT_KEY = "rollup_layout";

/**
 * Syncs the origin registry when its file changed since the last sync (or when forced), then
 * publishes every date again so every chart re-attributes at once. Rollups built in an older
 * layout (a migration added a dimension) are rebuilt the same way. Runs in every command's start.
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
  const summary = await syncRegistry(db, await loadRegistry(file));
  const published = await publish(db, "all", { realData: false });
  for (const [key, value] of [
    [STATE_KEY, hash],
    [LAYOUT_KEY, ROLLUP_LAYOUT],
  ] as const)
    await db.prisma.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
  return { ...summary, lineageUpdated: published.lineageUpdated };
}
