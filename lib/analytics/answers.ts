import { LRUCache } from "lru-cache";
import type { Database } from "../db";
import type { AttributionGap, LabDetail, ModelDetail } from "../domain/answers";
import type { ModelsQuery } from "../domain/models-query";
import { type ShareQuery, shareQueryString, shareQuestionOf } from "../domain/share-query";
import { etagOf } from "../format/etag";
import { getAttributionGap } from "./attribution-gap";
import { getLabDetail } from "./lab-detail";
import { listLabs } from "./labs";
import { firstPublishedDate } from "./latest-date";
import { getModelDetail } from "./model-detail";
import { listModels } from "./models";
import {
  loadShareData,
  type ShareData,
  type ShareResult,
  shareResultOf,
  shareScopeOf,
} from "./share-over-time";
import { listTasks } from "./tasks";
import { VersionedAnswers } from "./versioned-answers";

type Labs = Awaited<ReturnType<typeof listLabs>>;
type Models = Awaited<ReturnType<typeof listModels>>;

/**
 * A scope's rows (a year of namespaces by day is ≈ 100k rows): bounded by rows, not entries, so a
 * few wide scopes cannot take the server's memory.
 */
const shareData = new VersionedAnswers<ShareData>("share", 500_000, (data) => data.rows.length);
/**
 * Answers made from a scope's rows: bucketing ≈ 100k rows costs tens of milliseconds of CPU, so
 * each query's answer (a few series × buckets) is made once per data version too. Bounded by
 * values held (points × series), as a daily answer of many labs is far larger than a monthly one.
 */
const shareResults = new LRUCache<string, ShareResult>({
  maxSize: 2_000_000,
  sizeCalculation: (r) => Math.max(1, r.points.length * (r.series.length + 1)),
});
const labs = new VersionedAnswers<Labs>("labs", 1);
const models = new VersionedAnswers<Models>("models", 500);
const labDetails = new VersionedAnswers<{ detail: LabDetail | null }>("lab", 200);
const modelDetails = new VersionedAnswers<{ detail: ModelDetail | null }>("model", 500);
const gaps = new VersionedAnswers<AttributionGap>("gap", 1);
const tasks = new VersionedAnswers<{ tasks: string[] }>("tasks", 1);
const firstDates = new VersionedAnswers<{ date: string | null }>("first-date", 1);

export type ShareAnswer = { result: ShareResult; etag: string; stale: boolean };

/**
 * The share answer every consumer uses (API, pages, embeds, images). The database work is keyed by
 * the query's scope and computed once per data version; presentation parameters are applied to it
 * in memory. The ETag names the whole query.
 */
export async function getShareAnswer(db: Database, asked: ShareQuery): Promise<ShareAnswer> {
  const query = shareQuestionOf(asked);
  const scope = shareScopeOf(query);
  const { value, etag, stale } = await shareData.get(db, JSON.stringify(scope), () =>
    loadShareData(db, scope),
  );
  const queryEtag = etagOf(etag, shareQueryString(query));
  // Keyed by the ETag (database, data version, scope and query): a new version is a new key.
  let result = shareResults.get(queryEtag);
  if (!result) {
    result = shareResultOf(query, value);
    shareResults.set(queryEtag, result);
  }
  return { result, etag: queryEtag, stale };
}

/** The labs list of the API and the labs page. */
export function getLabsAnswer(db: Database) {
  return labs.get(db, "labs", () => listLabs(db));
}

/** A page of the models list (API, models page, overview's top models). */
export function getModelsAnswer(db: Database, query: ModelsQuery) {
  const { format: _format, ...scope } = query;
  return models.get(db, JSON.stringify(scope), () => listModels(db, query));
}

/** One lab's page and API answer (a detail of null: no such lab; a miss is an answer too). */
export function getLabDetailAnswer(db: Database, slug: string) {
  return labDetails.get(db, slug, async () => ({ detail: await getLabDetail(db, slug) }));
}

/** One model's page and API answer (a detail of null: not tracked). */
export function getModelDetailAnswer(db: Database, hubId: string) {
  return modelDetails.get(db, hubId, async () => ({ detail: await getModelDetail(db, hubId) }));
}

/** The attribution gap's top 100 (API and status page). */
export function getAttributionGapAnswer(db: Database) {
  return gaps.get(db, "gap", () => getAttributionGap(db, 100));
}

/**
 * The task filter's choices: the pipeline tags with the most models (a GROUP BY over every model,
 * so once per data version, not once per page view).
 */
export function getTasksAnswer(db: Database) {
  return tasks.get(db, "tasks", async () => ({ tasks: await listTasks(db) }));
}

/** Where "the whole history" starts: the oldest published date. */
export function getFirstDateAnswer(db: Database) {
  return firstDates.get(db, "first", async () => ({ date: await firstPublishedDate(db) }));
}
