import type { Database } from "../db";
import type { Freshness } from "../domain/answers";
import { shareOf } from "../domain/share";
import { isoDay } from "./buckets";
import { latestPublishedDate } from "./latest-date";
import { type VersionedAnswer, VersionedAnswers } from "./versioned-answers";

export type { Freshness };

/** How fresh and how complete the published numbers are: every API response carries this. */
export async function getFreshness(db: Database): Promise<Freshness> {
  const { prisma } = db;
  const dataAsOf = await latestPublishedDate(db);
  const run = await prisma.ingestRun.findFirst({
    where: { status: "succeeded", partial: false },
    orderBy: { id: "desc" },
  });
  let modelsTracked = 0;
  let attributedShare: number | null = null;
  if (dataAsOf) {
    const rows = await prisma.shareRollup.findMany({
      where: { date: dataAsOf, groupType: "region", cohort: "all", attribution: "developer" },
      select: { groupKey: true, models: true, downloads30d: true },
    });
    modelsTracked = rows.reduce((n, r) => n + r.models, 0);
    const total = rows.reduce((n, r) => n + r.downloads30d, 0n);
    const unknown = rows.filter((r) => r.groupKey === "UNKNOWN").reduce((n, r) => n + r.downloads30d, 0n);
    attributedShare = shareOf(total - unknown, total);
  }
  const demo = (await prisma.model.findFirst({ where: { demo: true }, select: { id: true } })) !== null;
  return {
    dataAsOf: dataAsOf ? isoDay(dataAsOf) : null,
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

const answers = new VersionedAnswers<Freshness>("freshness", 8);

/**
 * getFreshness once per data version (publishing, demo removal and registry edits all bump it):
 * every page's banner and every uncached share answer read it, four queries each time otherwise.
 * While the database is down, the last value, marked stale.
 */
export function getVersionedFreshness(db: Database): Promise<VersionedAnswer<Freshness>> {
  return answers.get(db, "freshness", () => getFreshness(db));
}
