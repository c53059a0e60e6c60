/**
 * Repos created before the Hub stored creation dates all carry this timestamp: it means "on or
 * before that day", so such a model is never "new" and belongs to no creation-year cohort.
 */
export const HUB_PLACEHOLDER_CREATED_AT = "2022-03-02T23:29:04.000Z";

/** How a placeholder creation date reads to people. */
export const PLACEHOLDER_CREATED_LABEL = "before March 2022";

export const isPlaceholderCreatedAt = (iso: string | null | undefined): boolean =>
  iso !== null && iso !== undefined && new Date(iso).getTime() === Date.parse(HUB_PLACEHOLDER_CREATED_AT);

/** The study's "new models": a model counts only while it is younger than this. */
export const NEW_MODEL_MONTHS = 12;

/** The cohort of models younger than NEW_MODEL_MONTHS at each date. */
export const NEW_COHORT = "new-12m";

export const COHORT_PATTERN = /^(all|new-12m|created-(20[1-9]\d))$/;

export function cohortLabel(cohort: string): string {
  if (cohort === "all") return "All models";
  if (cohort === NEW_COHORT) return `New models (first ${NEW_MODEL_MONTHS} months)`;
  const year = /^created-(\d{4})$/.exec(cohort)?.[1];
  return year ? `Models created in ${year}` : cohort;
}

export function cohortDefinition(cohort: string): string {
  if (cohort === "all") return "every tracked model";
  if (cohort === NEW_COHORT)
    return `a model's downloads count only while it is less than ${NEW_MODEL_MONTHS} months old (placeholder creation dates are never new)`;
  const year = /^created-(\d{4})$/.exec(cohort)?.[1];
  return year ? `models created in ${year}` : cohort;
}

/** A model's creation date as readers see it: the Hub's placeholder reads "before March 2022". */
export function createdLabel(iso: string | null | undefined): string {
  if (!iso) return "unknown";
  return isPlaceholderCreatedAt(iso) ? PLACEHOLDER_CREATED_LABEL : iso.slice(0, 10);
}
