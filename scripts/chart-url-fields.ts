/**
 * Writes lib/domain/chart-url-fields.ts from the chart state's zod fields. Run after changing
 * lib/domain/chart-fields.ts: `tsx scripts/chart-url-fields.ts`; tests/unit/chart-state.test.ts
 * fails while the file is stale.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { chartUrlFieldsSource } from "../tools/chart-state/url-fields";

writeFileSync("lib/domain/chart-url-fields.ts", chartUrlFieldsSource());
execFileSync("node_modules/.bin/biome", ["format", "--write", "lib/domain/chart-url-fields.ts"], {
  stdio: "ignore",
});
console.log("wrote lib/domain/chart-url-fields.ts");
