import { SITE_NAME } from "../domain/site-name";

/** What a citation of a chart names: the chart, the data it shows and when it was read. */
export type CitationFacts = {
  title: string;
  /** The data version the numbers are from, and its latest date */
  dataVersion: number;
  dataAsOf: string | null;
  /** A permalink to the chart pinned to that data version */
  url: string;
  /** The day it was read, YYYY-MM-DD */
  accessed: string;
};

/** A chart's citation as a sentence, for an article's caption or a reference list. */
export function citationText(c: CitationFacts): string {
  return `${SITE_NAME}, "${c.title}", Hugging Face Hub download counts as of ${c.dataAsOf ?? "n/a"}, data version ${c.dataVersion}. ${c.url} (accessed ${c.accessed}).`;
}

/** The same citation as a BibTeX @misc entry; its key is stable for one chart and version. */
export function citationBibtex(c: CitationFacts): string {
  const year = (c.dataAsOf ?? c.accessed).slice(0, 4);
  const key = `openmodelshare${year}v${c.dataVersion}`;
  const latex = (s: string) => s.replace(/([{}\\&%$#_])/g, "\\$1");
  return [
    `@misc{${key},`,
    `  author       = {{${SITE_NAME}}},`,
    `  title        = {{${latex(c.title)}}},`,
    `  year         = {${year}},`,
    `  howpublished = {\\url{${c.url}}},`,
    `  note         = {Hugging Face Hub download counts as of ${c.dataAsOf ?? "n/a"}, data version ${c.dataVersion}. Accessed ${c.accessed}},`,
    `  urldate      = {${c.accessed}}`,
    "}",
  ].join("\n");
}
