/**
 * Runs after `next build`: prints every route's first-load JavaScript (gzip) and fails the build
 * when the overview or the embed passes its budget (bench/README.md).
 */
import { FIRST_LOAD_BUDGETS, firstLoadFromBuild } from "../lib/bench/first-load";

const routes = await firstLoadFromBuild();
console.log("\nFirst-load JavaScript (gzip, level 9)");
for (const r of routes) {
  const budget = FIRST_LOAD_BUDGETS.find((b) => b.route === r.route);
  const verdict = budget
    ? `  budget ≤ ${budget.must} kB${r.gzipKb > budget.must ? "  OVER BUDGET" : ""}, aim ≤ ${budget.aim} kB`
    : "";
  console.log(
    `  ${r.route.padEnd(30)} ${r.gzipKb.toFixed(1).padStart(7)} kB  (${r.chunks} chunks)${verdict}`,
  );
}
const over = FIRST_LOAD_BUDGETS.filter((b) => {
  const r = routes.find((x) => x.route === b.route);
  if (!r) throw new Error(`the build has no route ${b.route}`);
  return r.gzipKb > b.must;
});
if (over.length > 0) {
  console.error(`\nFirst-load JavaScript over budget: ${over.map((b) => b.route).join(", ")}`);
  process.exit(1);
}
