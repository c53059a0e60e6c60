import { applyPendingMigrations, runMain } from "../lib/cli/run-main";
import { openDatabase } from "../lib/db";
import { finishUnfinishedWork } from "../lib/publish/unfinished";
import { parseWebhooksArgs, runWebhooksCommand } from "../lib/webhooks/command";

runMain(async () => {
  const command = parseWebhooksArgs(process.argv.slice(2));
  const db = await openDatabase();
  const stop = new AbortController();
  process.once("SIGINT", () => stop.abort());
  process.once("SIGTERM", () => stop.abort());
  try {
    await applyPendingMigrations(db);
    for (const line of await finishUnfinishedWork(db)) console.log(line);
    await runWebhooksCommand(db, command, { log: (line) => console.log(line), signal: stop.signal });
  } finally {
    await db.close();
  }
});
