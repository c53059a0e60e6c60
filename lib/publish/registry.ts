import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ROLLUP_LAYOUT } from "../analytics/rollups";
import type { Database } from "../db";
import { bumpDataVersion } from "../db/data-version";
import { lockSyncs } from "../db/sync-lock";
import { inTransaction, type Tx } from "../db/transaction";
import { loadRegistry, registryPath, type SyncSummary, syncRegistryIn } from "../origins/sync";
import { faultPoint } from "../process/fault-points";
import { publishIn } from "./publish";
import { reattributeIn } from "./reattribute";

const STATE_KEY = "registry_sha256";
const LAYOUT_KEY = "rollup_layout";

/**
 * Syncs the origin registry when its file changed since the last sync (or when forced) and
 * re-attributes what the edit touched (lib/publish/reattribute.ts), so every chart changes at once.
 * Forced, or with rollups built in an older layout (a migration added a dimension), every date is
 * published again instead. One transaction — the sync, the shares and the registry's hash commit
 * together — so a kill at any point leaves the old registry and its shares, and the next command
 * (each runs this first) makes the edit again. Runs in every command's start.
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
  return inTransaction(db, async (tx) => {
    await lockSyncs(tx);
    // Another process may have synced this file while this one waited for the lock.
    if (!options.force && (await syncedAs(tx, hash))) return null;
    let summary: SyncSummary | undefined;
    const sync = async () => {
      summary = await syncRegistryIn(tx.client, registry);
      faultPoint("registry:synced");
    };
    let lineageUpdated = 0;
    if (layout?.value === ROLLUP_LAYOUT && !options.force) {
      // An edit of a registry already published: only what it touches is recomputed.
      await reattributeIn(tx, sync);
    } else {
      await sync();
      lineageUpdated = (await publishIn(tx, "all", { realData: false })).lineageUpdated;
    }
    faultPoint("registry:reattributed");
    for (const [key, value] of [
      [STATE_KEY, hash],
      [LAYOUT_KEY, ROLLUP_LAYOUT],
    ] as const)
      await tx.client.appState.upsert({ where: { key }, create: { key, value }, update: { value } });
    // Labs' names and colours may have changed too: cached answers recompute either way.
    await bumpDataVersion(tx.client);
    faultPoint("registry:commit");
    if (!summary) throw new Error("the registry sync did not run");
    return { ...summary, lineageUpdated };
  });
}

/** Whether the registry's rows are those of this file, in the current rollup layout. */
async function syncedAs(tx: Tx, hash: string): Promise<boolean> {
  const [state, layout] = await Promise.all(
    [STATE_KEY, LAYOUT_KEY].map((key) => tx.client.appState.findUnique({ where: { key } })),
  );
  return state?.value === hash && layout?.value === ROLLUP_LAYOUT;
}
