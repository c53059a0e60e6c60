import { type ChildProcess, spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { dataVersion } from "@/lib/db/data-version";
import { regionOf } from "@/lib/domain/regions";
import { shareQuerySchema } from "@/lib/domain/share-query";
import { type BackfillReporter, runBackfill } from "@/lib/import/backfill";
import { parseBackfillArgs } from "@/lib/import/backfill-options";
import { loadRegistry } from "@/lib/origins/sync";
import { ensureRegistrySynced } from "@/lib/publish/registry";
import { type FakeDatasets, startFakeDatasets } from "../fake-hub/datasets";
import { type StudyRow, studyFile, type WeeklyRow, weeklyFile } from "../fixtures/backfill/files";
import { runScript } from "../helpers/run-script";
import { dumpSnapshots } from "../helpers/snapshot-dump";
import { suiteDatabase } from "../helpers/suite";
import { type TestDatabase, testBackends } from "../helpers/test-db";

const WEEKLY = "hfmlsoc/hub_weekly_snapshots";
const STUDY = "mmpr/open_model_evolution_data";
const TOKEN = "hf_backfill_token";
const TAIL = 150;

/** Four weeks of the Hub's listing: two before 2025-02-26 (no all-time counts), two after. */
function week(n: number): WeeklyRow[] {
  const k = n + 1;
  const rows: WeeklyRow[] = [
    {
      id: "deepseek-ai/DeepSeek-R1",
      downloads: 900_000 * k,
      downloadsAllTime: 9_000_000_000n + BigInt(k),
      likes: 9,
      createdAt: "2025-01-20T03:46:11.000Z",
    },
    {
      id: "Qwen/Qwen2.5-7B",
      downloads: 800_000 + k,
      downloadsAllTime: 40_000_000n * BigInt(k),
      likes: 8,
      createdAt: "2024-09-16T11:00:00.000Z",
    },
    // A registry namespace spelled in another case, below the threshold: kept (registry namespaces always are).
    {
      id: "qwen/tiny-registry-model",
      downloads: 5,
      downloadsAllTime: 50n,
      likes: 0,
      createdAt: "2024-10-01T00:00:00.000Z",
    },
    {
      id: "meta-llama/Llama-3.1-8B",
      downloads: 700_000,
      downloadsAllTime: 90_000_000n + BigInt(k * 700_000),
      likes: 7,
      createdAt: "2024-07-18T00:00:00.000Z",
      gated: "manual",
    },
    {
      id: "mistralai/Mistral-7B",
      downloads: 300_000,
      downloadsAllTime: 30_000_000n + BigInt(k),
      likes: 3,
      createdAt: "2023-09-27T00:00:00.000Z",
    },
    {
      id: "someone/qwen-finetune",
      downloads: 50_000 * k,
      downloadsAllTime: 500_000n * BigInt(k),
      likes: 1,
      createdAt: "2024-12-01T00:00:00.000Z",
      base: { relation: "finetune", models: [{ id: "qwen/qwen2.5-7b" }] },
      tags: ["license:mit", "base_model:Qwen/Qwen2.5-7B", "base_model:finetune:Qwen/Qwen2.5-7B"],
    },
    // Below the crawl's threshold, outside the registry: left out.
    {
      id: "someone/tiny",
      downloads: 20,
      downloadsAllTime: 40n,
      likes: 0,
      createdAt: "2024-12-05T00:00:00.000Z",
    },
    // Private: never stored, whatever its downloads.
    {
      id: "someone/private-hit",
      downloads: 5_000_000,
      downloadsAllTime: 9_000_000n,
      likes: 0,
      createdAt: "2024-12-05T00:00:00.000Z",
      private: true,
    },
    // A legacy id without a namespace: its author names the namespace.
    {
      id: "gpt2",
      author: "openai-community",
      downloads: 400_000,
      downloadsAllTime: 3_000_000_000n,
      likes: 2,
      createdAt: "2022-03-02T23:29:04.000Z",
    },
    // Legacy ids below the threshold: kept when the author is a registry namespace, else left out.
    {
      id: "t5-legacy-small",
      author: "google",
      downloads: 7,
      downloadsAllTime: 70n,
      likes: 0,
      createdAt: "2022-03-02T23:29:04.000Z",
    },
    {
      id: "legacy-tiny",
      author: "someone-else",
      downloads: 7,
      downloadsAllTime: 70n,
      likes: 0,
      createdAt: "2022-03-02T23:29:04.000Z",
    },
  ];
  // The long tail under the threshold, outside the registry: most of a real listing, never stored.
  for (let i = 0; i < TAIL; i++)
    rows.push({
      id: `tail-${i % 7}/model-${i}`,
      downloads: 50 + (i % 40),
      downloadsAllTime: 100n,
      likes: 0,
      createdAt: "2024-05-01T00:00:00.000Z",
    });
  // Created after its week's label, before the week's end: present from week 4 on.
  if (n === 3)
    rows.push({
      id: "deepseek-ai/DeepSeek-V4",
      downloads: 60_000,
      downloadsAllTime: 60_000n,
      likes: 1,
      createdAt: "2025-03-12T08:00:00.000Z",
    });
  return rows;
}

const LABELS = ["2025-01-06", "2025-01-13", "2025-03-03", "2025-03-10"];
const weeklyFiles = (): Record<string, Uint8Array> =>
  Object.fromEntries(
    LABELS.map((label, n) => [
      `models/${label}/models.parquet`,
      weeklyFile(week(n), { allTime: label >= "2025-02-26", createdAsText: n === 0, rowGroupSize: 64 }),
    ]),
  );

const STUDY_ROWS: StudyRow[] = [
  {
    model: "deepseek-ai/DeepSeek-R1",
    time: "2025-02-02T10:11:12.123Z",
    created: "2025-01-20T03:46:11Z",
    downloadsAllTime: 1_000n,
    derivedFrom: ["No"],
    country: ["China"],
  },
  {
    model: "deepseek-ai/DeepSeek-R1",
    time: "2025-02-09T10:11:12.123Z",
    created: "2025-01-20T03:46:11Z",
    downloadsAllTime: 5_000n,
    derivedFrom: ["No"],
    country: ["China"],
  },
  {
    model: "meta-llama/Llama-3.1-8B",
    time: "2025-02-02T10:11:12.123Z",
    created: "2024-07-18T00:00:00Z",
    downloadsAllTime: 2_000n,
    derivedFrom: ["No"],
    country: ["USA"],
  },
  {
    model: "meta-llama/Llama-3.1-8B",
    time: "2025-02-09T10:11:12.123Z",
    created: "2024-07-18T00:00:00Z",
    downloadsAllTime: 3_000n,
    derivedFrom: ["No"],
    country: ["USA"],
  },
  {
    model: "someone/merge",
    time: "2025-02-09T10:11:12.123Z",
    created: "2025-02-01T00:00:00Z",
    downloadsAllTime: 700n,
    derivedFrom: ["meta-llama/Llama-3.1-8B", "deepseek-ai/DeepSeek-R1", "No"],
    country: ["Unknown"],
  },
];

const quiet: BackfillReporter = { fileStart() {}, progress() {}, fileDone() {}, log() {}, stop() {} };

/** Independently of lib/: which rows the crawl's population rule keeps, by region. */
async function expectedWeek(n: number) {
  const registry = await loadRegistry();
  const region = new Map(
    registry.organizations.map((o) => [o.namespace.toLowerCase(), regionOf(o.country, o.international)]),
  );
  const sums = new Map<string, bigint>();
  let total = 0n;
  const kept: string[] = [];
  for (const r of week(n)) {
    const namespace = (r.id.includes("/") ? r.id.split("/")[0] : r.author) ?? r.id;
    const inRegistry = region.has(namespace.toLowerCase());
    if (r.private || (!inRegistry && r.downloads < 100)) continue;
    kept.push(r.id);
    const key = region.get(namespace.toLowerCase()) ?? "UNKNOWN";
    sums.set(key, (sums.get(key) ?? 0n) + BigInt(r.downloads));
    total += BigInt(r.downloads);
  }
  return { sums, total, kept: kept.sort() };
}

describe.each(testBackends())("backfill from the Hub's datasets on %s", (backend) => {
  const db = suiteDatabase(backend);
  let hub: FakeDatasets;
  const files = weeklyFiles();
  const hubOptions = () => ({ endpoint: hub.url, token: TOKEN, baseDelayMs: 1, maxDelayMs: 5 });

  beforeAll(async () => {
    await ensureRegistrySynced(db);
    hub = await startFakeDatasets({
      repos: {
        [WEEKLY]: { ...files, "README.md": new TextEncoder().encode("# weekly\n") },
        [STUDY]: {
          "all_downloads_with_annotations.parquet": studyFile(STUDY_ROWS),
          "one_year_rolling.parquet": studyFile(STUDY_ROWS.map((r) => ({ ...r, downloadsAllTime: 1n }))),
        },
      },
      pageSize: 2,
      requireToken: TOKEN,
      failOnce: ["models/2025-03-03/models.parquet"],
    });
  }, 60_000);
  afterAll(async () => {
    await hub?.close();
  });

  it("reads every week with ranges of the columns it stores, the token never leaving the Hub", async () => {
    const options = parseBackfillArgs(["--dataset", "hub-weekly"]);
    const summary = await runBackfill(db, options, quiet, hubOptions());
    expect(summary.files).toEqual({ planned: 4, done: 4, skipped: 0, alreadyDone: 0 });
    // Snapshots dated at the end of each labelled week.
    expect(summary.dates).toEqual(["2025-01-12", "2025-01-19", "2025-03-09", "2025-03-16"]);
    expect(summary.skipped).toMatchObject({
      "private model": 4,
      "below the download threshold": 4 * (2 + TAIL),
    });
    // The token went to the Hub only; the CDN never saw it (it refuses any Authorization).
    expect(hub.hubRequests.every((r) => r.authorization === `Bearer ${TOKEN}`)).toBe(true);
    expect(hub.cdnRequests.length).toBeGreaterThan(0);
    expect(hub.cdnRequests.every((r) => r.authorization === null)).toBe(true);
    expect(hub.cdnRequests.some((r) => r.status === 503)).toBe(true);
    expect(hub.cdnRequests.filter((r) => r.status === 200 && r.range === null)).toEqual([]);
    // Only the columns stored are fetched: well under half of each file.
    for (const [file, bytes] of Object.entries(files))
      expect(hub.bytesServed.get(file) ?? 0, file).toBeLessThan(bytes.length / 2);
    expect(summary.bytesFetched).toBeLessThan(summary.bytesInFiles / 2);
  });

  it("stores the Hub ids (never _id), no 'No' base, no private model, the crawl's population", async () => {
    for (const [n, label] of LABELS.entries()) {
      const date = ["2025-01-12", "2025-01-19", "2025-03-09", "2025-03-16"][n] as string;
      const rows = await db.prisma.$queryRaw<{ hub_id: string; all_time: bigint | null }[]>`
        SELECT m.hub_id, s.downloads_all_time AS all_time FROM model_snapshot s JOIN model m ON m.id = s.model_id
        WHERE s.date = ${date}::date ORDER BY m.hub_id`;
      expect(rows.map((r) => r.hub_id).sort(), label).toEqual((await expectedWeek(n)).kept);
      // Weeks before 2025-02-26 have no all-time counts: stored as unknown, never as 0.
      expect(rows.every((r) => (label < "2025-02-26" ? r.all_time === null : r.all_time !== null))).toBe(
        true,
      );
    }
    const finetune = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "someone/qwen-finetune" } });
    expect(finetune.baseModels).toEqual(["qwen/qwen2.5-7b"]);
    expect(finetune.baseRelation).toBe("finetune");
    expect(finetune.lineageNamespace).toBe("Qwen");
    const gpt2 = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "gpt2" } });
    expect(gpt2.namespace).toBe("openai-community");
    const t5 = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "t5-legacy-small" } });
    expect(t5.namespace).toBe("google");
    expect(await db.prisma.model.count({ where: { hubId: "legacy-tiny" } })).toBe(0);
    const llama = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "meta-llama/Llama-3.1-8B" } });
    expect(llama.gated).toBe(true);
    const v4 = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "deepseek-ai/DeepSeek-V4" } });
    expect(v4.createdAt?.toISOString()).toBe("2025-03-12T08:00:00.000Z");
    expect(await db.prisma.model.count({ where: { hubId: { startsWith: "65f0" } } })).toBe(0);
    const runs = await db.prisma.ingestRun.findMany({
      where: { trigger: "backfill" },
      orderBy: { asOf: "asc" },
    });
    expect(runs.map((r) => [r.status, r.source, r.allTimeCounts])).toEqual([
      ["succeeded", "hub_weekly", false],
      ["succeeded", "hub_weekly", false],
      ["succeeded", "hub_weekly", true],
      ["succeeded", "hub_weekly", true],
    ]);
  });

  it("gives the shares of an independent computation; all-time metrics have no value before 2025-02-26", async () => {
    const result = await getShareOverTime(
      db,
      shareQuerySchema.parse({ from: "2025-01-12", to: "2025-03-16", interval: "day", groupBy: "region" }),
    );
    for (const [n, date] of ["2025-01-12", "2025-01-19", "2025-03-09", "2025-03-16"].entries()) {
      const point = result.points.find((p) => p.date === date);
      const { sums, total } = await expectedWeek(n);
      expect(point?.total, date).toBe(total.toString());
      for (const region of ["CN", "US", "OTHER", "INTL", "UNKNOWN"]) {
        const want = sums.get(region) ?? 0n;
        expect(point?.values[region]?.downloads, `${date} ${region}`).toBe(want.toString());
        expect(point?.values[region]?.share).toBeCloseTo(Number(want) / Number(total), 9);
      }
    }
    const cumulative = await getShareOverTime(
      db,
      shareQuerySchema.parse({ metric: "cumulative", from: "2025-01-12", to: "2025-03-16", interval: "day" }),
    );
    const at = (d: string) => cumulative.points.find((p) => p.date === d);
    expect(at("2025-01-12")).toMatchObject({ asOf: "2025-01-12", total: null, values: {} });
    expect(at("2025-03-09")?.total).not.toBeNull();
    const period = await getShareOverTime(
      db,
      shareQuerySchema.parse({ metric: "downloads", from: "2025-01-12", to: "2025-03-16", interval: "day" }),
    );
    // The first week with all-time counts follows one without: no period value there either.
    expect(period.points.find((p) => p.date === "2025-03-09")?.total).toBeNull();
    expect(period.points.find((p) => p.date === "2025-03-16")?.total).not.toBeNull();
  });

  it("a second run writes nothing new and changes no published number", async () => {
    const before = await dumpSnapshots(db);
    const version = await dataVersion(db);
    const runs = await db.prisma.ingestRun.count();
    const summary = await runBackfill(
      db,
      parseBackfillArgs(["--dataset", "hub-weekly"]),
      quiet,
      hubOptions(),
    );
    expect(summary.files).toEqual({ planned: 4, done: 0, skipped: 0, alreadyDone: 4 });
    expect(summary.snapshotsWritten).toBe(0);
    expect(await dumpSnapshots(db)).toEqual(before);
    expect(await dataVersion(db)).toBe(version);
    expect(await db.prisma.ingestRun.count()).toBe(runs);
  });

  it("--from/--to pick weeks by their labels", async () => {
    const summary = await runBackfill(
      db,
      parseBackfillArgs([
        "--dataset",
        "hub-weekly",
        "--from",
        "2025-01-10",
        "--to",
        "2025-03-05",
        "--dry-run",
      ]),
      quiet,
      hubOptions(),
    );
    expect(summary).toMatchObject({ dryRun: true, files: { planned: 2 } });
  });

  it("the study's file: each row at its own time, 'No' is no base, its dates a population of their own", async () => {
    const summary = await runBackfill(db, parseBackfillArgs(["--dataset", "study"]), quiet, hubOptions());
    expect(summary.files.done).toBe(1);
    expect(summary.dates).toEqual(["2025-02-02", "2025-02-09"]);
    const merge = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "someone/merge" } });
    expect(merge.baseModels).toEqual(["meta-llama/Llama-3.1-8B", "deepseek-ai/DeepSeek-R1"]);
    const r1 = await db.prisma.model.findUniqueOrThrow({ where: { hubId: "deepseek-ai/DeepSeek-R1" } });
    expect(r1.baseModels).toEqual([]);
    const runs = await db.prisma.ingestRun.findMany({ where: { source: "study" } });
    expect(runs.map((r) => r.status)).toEqual(["succeeded", "succeeded"]);
    // By default the chart shows the Hub's listing; the study's dates only when asked for.
    const hubView = await getShareOverTime(
      db,
      shareQuerySchema.parse({ from: "2025-01-01", to: "2025-03-31", interval: "day" }),
    );
    expect(hubView.query.population).toBe("hub");
    expect(hubView.points.filter((p) => p.asOf !== null).map((p) => p.date)).toEqual([
      "2025-01-12",
      "2025-01-19",
      "2025-03-09",
      "2025-03-16",
    ]);
    const studyView = await getShareOverTime(
      db,
      shareQuerySchema.parse({
        from: "2025-01-01",
        to: "2025-03-31",
        interval: "day",
        population: "study",
        metric: "cumulative",
      }),
    );
    expect(studyView.points.filter((p) => p.asOf !== null).map((p) => p.date)).toEqual([
      "2025-02-02",
      "2025-02-09",
    ]);
    expect(studyView.points.find((p) => p.date === "2025-02-09")?.total).toBe("8700");
  });
});

