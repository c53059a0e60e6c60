/**
 * 5. First-load JavaScript of the overview and the embed, from the build output (the same
 * figures `npm run build` prints and enforces), with the budgets of bench/README.md.
 */
import { FIRST_LOAD_BUDGETS, firstLoadFromBuild } from "../lib/bench/first-load";
import type { Figure, StepResult } from "../lib/bench/report";
import { log } from "../lib/bench/stats";

export async function firstLoad(): Promise<StepResult> {
  const routes = await firstLoadFromBuild();
  const figures: Figure[] = FIRST_LOAD_BUDGETS.map((b) => {
    const r = routes.find((x) => x.route === b.route);
    if (!r) throw new Error(`the build has no route ${b.route}`);
    log(`${b.route}: ${r.chunks} chunks, ${r.gzipKb.toFixed(1)} kB gzip`);
    return {
      key: `firstLoad.${b.key}`,
      label: `${b.key} (${b.route}) first-load JS`,
      value: r.gzipKb,
      unit: "kB gzip",
      budget: { op: "<=", value: b.must },
      aim: { op: "<=", value: b.aim },
      note:
        "script" in b
          ? `a server-rendered document whose only script is ${b.script}`
          : `${r.chunks} chunks from .next/diagnostics/route-bundle-stats.json`,
    };
  });
  return { figures, details: { routes } };
}
