import { beforeAll, describe, expect, it } from "vitest";
import { refreshRollups } from "@/lib/analytics/rollups";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { refreshLineage } from "@/lib/origins/lineage";
import { syncRegistry } from "@/lib/origins/sync";
import { writeSnapshots } from "@/lib/store/write-snapshots";
import { modelRecord, uniqueNamespace } from "../factories/model-record";
import { organization } from "../factories/population";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/**
 * A Chinese base model, its quantized children uploaded by a US namespace (GGUF by library, MLX by
 * tag, AWQ by relation), a repack of a US fine-tune of it by an unregistered namespace, and a GGUF
 * upload that names no base. Each repacks mode must give the shares written out below, computed
 * from this list alone.
 */
type Fixture = {
  name: string;
  ns: "cn" | "us" | "anon";
  base?: string;
  relation?: "finetune" | "quantized";
  library?: string;
  tagged?: boolean;
  task?: string;
  /** 30-day downloads at the two dates */
  d30: [bigint, bigint];
};

const FIXTURES: Fixture[] = [
  { name: "base", ns: "cn", d30: [1_000n, 1_200n] },
  { name: "us-own", ns: "us", d30: [700n, 650n] },
  { name: "base-gguf", ns: "us", base: "cn/base", relation: "quantized", library: "gguf", d30: [400n, 900n] },
  { name: "base-mlx", ns: "us", base: "cn/base", library: "mlx", tagged: true, d30: [150n, 300n] },
  {
    name: "base-awq",
    ns: "us",
    base: "cn/base",
    relation: "quantized",
    library: "transformers",
    task: "feature-extraction",
    d30: [90n, 110n],
  },
  { name: "base-tune", ns: "us", base: "cn/base", relation: "finetune", d30: [300n, 250n] },
  {
    name: "tune-gguf",
    ns: "anon",
    base: "us/base-tune",
    relation: "quantized",
    library: "gguf",
    d30: [80n, 95n],
  },
  { name: "orphan-gguf", ns: "us", library: "gguf", d30: [60n, 5_000_000_000n] },
];
const DATES = ["2025-06-01", "2025-06-08"];
const COUNTRY = { cn: "CN", us: "US", anon: null } as const;

const isRepack = (f: Fixture) =>
  f.relation === "quantized" || f.library === "gguf" || f.library === "mlx" || f.tagged === true;
const byName = new Map(FIXTURES.map((f) => [f.name, f]));
const fixtureOf = (id: string) => byName.get(id.split("/")[1] ?? "");
const rootOf = (f: Fixture): Fixture => {
  const base = f.base ? fixtureOf(f.base) : undefined;
  return base ? rootOf(base) : f;
};

/** Region keys per mode, from the list above: the computation the rollups are held to. */
function expectedShares(
  attribution: "developer" | "lineage",
  repacks: "include" | "exclude" | "to-base",
  task: string | undefined,
  day: 0 | 1,
) {
  const sums = new Map<string, bigint>();
  for (const f of FIXTURES) {
    if (task && (f.task ?? "text-generation") !== task) continue;
    if (repacks === "exclude" && isRepack(f)) continue;
    let credited: Fixture = attribution === "lineage" ? rootOf(f) : f;
    if (repacks === "to-base" && attribution === "developer" && isRepack(f) && f.base)
      credited = fixtureOf(f.base) ?? f;
    const region = COUNTRY[credited.ns] ?? "UNKNOWN";
    sums.set(region, (sums.get(region) ?? 0n) + f.d30[day]);
  }
  return sums;
}

describe.each(testBackends())("repacks=include|exclude|to-base on %s", (backend) => {
  const db = suiteDatabase(backend);
  const p = uniqueNamespace("rp");
  const ns = { cn: `${p}-cn`, us: `${p}-us`, anon: `${p}-anon` };
  const hubId = (id: string) => {
    const [space, name] = id.split("/");
    return `${ns[space as keyof typeof ns]}/${name}`;
  };

  beforeAll(async () => {
    await syncRegistry(db, {
      labs: [
        { slug: `${p}-qw`, name: "Qw", parent: null, country: "CN", color: "#CC79A7" },
        { slug: `${p}-me`, name: "Me", parent: null, country: "US", color: "#56B4E9" },
      ],
      organizations: [
        organization(ns.cn, { lab: `${p}-qw`, country: "CN" }),
        organization(ns.us, { lab: `${p}-me`, country: "US" }),
      ],
    });
    for (const [day, date] of DATES.entries()) {
      const page = FIXTURES.map((f) =>
        modelRecord({
          hubId: hubId(`${f.ns}/${f.name}`),
          baseModels: f.base ? [hubId(f.base)] : [],
          baseRelation: f.base ? (f.relation ?? "finetune") : null,
          libraryName: f.library ?? "transformers",
          pipelineTag: f.task ?? "text-generation",
          repack: f.tagged === true,
          downloads: f.d30[day] ?? 0n,
          downloadsAllTime: (f.d30[day] ?? 0n) * 10n,
        }),
      );
      await writeSnapshots(db, page, date, { runId: null });
      await db.prisma.ingestRun.create({
        data: {
          asOf: new Date(`${date}T00:00:00Z`),
          status: "succeeded",
          trigger: "test",
          finishedAt: new Date(),
        },
      });
    }
    await refreshLineage(db);
    await refreshRollups(db, null);
  });

  const modes = ["include", "exclude", "to-base"] as const;
  for (const attribution of ["developer", "lineage"] as const)
    for (const task of [undefined, "text-generation"])
      it(`${attribution} attribution${task ? `, task=${task} (share_scope)` : " (share_rollup)"}`, async () => {
        for (const repacks of modes) {
          const query = shareQuerySchema.parse({
            metric: "downloads30d",
            interval: "day",
            attribution,
            repacks,
            from: DATES[0],
            to: DATES[1],
            ...(task ? { task } : {}),
          });
          const result = await getShareOverTime(db, query);
          for (const [day, date] of DATES.entries()) {
            const point = result.points.find((pt) => pt.date === date);
            const want = expectedShares(attribution, repacks, task, day as 0 | 1);
            const total = [...want.values()].reduce((n, v) => n + v, 0n);
            const label = `${attribution} ${repacks} ${task ?? ""} ${date}`;
            expect(point?.total, label).toBe(total.toString());
            for (const region of ["CN", "US", "UNKNOWN", "OTHER", "INTL"]) {
              const v = want.get(region) ?? 0n;
              expect(point?.values[region]?.downloads, `${label} ${region}`).toBe(v.toString());
              expect(point?.values[region]?.share, `${label} ${region}`).toBeCloseTo(
                Number(v) / Number(total),
                12,
              );
            }
          }
        }
      });

  it("moves China's share under to-base and keeps a baseless repack with its uploader", async () => {
    const ask = (repacks: string) =>
      getShareOverTime(
        db,
        shareQuerySchema.parse({
          metric: "downloads30d",
          interval: "day",
          repacks,
          from: DATES[1],
          to: DATES[1],
        }),
      );
    const include = (await ask("include")).points[0];
    const toBase = (await ask("to-base")).points[0];
    expect(Number(toBase?.values.CN?.share)).toBeGreaterThan(Number(include?.values.CN?.share));
    // The orphan's five billion downloads stay American, never unattributed.
    expect(BigInt(toBase?.values.US?.downloads ?? "0")).toBeGreaterThan(5_000_000_000n);
    expect(toBase?.values.UNKNOWN?.downloads).toBe("0");
  });
});
