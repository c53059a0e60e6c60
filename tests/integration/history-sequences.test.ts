import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { rowsAtVersion } from "@/lib/analytics/rollup-history";
import { getShareOverTime } from "@/lib/analytics/share-over-time";
import { Prisma } from "@/lib/db";
import { dataVersion } from "@/lib/db/data-version";
import { type ShareQuery, shareQuerySchema } from "@/lib/domain/share-query";
import { runBackfill } from "@/lib/import/backfill";
import { parseBackfillArgs } from "@/lib/import/backfill-options";
import { runIngest } from "@/lib/ingest/crawl";
import { ingestOptionsSchema } from "@/lib/ingest/options";
import { ensureRegistrySynced } from "@/lib/publish/registry";
import { finishUnfinishedWork } from "@/lib/publish/unfinished";
import { verifyPublished } from "@/lib/publish/verify";
import type { ModelRecord } from "@/lib/store/model-record";
import { memoryHub } from "../factories/memory-hub";
import { startFakeDatasets } from "../fake-hub/datasets";
import { weeklyFile } from "../fixtures/backfill/files";
import {
  Account,
  type Command,
  commandArbitrary,
  DAYS,
  INITIAL_REGISTRY,
  MIN_DOWNLOADS,
  type RegistryState,
  recordAt,
  registryFile,
  sketchWorld,
  WEEKS,
  type World,
  weekRows,
  worldArbitrary,
} from "../helpers/history-world";
import { type Backend, createTestDatabase, type TestDatabase, testBackends } from "../helpers/test-db";

/**
 * Numbers that stay true over time: sequences of crawls (full, test, failing at a page, failing at
 * a step of their publish), weekly backfills in any order and registry edits (some failing at a
 * step) against a small Hub whose models change task, library, base and creation date, appear,
 * vanish and turn private. After each sequence, every published date and every share (by region,
 * country, lab and namespace; developer and lineage; cohorts; derivatives; task and library) equals
 * the account the test keeps of what the rules publish (tests/helpers/history-world.ts), the
 * verification finds no drift, and every data version published on the way still reads as the
 * rollups were when it was current (pinned charts).
 */
const RUNS = Number(process.env.HISTORY_RUNS ?? 4);
const WEEKLY = "hfmlsoc/hub_weekly_snapshots";
const PLACEHOLDER = "2022-03-02T23:29:04.000Z";

const quiet = { fileStart() {}, progress() {}, fileDone() {}, log() {}, stop() {} };

