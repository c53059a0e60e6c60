/**
 * Repos created before the Hub stored creation dates all carry this timestamp: it means "on or
 * before that day", so such a model is never "new" and belongs to no creation-year cohort.
 */
export const HUB_PLACEHOLDER_CREATED_AT = "2022-03-02T23:29:04.000Z";

export const NEW_MODEL_MONTHS = 12;