describe("npm run backfill", () => {
  let hub: FakeDatasets;
  beforeAll(async () => {
    hub = await startFakeDatasets({ repos: { [WEEKLY]: weeklyFiles() }, pageSize: 2 });
  });
  afterAll(async () => {
    await hub?.close();
  });
  const pgliteEnv = () => ({
    DATABASE_URL: undefined,
    PGLITE_DIR: path.join(mkdtempSync(path.join(tmpdir(), "oms-backfill-")), "db"),
    HF_ENDPOINT: hub.url,
    HF_TOKEN: undefined,
  });

  it("rejects bad options with one clear line", async () => {
    for (const [args, message] of [
      [[], /--dataset is required/],
      [["--dataset", "weekly"], /--dataset must be hub-weekly or study/],
      [["--dataset", "hub-weekly", "--from", "2025-02-30"], /--from is not a real calendar date/],
      [["--dataset", "hub-weekly", "--repo", "nope"], /--repo must be a dataset repository as OWNER\/NAME/],
      [
        ["--dataset", "hub-weekly", "--min-downloads", "-1"],
        /--min-downloads needs a value|must be a whole number/,
      ],
    ] as const) {
      const result = await runScript("scripts/backfill.ts", [...args], pgliteEnv());
      expect(result.code, result.stderr).toBe(1);
      expect(result.stderr.trim()).toMatch(message);
    }
  });

  it("migrates a new database, reads every week, prints what it fetched", async () => {
    const result = await runScript(
      "scripts/backfill.ts",
      ["--dataset", "hub-weekly"],
      pgliteEnv(),
      180_000,
      "bundled",
    );
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^Applied \d+ migration\(s\)/m);
    expect(result.stdout).toMatch(
      /Backfilled hub-weekly from hfmlsoc\/hub_weekly_snapshots: 4 file\(s\) read of 4\./,
    );
    expect(result.stdout).toMatch(
      /Fetched [\d.]+ MB of [\d.]+ MB in the files read \(\d+ %: only the columns stored\)/,
    );
  });
});

