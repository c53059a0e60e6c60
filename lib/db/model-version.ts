/**
 * A model version's digest: one row per distinct set of a model's attributes (model_version, see
 * prisma/schema.prisma). Given as SQL over the columns of whatever holds them (the writer's stage, a
 * model row), so that every writer names one set alike. Times as epoch milliseconds: the text then
 * does not depend on the session's time zone.
 */
export function versionDigestSql(columns: {
  createdMs: string;
  pipelineTag: string;
  libraryName: string;
  gated: string;
  baseModels: string;
  baseRelation: string;
  /** Whether the listing's tags mark it a repack (lib/domain/repacks.ts) */
  tagged: string;
}): string {
  const { createdMs, pipelineTag, libraryName, gated, baseModels, baseRelation, tagged } = columns;
  return `md5(ROW(${createdMs}, ${pipelineTag}, ${libraryName}, ${gated}, ${baseModels}, ${baseRelation}, ${tagged})::text)::uuid`;
}

/** The digest of a version stored in a row with the model table's columns (`row`: its alias). */
export const rowVersionDigestSql = (row: string): string =>
  versionDigestSql({
    createdMs: `(extract(epoch FROM ${row}.created_at) * 1000)::bigint`,
    pipelineTag: `${row}.pipeline_tag`,
    libraryName: `${row}.library_name`,
    gated: `${row}.gated`,
    baseModels: `COALESCE(${row}.base_models, '{}')`,
    baseRelation: `${row}.base_relation::text`,
    // A model row keeps no tags.
    tagged: "false",
  });
