import { runMain } from "../lib/cli/run-main";
import { createMigration } from "../lib/db/migrate";

runMain(async () => {
  const name = process.argv[2];
  if (!name) throw new Error("Usage: npm run db:new -- NAME (e.g. add_model_license)");
  const folder = await createMigration(name);
  console.log(folder ? `Wrote ${folder}/migration.sql` : "Schema and migrations agree: nothing to write.");
});
