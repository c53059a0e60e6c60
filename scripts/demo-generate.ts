// Regenerates the bundled demo data: data/demo/demo-snapshots.jsonl.gz and data/demo/manifest.json.
// Usage: npm run demo:generate -- [--seed N] [--out DIR]
import { runMain } from "../lib/cli/run-main";
import { demoDataDir } from "../lib/demo/format";
import { writeDemoBundle } from "../tools/demo/bundle";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

runMain(async () => {
  const seedArg = arg("--seed");
  const seed = seedArg === undefined ? undefined : Number(seedArg);
  if (seed !== undefined && !Number.isSafeInteger(seed)) throw new Error("--seed must be an integer");
  const started = performance.now();
  const { manifest, file } = await writeDemoBundle(arg("--out") ?? demoDataDir(), seed);
  const ms = Math.round(performance.now() - started);
  const pct = (v: number) => `${(v * 100).toFixed(1)} %`;
  const d = manifest.calibration.developer;
  console.log(
    `Wrote ${file}: ${manifest.models} models, ${manifest.snapshots} snapshots over ${manifest.dates.count} weekly dates ` +
      `(${manifest.dates.first} … ${manifest.dates.last}), ${(manifest.bytes / 1e6).toFixed(2)} MB, in ${ms} ms.`,
  );
  console.log(
    `New-model download shares ${manifest.calibration.window.from} … ${manifest.calibration.window.to} (developer): ` +
      `CN ${pct(d.CN)}, US ${pct(d.US)}, INTL ${pct(d.INTL)}, OTHER ${pct(d.OTHER)}, UNKNOWN ${pct(d.UNKNOWN)}.`,
  );
  const crossings = manifest.calibration.crossovers.map((c) => `${c.date} ${c.leader}`).join(", ");
  console.log(`CN/US leader changes (weekly, new-12m): ${crossings || "none"}.`);
});
