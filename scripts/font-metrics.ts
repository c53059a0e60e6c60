/**
 * Writes lib/charts/inter-metrics.ts: the advance widths of the Inter the images are rasterized
 * with (@expo-google-fonts/inter's TTFs, the same font the pages load as WOFF2), per weight, for
 * the scripts chart labels are written in. Run after changing the font package:
 * `tsx scripts/font-metrics.ts`; tests/unit/text-metrics.test.ts fails while the file is stale.
 */
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { interMetricsSource } from "../tools/fonts/inter-metrics";

writeFileSync("lib/charts/inter-metrics.ts", await interMetricsSource());
execFileSync("node_modules/.bin/biome", ["format", "--write", "lib/charts/inter-metrics.ts"], {
  stdio: "ignore",
});
console.log("wrote lib/charts/inter-metrics.ts");
