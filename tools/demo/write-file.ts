import { DEMO_FORMAT, DEMO_FORMAT_VERSION, type DemoHeader } from "../../lib/demo/format";
import type { DemoDataset } from "./generate";

/** The uncompressed file content, line by line (no trailing newline on the parts). */
export function* demoFileLines(ds: DemoDataset): Generator<string> {
  const header: DemoHeader = {
    format: DEMO_FORMAT,
    version: DEMO_FORMAT_VERSION,
    generator: ds.generator,
    seed: ds.seed,
    dates: ds.dates,
    models: ds.models.length,
    snapshots: ds.snapshots.reduce((n, rows) => n + rows.length, 0),
  };
  yield JSON.stringify(header);
  for (const m of ds.models) {
    yield JSON.stringify([
      "m",
      m.hubId,
      m.createdAt,
      m.pipelineTag,
      m.libraryName,
      m.license,
      m.gated ? 1 : 0,
      m.parameters,
      m.baseModels,
      m.baseRelation,
    ]);
  }
  const lastAllTime = new Map<number, number>();
  const lastLikes = new Map<number, number>();
  for (let i = 0; i < ds.dates.length; i++) {
    const flat: number[] = [];
    let previous = -1;
    for (const row of ds.snapshots[i] ?? []) {
      flat.push(
        row.model - previous,
        row.downloads,
        row.downloadsAllTime - (lastAllTime.get(row.model) ?? 0),
        row.likes - (lastLikes.get(row.model) ?? 0),
      );
      previous = row.model;
      lastAllTime.set(row.model, row.downloadsAllTime);
      lastLikes.set(row.model, row.likes);
    }
    yield JSON.stringify(["d", ds.dates[i], flat]);
  }
}