describe.each(testBackends())("history sequences on %s", (backend) => {
  it(`${RUNS} sequences of commands publish what the rules say, every date and every cut`, {
    // A minute a sequence on a loaded machine: HISTORY_RUNS=30 runs longer than the default.
    timeout: Math.max(900_000, RUNS * 60_000),
  }, async () => {
    await fc.assert(
      fc.asyncProperty(
        worldArbitrary,
        fc.array(commandArbitrary, { minLength: 3, maxLength: 8 }),
        (world, commands) => runSequence(backend, world, commands),
      ),
      // HISTORY_SEED replays a failure's seed; with HISTORY_PATH (the failure's path), that run alone.
      {
        numRuns: RUNS,
        endOnFailure: true,
        seed: process.env.HISTORY_SEED ? Number(process.env.HISTORY_SEED) : undefined,
        path: process.env.HISTORY_PATH,
      },
    );
  });

  // A chain that stops at a model whose latest listing names no base goes on, at the dates its
  // other listings name one, through that base: the listing that drops the base may come after the
  // date (a later crawl) or before it (a crawl of an earlier day, after the later ones).
  it.each([
    {
      name: "a later listing drops a middle model's base",
      world: sketchWorld([
        { id: "uslab/Base-B", downloads: 600n, bases: [["", null]] },
        {
          id: "comm/Low",
          downloads: 2_500n,
          bases: [
            ["", "uslab/Base-B"],
            ["2025-03-13", null],
          ],
        },
        { id: "intl-co/Model", downloads: 40_000n, bases: [["", "comm/Low"]] },
      ]),
      commands: [
        { kind: "crawl", day: "2025-03-07" },
        { kind: "crawl", day: "2025-03-16" },
      ],
    },
    {
      name: "an earlier listing names a base the later ones lack",
      world: sketchWorld([
        { id: "cnlab/Base-A", downloads: 600n, bases: [["", null]] },
        {
          id: "comm/FT",
          downloads: 150n,
          bases: [
            ["", "cnlab/Base-A"],
            ["2025-03-07", null],
          ],
        },
        { id: "quant/Other", downloads: 40_000n, bases: [["", "comm/FT"]] },
        { id: "quant/FT-GGUF", downloads: 2_500n, bases: [["", "comm/ft"]] },
      ]),
      commands: [
        { kind: "week", week: 0 },
        { kind: "crawl", day: "2025-03-14" },
        { kind: "crawl", day: "2025-03-05" },
      ],
    },
  ] satisfies { name: string; world: World; commands: Command[] }[])(
    "lineage where $name",
    { timeout: 300_000 },
    ({ world, commands }) => runSequence(backend, world, commands),
  );

  // A weekly file whose population rule keeps no model still describes its date: an empty
  // population, published as a crawl's would be, and done once (a rerun reads it no more).
  it("a week that keeps no model publishes its date, empty, once", { timeout: 300_000 }, () =>
    runSequence(
      backend,
      sketchWorld([
        { id: "comm/FT", downloads: 20n, bases: [["", null]] },
        { id: "cnlab/Base-A", downloads: 600n, bases: [["", null]], absent: ["2025-03-09"] },
      ]),
      [
        { kind: "week", week: 0 },
        { kind: "crawl", day: "2025-03-13" },
        { kind: "week", week: 0 },
      ],
    ),
  );

  it("weekly backfills and crawls in any order give the same database", { timeout: 300_000 }, async () => {
    const [world] = fc.sample(worldArbitrary, { seed: 20251203, numRuns: 1 }) as [World];
    const orders: Command[][] = [
      [
        { kind: "week", week: 0 },
        { kind: "week", week: 1 },
        { kind: "crawl", day: "2025-03-05" },
        { kind: "crawl", day: "2025-03-12" },
      ],
      [
        { kind: "crawl", day: "2025-03-12" },
        { kind: "week", week: 1 },
        { kind: "crawl", day: "2025-03-05" },
        { kind: "week", week: 0 },
      ],
    ];
    const dumps: string[][] = [];
    for (const commands of orders) {
      const db = await createTestDatabase(backend);
      const dir = mkdtempSync(path.join(tmpdir(), "oms-order-"));
      const file = path.join(dir, "registry.json");
      writeFileSync(file, JSON.stringify(registryFile(INITIAL_REGISTRY)));
      process.env.ORIGIN_REGISTRY = file;
      const files: Record<string, Uint8Array> = {};
      for (const week of WEEKS)
        files[`models/${week.label}/models.parquet`] = weeklyFile(weekRows(world, week.date), {
          allTime: true,
        });
      const hub = await startFakeDatasets({ repos: { [WEEKLY]: files } });
      try {
        const account = new Account(world);
        for (const command of commands) {
          await finishUnfinishedWork(db);
          await perform(db, world, account, command, { url: hub.url, registryAt: () => file });
        }
        await finishUnfinishedWork(db);
        dumps.push(await dumpDatabase(db));
      } finally {
        delete process.env.ORIGIN_REGISTRY;
        await hub.close();
        await db.drop();
      }
    }
    expect(dumps[1]).toEqual(dumps[0]);
  });
});

/**
 * Runs `commands` against `world` on a fresh database, then checks every published date and cut
 * against the account, every data version seen on the way, and the verification.
 */
