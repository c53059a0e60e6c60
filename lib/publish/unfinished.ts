import type { Database } from "../db";
import { ensureAnnotationsSynced } from "../origins/annotations-sync";
import { acquireIngestLock, IngestBusyError } from "../store/write-lock";
import { publish } from "./publish";
import { ensureRegistrySynced } from "./registry";
import { publishStoredRuns } from "./stored-runs";

/**
 * What every command does first: a registry edit that did not commit is made again (the registry's
 * hash is saved with the shares), and runs a killed process stored but did not publish are
 * published. Each commits in one transaction, so this finishes whatever step a kill stopped. A
 * process that holds the ingest lock is publishing its own runs: then the runs are left to it.
 * Returns a line for each thing done.
 */
export async function finishUnfinishedWork(db: Database): Promise<string[]> {
  const lines: string[] = [];
  if (await ensureRegistrySynced(db)) lines.push("Origin registry synced.");
  // After the registry: the markers of a lab it dropped go, those of a lab it added come.
  const annotations = await ensureAnnotationsSynced(db);
  if (annotations)
    lines.push(
      `Chart annotations synced: ${annotations.annotations}` +
        (annotations.skipped.length ? `; left out: ${annotations.skipped.join(", ")}` : "") +
        ".",
    );
  let release: (() => Promise<void>) | null = null;
  try {
    release = await acquireIngestLock(db);
  } catch (error) {
    if (error instanceof IngestBusyError) return lines;
    throw error;
  }
  try {
    const published = await publishStoredRuns(db);
    if (published)
      lines.push(
        `Published ${published.runs.length} run(s) a stopped process had stored: ` +
          `${published.runs.map((r) => `#${r.id} (${r.date})`).join(", ")}.`,
      );
    // Listings stored by runs that did not publish (failed, test, killed) may still change where
    // published chains of bases end: what they change is published now.
    else if ((await db.prisma.lineagePending.count()) > 0) {
      const done = await publish(db, { dates: [] }, { realData: false });
      if (done.lineageUpdated > 0)
        lines.push(`Lineage resolved again for ${done.lineageUpdated} version(s).`);
    }
  } finally {
    await release();
  }
  return lines;
}
