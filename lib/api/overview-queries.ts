import { shareQuerySchema, shareQueryString } from "../domain/share-query";

export const DEFAULT_COMPARE = ["deepseek", "qwen", "meta", "google"];

/** The share queries an overview URL asks for; the server page and the client agree through this. */
export function overviewQueries(params: Record<string, string | null | undefined>) {
  const scope: Record<string, string> = {};
  for (const key of ["metric", "interval", "from", "to", "cohort", "attribution", "task", "derivatives"]) {
    const v = params[key];
    if (v) scope[key] = v;
  }
  const region = shareQuerySchema.safeParse({ ...scope, groupBy: "region" });
  const labs = shareQuerySchema.safeParse({
    ...scope,
    groupBy: "lab",
    labs: params.compare || DEFAULT_COMPARE.join(","),
  });
  return {
    region: region.success ? shareQueryString(region.data) : null,
    labs: labs.success ? shareQueryString(labs.data) : null,
    error: region.success
      ? null
      : region.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; "),
  };
}