async function runSequence(backend: Backend, world: World, commands: Command[]): Promise<void> {
  const db = await createTestDatabase(backend);
  const dir = mkdtempSync(path.join(tmpdir(), "oms-history-"));
  const registryAt = (state: RegistryState, n: number) => {
    const file = path.join(dir, `registry-${n}.json`);
    writeFileSync(file, JSON.stringify(registryFile(state)));
    return file;
  };
  process.env.ORIGIN_REGISTRY = registryAt(INITIAL_REGISTRY, 0);
  const files: Record<string, Uint8Array> = {};
  for (const week of WEEKS)
    files[`models/${week.label}/models.parquet`] = weeklyFile(weekRows(world, week.date), {
      allTime: true,
    });
  const hub = await startFakeDatasets({ repos: { [WEEKLY]: files } });
  const account = new Account(world);
  const seen = new Map<number, Dump>();
  const record = async () => {
    const version = Number(await dataVersion(db));
    const dump = await dumpRollups(db, null);
    const earlier = seen.get(version);
    if (earlier) expect(dump, `rows changed within data version ${version}`).toEqual(earlier);
    else seen.set(version, dump);
  };
  try {
    await finishUnfinishedWork(db);
    for (const [n, command] of commands.entries()) {
      // What every command does first.
      await finishUnfinishedWork(db);
      await record();
      await perform(db, world, account, command, { url: hub.url, registryAt: (s) => registryAt(s, n + 1) });
      await record();
    }
    await finishUnfinishedWork(db);
    await record();
    await compare(db, account, commands);
    for (const [version, dump] of seen)
      expect(await dumpRollups(db, version), `data version ${version} ${JSON.stringify(commands)}`).toEqual(
        dump,
      );
    const verification = await verifyPublished(db);
    expect(verification.drifts, JSON.stringify(commands)).toEqual([]);
    expect(verification.ok).toBe(true);
  } finally {
    delete process.env.ORIGIN_REGISTRY;
    await hub.close();
    await db.drop();
  }
}

async function perform(
  db: TestDatabase,
  world: World,
  account: Account,
  command: Command,
  env: { url: string; registryAt: (state: RegistryState) => string },
): Promise<void> {
  const listing = (day: string) =>
    world.models.map((m) => recordAt(m, day)).filter((r): r is ModelRecord => r !== null);
  const what = JSON.stringify(command);
  switch (command.kind) {
    case "crawl":
    case "fail":
    case "publish-fault": {
      const supersedes = account.dates.get(command.day)?.week === "published";
      const faultBeforeTaking =
        command.kind === "publish-fault" &&
        supersedes &&
        (command.point === "publish:lineage" || command.point === "publish:rollups");
      const expected = faultBeforeTaking
        ? "failed"
        : account.crawl(command.day, command.kind === "fail" ? command.at : null);
      if (command.kind === "publish-fault") {
        process.env.FAULT_POINT = command.point;
        process.env.FAULT_ACTION = "throw";
      }
      try {
        const outcome = await runIngest({
          db,
          hub: memoryHub(listing(command.day), 3, command.kind === "fail" ? command.at : undefined).source,
          options: ingestOptionsSchema.parse({ asOf: command.day, minDownloads: MIN_DOWNLOADS }),
        }).then(
          (r) => (r.status === "up-to-date" ? "up-to-date" : "published"),
          () => "failed",
        );
        if (command.kind === "publish-fault" && expected !== "up-to-date")
          expect(outcome, what).toBe("failed");
        else expect(outcome, what).toBe(expected);
      } finally {
        delete process.env.FAULT_POINT;
        delete process.env.FAULT_ACTION;
      }
      return;
    }
    case "test": {
      const expected = account.test(command.day, command.orgs);
      const outcome = await runIngest({
        db,
        hub: memoryHub(listing(command.day)).source,
        options: ingestOptionsSchema.parse({
          asOf: command.day,
          orgs: command.orgs,
          minDownloads: MIN_DOWNLOADS,
        }),
      }).then(
        () => "stored",
        (error: unknown) => {
          expect(String(error), what).toMatch(/test run, which is never published/);
          return "refused";
        },
      );
      expect(outcome, what).toBe(expected);
      return;
    }
    case "week": {
      const expected = account.week(command.week);
      const label = (WEEKS[command.week] as (typeof WEEKS)[number]).label;
      const summary = await runBackfill(
        db,
        parseBackfillArgs(["--dataset", "hub-weekly", "--from", label, "--to", label]),
        quiet,
        { endpoint: env.url, token: null },
      );
      const outcome = summary.files.done ? "published" : summary.files.skipped ? "skipped" : "done";
      expect(outcome, what).toBe(expected);
      return;
    }
    case "registry": {
      account.registry = command.registry;
      process.env.ORIGIN_REGISTRY = env.registryAt(command.registry);
      if (command.point) {
        process.env.FAULT_POINT = command.point;
        process.env.FAULT_ACTION = "throw";
      }
      try {
        await ensureRegistrySynced(db).catch((error: unknown) => {
          expect(String(error), what).toMatch(/fault injected/);
        });
      } finally {
        delete process.env.FAULT_POINT;
        delete process.env.FAULT_ACTION;
      }
      return;
    }
  }
}

