import { SITE_NAME } from "../site";

/**
 * What every file the API hands out says about where its numbers come from, under which licence,
 * and how to cite it: the share bundle's README and the Parquet files' metadata say it alike.
 */
export const DATA_SOURCE =
  "Hugging Face Hub download counts (the Hub's model listing, snapshotted daily or from its public weekly snapshots).";

export const DATA_LICENCE =
  "Download counts are published by Hugging Face on the Hub. The origin registry (who made each model, and where) is partly derived from the ATOM Project (Apache-2.0); its sources are listed on the methodology page.";

/** How to cite an answer: its title, the data's date and version, and the URL that gives it. */
export function citationOf(o: {
  title: string;
  dataAsOf: string | null;
  dataVersion: string;
  url: string;
  retrieved?: string;
}): string {
  const retrieved = o.retrieved ? `, retrieved ${o.retrieved}` : "";
  return `${SITE_NAME}, "${o.title}", data as of ${o.dataAsOf ?? "–"} (data version ${o.dataVersion})${retrieved}, ${o.url}`;
}