/** `npm run backfill -- --dataset hub-weekly`: the script and its arguments. */
const BACKFILL = "scripts/backfill.ts";
const WEEKLY_ONLY = ["--dataset", "hub-weekly"];

/** The backfill CLI as a child whose pid we keep, to kill it mid-file. */
function spawnBackfill(env: Record<string, string | undefined>): {
  child: ChildProcess;
  done: Promise<number | null>;
} {
  const child = spawn(process.execPath, ["--import", "tsx", BACKFILL, ...WEEKLY_ONLY], {
    env: { ...process.env, ...env },
    stdio: "ignore",
  });
  return { child, done: new Promise((resolve) => child.on("close", resolve)) };
}

describe.each(testBackends())("a backfill killed mid-file on %s", (backend) => {
  let hub: FakeDatasets;
  const reference = suiteDatabase(backend);
  const db = suiteDatabase(backend);
  beforeAll(async () => {
    hub = await startFakeDatasets({ repos: { [WEEKLY]: weeklyFiles() }, pageSize: 2 });
  });
  afterAll(async () => {
    await hub?.close();
  });
  const envOf = (target: TestDatabase) => ({ DATABASE_URL: target.url, HF_ENDPOINT: hub.url });
  /** The backfill run through to the end, into `target`. */
  const backfillInto = (target: TestDatabase) => runScript(BACKFILL, WEEKLY_ONLY, envOf(target), 180_000);

  it.runIf(backend === "postgres")(
    "kill -9 while a file is read, then a rerun: the same database as an uninterrupted run",
    {
      timeout: 240_000,
    },
    async () => {
      const clean = await backfillInto(reference);
      expect(clean.code, clean.stderr).toBe(0);
      const expected = await dumpSnapshots(reference);

      // Mid-file: a week's rows are being written (its run is open), the file not yet finished. A
      // week can finish between the look and the kill (the kill then lands between files): run on
      // and try again, at most three times.
      let killedMidFile = false;
      for (let attempt = 0; attempt < 3 && !killedMidFile; attempt++) {
        hub.setCdnDelay(150);
        const { child, done } = spawnBackfill(envOf(db));
        const deadline = Date.now() + 120_000;
        while (Date.now() < deadline) {
          const open = await db.prisma.ingestRun.count({ where: { trigger: "backfill", status: "running" } });
          // A week stored whole (its publish comes at the end of the backfill).
          const done = await db.prisma.ingestRun.count({
            where: { trigger: "backfill", status: { in: ["stored", "succeeded"] } },
          });
          if (open > 0 && done > 0) break;
          await new Promise((r) => setTimeout(r, 20));
        }
        child.kill("SIGKILL");
        expect(await done).toBeNull();
        hub.setCdnDelay(0);
        const partial = await db.prisma.ingestRun.findMany({ where: { trigger: "backfill" } });
        killedMidFile = partial.some((r) => r.status === "running");
      }
      expect(killedMidFile).toBe(true);

      const rerun = await backfillInto(db);
      expect(rerun.code, rerun.stderr).toBe(0);
      expect(rerun.stdout).toMatch(/already done/);
      expect(await dumpSnapshots(db)).toEqual(expected);
      const rollups = async (d: TestDatabase) =>
        (
          await d.prisma.shareRollup.findMany({
            orderBy: [
              { date: "asc" },
              { groupType: "asc" },
              { groupKey: "asc" },
              { cohort: "asc" },
              { attribution: "asc" },
              { derivative: "asc" },
            ],
          })
        ).map((r) => JSON.stringify(r, (_k, v) => (typeof v === "bigint" ? v.toString() : v)));
      expect(await rollups(db)).toEqual(await rollups(reference));
    },
  );
});