/**
 * What the database holds, independent of the order rows were written in: every snapshot with the
 * attributes it was listed with, every model row, every published rollup.
 */
async function dumpDatabase(db: TestDatabase): Promise<string[]> {
  const rows = await db.prisma.$queryRaw<{ line: string }[]>`
    SELECT concat_ws(' ', 'snapshot', m.hub_id, s.date, s.downloads, s.downloads_all_time, v.pipeline_tag,
      v.library_name, array_to_string(v.base_models, '|'), v.created_at, v.lineage_root, v.lineage_varies) AS line
    FROM model_snapshot s JOIN model m ON m.id = s.model_id JOIN model_version v ON v.id = s.version_id
    UNION ALL
    SELECT concat_ws(' ', 'model', hub_id, namespace, pipeline_tag, library_name, array_to_string(base_models, '|'),
      created_at, latest_date, lineage_root, lineage_namespace)
    FROM model
    UNION ALL
    SELECT concat_ws(' ', 'rollup', date, cohort, attribution, derivative, group_type, group_key, models,
      downloads_30d, downloads_all_time, downloads_period)
    FROM share_rollup
    ORDER BY 1`;
  return rows.map((r) => r.line);
}

type Query = Pick<ShareQuery, "metric" | "groupBy" | "cohort" | "attribution" | "derivatives"> & {
  task?: string;
  library?: string;
};

const QUERIES: Query[] = (() => {
  const queries: Query[] = [];
  for (const metric of ["downloads30d", "cumulative", "downloads"] as const)
    for (const groupBy of ["region", "country", "lab", "org"] as const)
      for (const attribution of ["developer", "lineage"] as const)
        queries.push({ metric, groupBy, attribution, cohort: "all", derivatives: "include" });
  for (const cohort of ["new-12m", "created-2025", "created-2024"])
    for (const attribution of ["developer", "lineage"] as const)
      queries.push({
        metric: "downloads30d",
        groupBy: "region",
        attribution,
        cohort,
        derivatives: "include",
      });
  queries.push(
    {
      metric: "downloads30d",
      groupBy: "region",
      attribution: "lineage",
      cohort: "all",
      derivatives: "exclude",
    },
    {
      metric: "downloads",
      groupBy: "lab",
      attribution: "lineage",
      cohort: "all",
      derivatives: "include",
      task: "text-generation",
    },
    {
      metric: "downloads30d",
      groupBy: "org",
      attribution: "developer",
      cohort: "all",
      derivatives: "include",
      library: "gguf",
    },
    {
      metric: "cumulative",
      groupBy: "country",
      attribution: "lineage",
      cohort: "new-12m",
      derivatives: "include",
      task: "image-text-to-text",
      library: "transformers",
    },
  );
  return queries;
})();

type Dump = { rollup: string[]; scope: string[] };

/** Every row of the two rollup tables as text, now (null) or as data version `version` had them. */
async function dumpRollups(db: TestDatabase, version: number | null): Promise<Dump> {
  const measures = "models, downloads_30d, downloads_all_time, downloads_period";
  const columns = {
    share_rollup: `date, cohort, attribution, derivative, repack, group_type, group_key, ${measures}`,
    share_scope: `date, attribution, derivative, repack, year_cohort, young, task, library, country,
      international, lab, org, ${measures}`,
  };
  const rows = async (table: "share_rollup" | "share_scope") => {
    const source = version === null ? Prisma.raw(table) : rowsAtVersion(table, version);
    const result = await db.prisma.$queryRaw<{ row: string }[]>`
      SELECT row(${Prisma.raw(columns[table])})::text AS row FROM ${source} t ORDER BY 1`;
    return result.map((r) => r.row);
  };
  return { rollup: await rows("share_rollup"), scope: await rows("share_scope") };
}

