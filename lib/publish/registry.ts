import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Database } from "../db";
import { loadRegistry, registryPath, type SyncSummary, syncRegistry } from "../origins/sync";
import { publish } from "./publish";

const STATE_KEY = "registry_sha256";

/**
 * Syncs the origin registry when its file changed since the last sync (or when forced), then
 * publishes every date again so every chart re-attributes at once. Runs in every command's start.
 */
export async function ensureRegistrySynced(
  db: Database,
  options: { force?: boolean; file?: string } = {},
): Promise<(SyncSummary & { lineageUpdated: number }) | null> {
  const file = options.file ?? registryPath();
  const hash = createHash("sha256")
    .update(await readFile(/*turbopackIgnore: true*/ file))
    .digest("hex");
  const state = await db.prisma.appState.findUnique({ where: { key: STATE_KEY } });
  if (!options.force && state?.value === hash) return null;
  const summary = await syncRegistry(db, await loadRegistry(file));
  const published = await publish(db, "all", { realData: false });
  await db.prisma.appState.upsert({
    where: { key: STATE_KEY },
    create: { key: STATE_KEY, value: hash },
    update: { value: hash },
  });
  return { ...summary, lineageUpdated: published.lineageUpdated };
}
