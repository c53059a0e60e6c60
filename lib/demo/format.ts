import { createReadStream } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { createGunzip } from "node:zlib";

/**
 * The bundled demo file: gzipped JSON lines, written by `npm run demo:generate` (tools/demo),
 * read as a stream by lib/demo/load.ts.
 *
 *   line 1       {"format":"open-model-share-demo","version":1,"generator":…,"seed":…,"dates":[…],
 *                 "models":N,"snapshots":R}
 *   next N lines ["m", hubId, createdAt|null, pipelineTag|null, libraryName|null, license|null,
 *                 gated 0|1, parameters|null, [baseModels…], baseRelation|null]
 *   then one line per snapshot date, in date order:
 *                ["d", "YYYY-MM-DD", [Δmodel, downloads, ΔdownloadsAllTime, Δlikes, …]]
 *
 * In a date line the rows are flattened in model order: Δmodel is the model index minus the
 * previous row's (the first is relative to -1); ΔdownloadsAllTime and Δlikes are relative to the
 * same model's previous row in the file (its first row holds the full values). Counts are exact
 * integers (all below 2^53).
 */

export const DEMO_FORMAT = "open-model-share-demo";
export const DEMO_FORMAT_VERSION = 1;
export const DEMO_DATA_FILE = "demo-snapshots.jsonl.gz";
export const DEMO_MANIFEST_FILE = "manifest.json";

/** data/demo under the working directory (the repository root for every entry point). */
export const demoDataDir = (): string => path.join(/*turbopackIgnore: true*/ process.cwd(), "data/demo");
export const demoDataPath = (): string => path.join(demoDataDir(), DEMO_DATA_FILE);

export type BaseRelationName = "finetune" | "adapter" | "quantized" | "merge";

export type DemoModel = {
  hubId: string;
  /** ISO timestamp; the Hub placeholder for repos created before it stored dates */
  createdAt: string | null;
  pipelineTag: string | null;
  libraryName: string | null;
  license: string | null;
  gated: boolean;
  parameters: number | null;
  baseModels: string[];
  baseRelation: BaseRelationName | null;
};

/** One model at one snapshot date; `model` indexes the file's models. */
export type DemoSnapshot = { model: number; downloads: number; downloadsAllTime: number; likes: number };

export type DemoHeader = {
  format: typeof DEMO_FORMAT;
  version: number;
  generator: string;
  seed: number;
  dates: string[];
  models: number;
  snapshots: number;
};

export type DemoFileEvent =
  | { kind: "header"; header: DemoHeader }
  | { kind: "model"; index: number; model: DemoModel }
  | { kind: "date"; date: string; rows: DemoSnapshot[] };

/** Reads a demo file as a stream (gunzip + readline), one event per line, validating as it goes. */
export async function* readDemoFile(file: string): AsyncGenerator<DemoFileEvent> {
  const input = createReadStream(file).pipe(createGunzip());
  const lines = createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  let header: DemoHeader | null = null;
  let models = 0;
  let lineNo = 0;
  const lastAllTime: number[] = [];
  const lastLikes: number[] = [];
  try {
    for await (const line of lines) {
      lineNo++;
      if (line === "") continue;
      const fail = (why: string): never => {
        throw new Error(`${file}:${lineNo}: ${why}`);
      };
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch {
        fail("not JSON");
      }
      if (header === null) {
        const h = value as DemoHeader;
        if (h?.format !== DEMO_FORMAT || h.version !== DEMO_FORMAT_VERSION)
          fail(`not a demo file of format ${DEMO_FORMAT} v${DEMO_FORMAT_VERSION}`);
        header = h;
        yield { kind: "header", header: h };
        continue;
      }
      if (!Array.isArray(value)) return fail("expected an array");
      if (value[0] === "m") {
        const [
          ,
          hubId,
          createdAt,
          pipelineTag,
          libraryName,
          license,
          gated,
          parameters,
          baseModels,
          baseRelation,
        ] = value as [
          string,
          string,
          string | null,
          string | null,
          string | null,
          string | null,
          number,
          number | null,
          string[],
          BaseRelationName | null,
        ];
        if (typeof hubId !== "string" || !hubId.includes("/")) fail("bad model id");
        yield {
          kind: "model",
          index: models++,
          model: {
            hubId,
            createdAt,
            pipelineTag,
            libraryName,
            license,
            gated: gated === 1,
            parameters,
            baseModels: Array.isArray(baseModels) ? baseModels : [],
            baseRelation,
          },
        };
      } else if (value[0] === "d") {
        const [, date, flat] = value as [string, string, number[]];
        if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || !Array.isArray(flat) || flat.length % 4 !== 0)
          fail("bad date line");
        const rows: DemoSnapshot[] = [];
        let model = -1;
        for (let i = 0; i < flat.length; i += 4) {
          model += flat[i] as number;
          if (model < 0 || model >= models) fail(`row refers to unknown model ${model}`);
          const downloadsAllTime = (lastAllTime[model] ?? 0) + (flat[i + 2] as number);
          const likes = (lastLikes[model] ?? 0) + (flat[i + 3] as number);
          lastAllTime[model] = downloadsAllTime;
          lastLikes[model] = likes;
          rows.push({ model, downloads: flat[i + 1] as number, downloadsAllTime, likes });
        }
        yield { kind: "date", date, rows };
      } else {
        fail(`unknown line kind ${JSON.stringify(value[0])}`);
      }
    }
  } finally {
    lines.close();
    input.destroy();
  }
  if (header === null) throw new Error(`${file} is empty`);
}