async function compare(db: TestDatabase, account: Account, commands: Command[]): Promise<void> {
  const what = JSON.stringify(commands);
  const published = account.published();
  const runs = await db.prisma.ingestRun.findMany({ where: { status: "succeeded", partial: false } });
  expect([...new Set(runs.map((r) => r.asOf.toISOString().slice(0, 10)))].sort(), what).toEqual(published);
  // One population per date: exactly the models the rules put there.
  for (const day of published) {
    const rows = await db.prisma.$queryRaw<{ hub_id: string }[]>`
      SELECT m.hub_id FROM model_snapshot s JOIN model m ON m.id = s.model_id WHERE s.date = ${day}::date`;
    expect(rows.map((r) => r.hub_id).sort(), `${day} ${what}`).toEqual(
      [...account.population(day).keys()].sort(),
    );
  }
  for (const query of QUERIES) {
    const parsed = shareQuerySchema.parse({
      ...query,
      from: DAYS[0],
      to: DAYS.at(-1),
      interval: "day",
      top: "50",
    });
    const result = await getShareOverTime(db, parsed);
    const expected = expectedShares(account, query, published);
    for (const point of result.points) {
      const want = expected.get(point.date);
      const label = `${JSON.stringify(query)} ${point.date} ${what}`;
      if (!want) {
        expect(point.asOf, label).toBeNull();
        continue;
      }
      expect(point.total, label).toBe(want.total === null ? null : want.total.toString());
      const got = Object.fromEntries(
        Object.entries(point.values)
          .filter(([, v]) => v.downloads !== null && v.downloads !== "0")
          .map(([k, v]) => [k, v.downloads]),
      );
      const keys = [...want.values.entries()].filter(([, v]) => v !== 0n).map(([k, v]) => [k, v.toString()]);
      expect(got, label).toEqual(Object.fromEntries(keys));
    }
  }
}

/** The shares the rules give, per published date: series key → value, and the date's total. */
function expectedShares(
  account: Account,
  query: Query,
  published: string[],
): Map<string, { total: bigint | null; values: Map<string, bigint> }> {
  const out = new Map<string, { total: bigint | null; values: Map<string, bigint> }>();
  for (const [k, day] of published.entries()) {
    const prev = k > 0 ? published[k - 1] : undefined;
    const values = new Map<string, bigint>();
    let total = 0n;
    let matched = 0;
    for (const record of account.population(day).values()) {
      if (query.task && record.pipelineTag !== query.task) continue;
      if (query.library && record.libraryName !== query.library) continue;
      if (query.derivatives === "exclude" && record.baseModels.length > 0) continue;
      const created = record.createdAt?.toISOString() ?? PLACEHOLDER;
      const real = created !== PLACEHOLDER;
      if (query.cohort === "new-12m") {
        const limit = new Date(`${day}T00:00:00Z`);
        limit.setUTCMonth(limit.getUTCMonth() - 12);
        if (!real || new Date(created) <= limit) continue;
      } else if (query.cohort !== "all" && (!real || `created-${created.slice(0, 4)}` !== query.cohort))
        continue;
      const namespace =
        query.attribution === "developer" ? record.namespace : account.lineageNamespace(day, record);
      const key = keyOf(account.registry, namespace, query.groupBy);
      let value: bigint;
      if (query.metric === "downloads30d") value = record.downloads;
      else if (query.metric === "cumulative") value = record.downloadsAllTime ?? 0n;
      else {
        const before = prev ? account.population(prev).get(record.hubId) : undefined;
        const all = record.downloadsAllTime ?? 0n;
        if (!prev) value = 0n;
        else if (before)
          value = all > (before.downloadsAllTime ?? 0n) ? all - (before.downloadsAllTime ?? 0n) : 0n;
        else value = real && new Date(created) >= new Date(`${prev}T00:00:00Z`) ? all : 0n;
      }
      values.set(key, (values.get(key) ?? 0n) + value);
      total += value;
      matched++;
    }
    // A date where no model is in scope has no point (the chart shows a gap there).
    if (matched > 0) out.set(day, { total, values });
  }
  return out;
}

function keyOf(registry: RegistryState, namespace: string, groupBy: Query["groupBy"]): string {
  const entry = Object.entries(registry).find(([ns]) => ns.toLowerCase() === namespace.toLowerCase());
  const org = entry?.[1];
  switch (groupBy) {
    case "region":
      return org?.country === "CN"
        ? "CN"
        : org?.country === "US"
          ? "US"
          : org?.country
            ? "OTHER"
            : org?.international
              ? "INTL"
              : "UNKNOWN";
    case "country":
      return org?.country ?? (org?.international ? "INTL" : "UNKNOWN");
    case "lab":
      return org?.lab ?? "";
    case "org":
      return entry?.[0] ?? "";
  }
}
