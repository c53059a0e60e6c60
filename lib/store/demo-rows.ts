import type { Database, Prisma } from "../db";

/**
 * The bundled demo data is marked twice and never mixed with real data: `model.demo = true`, and
 * every demo snapshot belongs to a run with this trigger (only days with a succeeded run are
 * published, so the loader records one per demo date).
 */
export const DEMO_TRIGGER = "demo";
/** app_state row recording a demo load's progress ({"status":"loading"|"loaded", …}). */
export const DEMO_STATE_KEY = "demo_data";

export type DemoRowsRemoved = { models: number; snapshots: number; runs: number; organizations: number };

type Client = Database["prisma"] | Prisma.TransactionClient;

/** True when the database holds demo rows (demo models or demo runs). */
export async function hasDemoData(from: Database | Client): Promise<boolean> {
  const client = "prisma" in from ? from.prisma : from;
  const model = await client.model.findFirst({ where: { demo: true }, select: { id: true } });
  if (model) return true;
  return (
    (await client.ingestRun.findFirst({ where: { trigger: DEMO_TRIGGER }, select: { id: true } })) !== null
  );
}

/**
 * Deletes every demo row, in the caller's transaction: snapshots of demo runs (including those of models a
 * real run has since re-crawled) and of demo models, demo models, demo runs (so their dates are no
 * longer published), namespaces outside the registry left without models, and the load's state.
 * The rollups still hold the demo dates until the caller publishes (lib/publish does both).
 */
export async function deleteDemoRows(client: Prisma.TransactionClient): Promise<DemoRowsRemoved> {
  // Snapshots first, by run and by model: they have no foreign key to cascade from model.
  const snapshots = await client.$executeRaw`DELETE FROM model_snapshot
    WHERE run_id IN (SELECT id FROM ingest_run WHERE trigger = ${DEMO_TRIGGER})
       OR model_id IN (SELECT id FROM model WHERE demo)`;
  await client.$executeRaw`DELETE FROM model_version WHERE model_id IN (SELECT id FROM model WHERE demo)`;
  await client.$executeRaw`DELETE FROM lineage_pending WHERE model_id IN (SELECT id FROM model WHERE demo)`;
  const models = await client.$executeRaw`DELETE FROM model WHERE demo`;
  const runs = await client.$executeRaw`DELETE FROM ingest_run WHERE trigger = ${DEMO_TRIGGER}`;
  const organizations = await client.$executeRaw`DELETE FROM organization o
    WHERE NOT o.in_registry AND NOT EXISTS (SELECT 1 FROM model m WHERE m.namespace = o.namespace)`;
  await client.appState.deleteMany({ where: { key: DEMO_STATE_KEY } });
  return { models, snapshots, runs, organizations };
}
