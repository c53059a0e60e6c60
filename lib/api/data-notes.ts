/**
 * What every file the API hands out says about where its numbers come from and under which
 * licence: the share bundle's README and the Parquet files' metadata say it alike (citations are
 * lib/charts/citation.ts's).
 */
export const DATA_SOURCE =
  "Hugging Face Hub download counts (the Hub's model listing, snapshotted daily or from its public weekly snapshots).";

export const DATA_LICENCE =
  "Download counts are published by Hugging Face on the Hub. The origin registry (who made each model, and where) is partly derived from the ATOM Project (Apache-2.0); its sources are listed on the methodology page.";
