import type { Database } from "../db";
import type { ModelsQuery } from "../domain/models-query";
import { type ShareQuery, shareQueryString } from "../domain/share-query";
import { listLabs } from "./labs";
import { listModels } from "./models";
import { getShareOverTime, type ShareResult } from "./share-over-time";
import { VersionedAnswers } from "./versioned-answers";

type Labs = Awaited<ReturnType<typeof listLabs>>;
type Models = Awaited<ReturnType<typeof listModels>>;

const shares = new VersionedAnswers<ShareResult>("share");
const labs = new VersionedAnswers<Labs>("labs", 1);
const models = new VersionedAnswers<Models>("models", 500);

export type ShareAnswer = { result: ShareResult; etag: string; stale: boolean };

/** The share answer every consumer uses (API, pages, embeds, images), computed once per data version. */
export async function getShareAnswer(db: Database, query: ShareQuery): Promise<ShareAnswer> {
  const { value, etag, stale } = await shares.get(db, shareQueryString(query), () =>
    getShareOverTime(db, query),
  );
  return { result: value, etag, stale };
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
