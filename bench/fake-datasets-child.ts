/**
 * The fake Hub datasets and CDN in a process of their own, serving one weekly file, so the
 * backfill's memory is measured without them: `tsx bench/fake-datasets-child.ts <file>` prints
 * {"url": …} once listening and serves until killed.
 */
import { readFileSync } from "node:fs";
import { startFakeDatasets } from "../tests/fake-hub/datasets";

const file = process.argv[2];
if (!file) throw new Error("usage: fake-datasets-child.ts <weekly parquet file>");
const hub = await startFakeDatasets({
  repos: {
    "hfmlsoc/hub_weekly_snapshots": {
      "models/2025-06-02/models.parquet": new Uint8Array(readFileSync(file)),
    },
  },
});
process.stdout.write(`${JSON.stringify({ url: hub.url })}\n`);
const stop = () => void hub.close().finally(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
