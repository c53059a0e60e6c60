/**
 * Which models a chart's denominator counts. Dates of the two are never mixed: the study's file
 * follows a curated list of authors, the Hub's listing (the daily crawl, its weekly public copies,
 * imported listings) every model above the download threshold and every registry namespace.
 */
export const POPULATIONS = [
  {
    id: "hub",
    label: "The Hub's listing",
    definition:
      "every model of the registry's namespaces and every other model above the crawl's download threshold (100 downloads in 30 days), from the daily crawl or the Hub's weekly snapshots",
  },
  {
    id: "study",
    label: "The study's curated subset",
    definition:
      "the models of the few hundred authors followed by the study behind the 17.1 % figure (dataset mmpr/open_model_evolution_data)",
  },
] as const;

export type Population = (typeof POPULATIONS)[number]["id"];
export const POPULATION_IDS = POPULATIONS.map((p) => p.id) as [Population, ...Population[]];
export const populationInfo = (id: Population) => POPULATIONS.find((p) => p.id === id) ?? POPULATIONS[0];
