import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FAULT_POINTS, type FaultPointName } from "@/lib/process/fault-points";
import { startFakeDatasets } from "../fake-hub/datasets";
import { makeFakeModels, populationFrom } from "../fake-hub/server";
import { weeklyFile } from "../fixtures/backfill/files";
import { runIngestScript, runScript, type ScriptResult } from "../helpers/run-script";
import { suiteFakeHub, suiteResource } from "../helpers/suite";
import { createEmptyPostgresDatabase, testBackends } from "../helpers/test-db";

/**
 * kill -9 at every step boundary of a publish (crawl, backfill) and of a registry edit, then any
 * command (here `npm run verify`, which finishes unfinished work first as every command does): the
 * stored run is published, the registry edit made, and every published number equals a rebuild
 * from scratch. `npm test` stops at three of the boundaries; `npm run test:faults` at all of them.
 */
const ALL = process.env.FAULT_BOUNDARIES === "all";
const points: FaultPointName[] = ALL
  ? [...FAULT_POINTS]
  : ["publish:lineage", "registry:reattributed", "backfill:file-stored"];
const WEEKLY = "hfmlsoc/hub_weekly_snapshots";
const LABELS = ["2025-06-02", "2025-06-09"];

describe.each(testBackends())(
  "kill -9 at the step boundaries of publish and registry edits on %s",
  (backend) => {
    const population = makeFakeModels(400, 11);
    const hub = suiteFakeHub({
      models: populationFrom(Array.from({ length: 400 }, (_, i) => population.at(i))),
    });
    const datasets = suiteResource(
      () =>
        startFakeDatasets({
          repos: {
            [WEEKLY]: Object.fromEntries(
              LABELS.map((label, w) => [
                `models/${label}/models.parquet`,
                weeklyFile(
                  Array.from({ length: 300 }, (_, i) => {
                    const m = population.at(i);
                    return {
                      id: m.id,
                      downloads: Number(m.downloads ?? 0) + w,
                      downloadsAllTime: BigInt(m.downloadsAllTime ?? 0) + BigInt(w * 10),
                      likes: 1,
                      createdAt: "2024-01-01T00:00:00.000Z",
                      pipeline: m.pipeline_tag ?? null,
                    };
                  }),
                  { allTime: true, card: () => "" },
                ),
              ]),
            ),
          },
        }),
      (d) => d.close(),
    );

    it(`at ${points.length} boundaries, the next command completes the work and nothing drifts`, {
      timeout: 1_200_000,
    }, async () => {
      const dir = mkdtempSync(path.join(tmpdir(), "oms-faults-"));
      const registries = [path.join(dir, "registry-a.json"), path.join(dir, "registry-b.json")];
      const registry = JSON.parse(readFileSync("lib/origins/registry.json", "utf8")) as {
        organizations: { namespace: string; country: string | null; international: boolean }[];
      };
      writeFileSync(registries[0] as string, JSON.stringify(registry));
      // An edit: a namespace of the population moves country, another leaves the registry.
      const edited = {
        ...registry,
        organizations: registry.organizations
          .filter((o) => o.namespace !== "mistralai")
          .map((o) => (o.namespace === "deepseek-ai" ? { ...o, country: "SG", international: false } : o)),
      };
      writeFileSync(registries[1] as string, JSON.stringify(edited));
      const empty = backend === "postgres" ? await createEmptyPostgresDatabase() : null;
      const env: Record<string, string | undefined> = {
        ...(empty
          ? { DATABASE_URL: empty.url }
          : { DATABASE_URL: undefined, PGLITE_DIR: path.join(dir, "db") }),
        HF_ENDPOINT: hub.url,
        ORIGIN_REGISTRY: registries[0],
      };
      const killedAt = (point: FaultPointName) => ({ ...env, FAULT_POINT: point, FAULT_ACTION: "kill" });
      const verify = async (what: string): Promise<ScriptResult> => {
        const result = await runScript("scripts/verify.ts", [], env, 300_000);
        expect(result.code, `${what}: ${result.stdout}\n${result.stderr}`).toBe(0);
        expect(result.stdout, what).toMatch(/No drift: \d+ of \d+ published date\(s\)/);
        return result;
      };
      try {
        const seed = await runIngestScript(env, "2025-07-01", { args: ["--min-downloads", "0"] });
        expect(seed.code, seed.stderr).toBe(0);
        let day = 2;
        let registryIndex = 0;
        for (const point of points) {
          if (point.startsWith("registry:")) {
            registryIndex = 1 - registryIndex;
            env.ORIGIN_REGISTRY = registries[registryIndex];
            const killed = await runScript("scripts/db-migrate.ts", [], killedAt(point), 300_000);
            expect(killed.code, `${point}: ${killed.stdout}${killed.stderr}`).toBeNull();
            const after = await verify(point);
            expect(after.stdout, point).toMatch(/Origin registry synced\./);
          } else if (point.startsWith("backfill:")) {
            const killed = await runScript(
              "scripts/backfill.ts",
              ["--dataset", "hub-weekly", "--repo", WEEKLY],
              { ...killedAt(point), HF_ENDPOINT: datasets.url },
              300_000,
            );
            expect(killed.code, `${point}: ${killed.stdout}${killed.stderr}`).toBeNull();
            const after = await verify(point);
            expect(after.stdout, point).toMatch(/Published 1 run\(s\) a stopped process had stored/);
            // The rest of the backfill: the stored week is done, the other is read.
            const rest = await runScript(
              "scripts/backfill.ts",
              ["--dataset", "hub-weekly", "--repo", WEEKLY],
              { ...env, HF_ENDPOINT: datasets.url },
              300_000,
            );
            expect(rest.code, rest.stderr).toBe(0);
            expect(rest.stdout).toMatch(/1 file\(s\) read, 1 already done of 2/);
            await verify(`${point}, then the rest`);
          } else {
            const asOf = `2025-07-${String(day++).padStart(2, "0")}`;
            const killed = await runIngestScript(killedAt(point), asOf, { args: ["--min-downloads", "0"] });
            expect(killed.code, `${point}: ${killed.stdout}${killed.stderr}`).toBeNull();
            const after = await verify(point);
            expect(after.stdout, point).toMatch(/Published 1 run\(s\) a stopped process had stored/);
            const again = await runIngestScript(env, asOf, { args: ["--min-downloads", "0"] });
            expect(again.stdout, point).toMatch(new RegExp(`${asOf} is published already`));
          }
        }
      } finally {
        await empty?.drop();
      }
    });
  },
);
