import { listLabs } from "../analytics/labs";
import { listModels } from "../analytics/models";
import type { Database } from "../db";
import { VersionedAnswers } from "./cache";
import type { ModelsQuery } from "./models-query";

type Labs = Awaited<ReturnType<typeof listLabs>>;
type Models = Awaited<ReturnType<typeof listModels>>;

const labs = new VersionedAnswers<Labs>("labs", 1);
const models = new VersionedAnswers<Models>("models", 500);

/** The labs list of the API and the labs page, computed once per data version. */
export function getLabsAnswer(db: Database) {
  return labs.get(db, "labs", () => listLabs(db));
}

/** A page of the models list (API, models page, overview's top models), cached per data version. */
export function getModelsAnswer(db: Database, query: ModelsQuery) {
  const { format: _format, ...scope } = query;
  return models.get(db, JSON.stringify(scope), () => listModels(db, query));
}
