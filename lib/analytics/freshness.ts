import { type Database, Prisma } from "../db";
import { dataVersion } from "../db/data-version";
import type { Freshness } from "../domain/answers";
import { PINNED_VERSION_DAYS } from "../domain/pinned-versions";
import { QueryError } from "../domain/query-error";
import { shareOf } from "../domain/share";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";
import { isVersionKept, rowsAtVersion } from "./rollup-history";
import { type VersionedAnswer, VersionedAnswers } from "./versioned-answers";

export type { Freshness };

/** How fresh and how complete the published numbers are: every API response carries this. */
export async function getFreshness(db: Database): Promise<Freshness> {
  const version = Number(await dataVersion(db));
  const dataAsOf = await latestPublishedDate(db);
  const run = await db.prisma.ingestRun.findFirst({
    where: { status: "succeeded", partial: false },
    orderBy: { id: "desc" },
  });
  return freshnessOf(db, { version, dataAsOf, run, rollups: Prisma.sql`share_rollup` });
}

/**
 * The freshness of a pinned data version: its latest date, the run before it, and its coverage as
 * its own rollups had them. A version newer than the current one, or replaced more than
 * PINNED_VERSION_DAYS ago, is a question the data cannot answer.
 */
export async function getPinnedFreshness(db: Database, version: number): Promise<Freshness> {
  const current = Number(await dataVersion(db));
  if (!(await isVersionKept(db.prisma, version, current))) {
    const why =
      version > current
        ? `the latest published data version is ${current}`
        : `versions are kept ${PINNED_VERSION_DAYS} days after a newer one is published`;
    throw new QueryError(
      `Data version ${version} cannot be shown: ${why}. Leave out version= for the current data.`,
      [{ path: "version", message: version > current ? "is not published yet" : "is no longer kept" }],
    );
  }
  const [row] = await db.prisma.$queryRaw<{ data_as_of: Date | null; published_at: Date }[]>`
    SELECT data_as_of, published_at FROM data_version WHERE id = ${version}`;
  const run = row
    ? await db.prisma.ingestRun.findFirst({
        where: { status: "succeeded", partial: false, finishedAt: { lte: row.published_at } },
        orderBy: { id: "desc" },
      })
    : null;
  return freshnessOf(db, {
    version,
    dataAsOf: row?.data_as_of ?? null,
    run,
    rollups: rowsAtVersion("share_rollup", version),
  });
}

type FreshnessFacts = {
  version: number;
  dataAsOf: Date | null;
  run: { id: number; asOf: Date; finishedAt: Date | null; population: number | null } | null;
  /** The share_rollup rows the version reads */
  rollups: Prisma.Sql;
};

async function freshnessOf(db: Database, facts: FreshnessFacts): Promise<Freshness> {
  const { version, dataAsOf, run, rollups } = facts;
  let modelsTracked = 0;
  let attributedShare: number | null = null;
  if (dataAsOf) {
    const rows = await db.prisma.$queryRaw<{ group_key: string; models: number; d30: bigint }[]>`
      SELECT group_key, models, downloads_30d AS d30 FROM ${rollups} r
      WHERE date = ${dataAsOf}::date AND group_type = 'region' AND cohort = 'all' AND attribution = 'developer'`;
    modelsTracked = rows.reduce((n, r) => n + r.models, 0);
    const total = rows.reduce((n, r) => n + r.d30, 0n);
    const unknown = rows.filter((r) => r.group_key === "UNKNOWN").reduce((n, r) => n + r.d30, 0n);
    attributedShare = shareOf(total - unknown, total);
  }
  const demo = (await db.prisma.model.findFirst({ where: { demo: true }, select: { id: true } })) !== null;
  return {
    dataAsOf: dataAsOf ? isoDay(dataAsOf) : null,
    dataVersion: version,
    lastRun: run
      ? {
          id: run.id,
          asOf: isoDay(run.asOf),
          finishedAt: run.finishedAt?.toISOString() ?? null,
          population: run.population,
        }
      : null,
    modelsTracked,
    attributedShare,
    demo,
  };
}

const answers = new VersionedAnswers<Freshness>("freshness", 64);

/**
 * getFreshness once per data version (publishing, demo removal and registry edits all bump it):
 * every page's banner and every uncached share answer read it, four queries each time otherwise.
 * While the database is down, the last value, marked stale. With `version`, that pinned version's.
 */
export function getVersionedFreshness(db: Database, version?: number): Promise<VersionedAnswer<Freshness>> {
  if (version === undefined) return answers.get(db, "freshness", () => getFreshness(db));
  return answers.get(db, `pinned:${version}`, () => getPinnedFreshness(db, version));
}
