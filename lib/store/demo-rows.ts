import type { Database } from "../db";

/**
 * The bundled demo data is marked twice and never mixed with real data: `model.demo = true`, and
 * every demo snapshot belongs to a run with this trigger (only days with a succeeded run are
 * published, so the loader records one per demo date).
 */
export const DEMO_TRIGGER = "demo";
/** app_state row recording a demo load's progress ({"status":"loading"|"loaded", …}). */
export const DEMO_STATE_KEY = "demo_data";

export type DemoRowsRemoved = { models: number; snapshots: number; runs: number; organizations: number };

/** True when the database holds demo rows (demo models or demo runs). */
export async function hasDemoData(db: Database): Promise<boolean> {
  const model = await db.prisma.model.findFirst({ where: { demo: true }, select: { id: true } });
  if (model) return true;
  return (
    (await db.prisma.ingestRun.findFirst({ where: { trigger: DEMO_TRIGGER }, select: { id: true } })) !== null
  );
}

/**
 * Deletes every demo row in one transaction: snapshots of demo runs (including those of models a
 * real run has since re-crawled) and of demo models, demo models, demo runs (so their dates are no
 * longer published), namespaces outside the registry left without models, and the load's state.
 * The rollups still hold the demo dates until the caller publishes (lib/publish does both).
 */
export async function deleteDemoRows(db: Database): Promise<DemoRowsRemoved> {
  const { prisma } = db;
  const [snapshots, models, runs, organizations] = await prisma.$transaction([
    // Snapshots first, by run and by model: they have no foreign key to cascade from model.
    prisma.$executeRaw`DELETE FROM model_snapshot
      WHERE run_id IN (SELECT id FROM ingest_run WHERE trigger = ${DEMO_TRIGGER})
         OR model_id IN (SELECT id FROM model WHERE demo)`,
    prisma.$executeRaw`DELETE FROM model WHERE demo`,
    prisma.$executeRaw`DELETE FROM ingest_run WHERE trigger = ${DEMO_TRIGGER}`,
    prisma.$executeRaw`DELETE FROM organization o
      WHERE NOT o.in_registry AND NOT EXISTS (SELECT 1 FROM model m WHERE m.namespace = o.namespace)`,
    prisma.appState.deleteMany({ where: { key: DEMO_STATE_KEY } }),
  ]);
  return { models, snapshots, runs, organizations };
}
