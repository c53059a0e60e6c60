export const STEPS = [
  "generate",
  "http",
  "compare",
  "crawl",
  "import",
  "backfill",
  "backfill-all",
  "export",
  "first-load",
] as const;
export type Step = (typeof STEPS)[number];
/**
 * What `npm run bench` runs without --steps: the budgets of bench/README.md in under 15 minutes. The
 * history import (≈ 1.5 min per database at 1M rows) runs with `--steps import`, the backfill of a
 * real-shaped week with every model kept (≈ 2 min to write its file, then Postgres and PGlite) with
 * `--steps backfill-all`.
 */
export const DEFAULT_STEPS: readonly Step[] = STEPS.filter((s) => s !== "import" && s !== "backfill-all");

export type BenchOptions = {
  /** Snapshot rows per day, on average (models created inside the window appear on that day) */
  models: number;
  days: number;
  endDate: string;
  /** Dates written through writePage (the rest by bulk SQL) */
  sampleDays: number;
  crawlModels: number;
  /** Rows of the generated Parquet file the import step loads */
  importRows: number;
  /** Models of the weekly listing (one row group) the backfill step reads */
  backfillModels: number;
  /** Snapshots the export step writes out */
  exportRows: number;
  /** NODE_OPTIONS of the crawling process, e.g. "--max-old-space-size=160" */
  crawlNodeOptions: string | null;
  /** Seconds of the 1-connection latency run per route */
  latencySeconds: number;
  /** Seconds of the throughput run per route, at `connections` */
  duration: number;
  connections: number;
  /** The 200-connection load test: seconds (0 skips it) */
  loadSeconds: number;
  loadConnections: number;
  quick: boolean;
  keep: boolean;
  build: boolean;
  steps: Step[];
  adminUrl: string;
  /** Reuse this kept database (from an earlier --keep run) instead of generating one */
  database: string | null;
};

/** The crawl the default run measures: the budget's 2M models (≈ 5 s per 100k here, ≈ 3 minutes). */
export const DEFAULT_CRAWL = 2_000_000;

const USAGE = `npm run bench -- [--quick] [--models N] [--days N] [--end YYYY-MM-DD] [--sample-days N]
  [--crawl-models N] [--import-rows N] [--backfill-models N] [--export-rows N] [--crawl-node-options "…"] [--latency-seconds S] [--duration S] [--connections N] [--load-seconds S] [--load-connections N]
  [--steps ${STEPS.join(",")}] [--no-build] [--keep] [--database oms_bench_…] [--admin-url postgres://…]`;

type WholeNumberOption = {
  [K in keyof BenchOptions]: BenchOptions[K] extends number ? K : never;
}[keyof BenchOptions];

/** The flags that take a whole number: the option each sets and its least value. */
const WHOLE_NUMBER_FLAGS = new Map<string, { option: WholeNumberOption; min: number }>([
  ["--models", { option: "models", min: 100 }],
  ["--days", { option: "days", min: 2 }],
  ["--sample-days", { option: "sampleDays", min: 2 }],
  ["--import-rows", { option: "importRows", min: 1000 }],
  ["--backfill-models", { option: "backfillModels", min: 1000 }],
  ["--export-rows", { option: "exportRows", min: 1000 }],
  ["--crawl-models", { option: "crawlModels", min: 1000 }],
  ["--duration", { option: "duration", min: 1 }],
  ["--latency-seconds", { option: "latencySeconds", min: 1 }],
  ["--connections", { option: "connections", min: 1 }],
  ["--load-seconds", { option: "loadSeconds", min: 0 }],
  ["--load-connections", { option: "loadConnections", min: 1 }],
]);

export function parseBenchArgs(argv: string[]): BenchOptions {
  const quick = argv.includes("--quick");
  const options: BenchOptions = {
    models: quick ? 5_000 : 50_000,
    days: quick ? 60 : 365,
    endDate: "2025-10-31",
    sampleDays: quick ? 5 : 10,
    crawlModels: quick ? 100_000 : DEFAULT_CRAWL,
    importRows: quick ? 100_000 : 1_000_000,
    backfillModels: quick ? 100_000 : 1_000_000,
    exportRows: quick ? 200_000 : 2_000_000,
    crawlNodeOptions: null,
    latencySeconds: quick ? 3 : 10,
    duration: quick ? 5 : 15,
    connections: 10,
    loadSeconds: quick ? 5 : 30,
    loadConnections: 200,
    quick,
    keep: false,
    build: true,
    steps: [...DEFAULT_STEPS],
    adminUrl: process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    database: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i] ?? "";
    const value = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${flag} needs a value\n${USAGE}`);
      return v;
    };
    const whole = WHOLE_NUMBER_FLAGS.get(flag);
    if (whole) {
      const v = Number(value().replace(/_/g, ""));
      if (!Number.isInteger(v) || v < whole.min)
        throw new Error(`${flag} must be a whole number ≥ ${whole.min}`);
      options[whole.option] = v;
      continue;
    }
    switch (flag) {
      case "--quick":
        break;
      case "--end":
        options.endDate = value();
        if (!/^\d{4}-\d{2}-\d{2}$/.test(options.endDate)) throw new Error("--end must be YYYY-MM-DD");
        break;
      case "--crawl-node-options":
        options.crawlNodeOptions = value();
        break;
      case "--keep":
        options.keep = true;
        break;
      case "--no-build":
        options.build = false;
        break;
      case "--database":
        options.database = value();
        if (!/^oms_bench_\w+$/.test(options.database))
          throw new Error("--database must name an oms_bench_… database");
        break;
      case "--admin-url":
        options.adminUrl = value();
        break;
      case "--steps": {
        const steps = value().split(",");
        const unknown = steps.filter((s) => !(STEPS as readonly string[]).includes(s));
        if (unknown.length > 0)
          throw new Error(`unknown step ${unknown.join(",")}; steps: ${STEPS.join(",")}`);
        options.steps = STEPS.filter((s) => steps.includes(s));
        break;
      }
      case "--help":
        console.log(USAGE);
        process.exit(0);
        break;
      default:
        throw new Error(`unknown option "${flag}"\n${USAGE}`);
    }
  }
  options.sampleDays = Math.min(options.sampleDays, options.days);
  return options;
}
