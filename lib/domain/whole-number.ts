/**
 * A whole number as people write one in a URL: decimal digits, an optional minus, nothing else.
 * Number() would read `1e3`, `+5`, `0x10`, ` 5` and "" (as 0); a query refuses them. Shared by the
 * servers' zod schemas (lib/domain/query-fragments.ts) and the browser's URL reader
 * (lib/domain/chart-url-read.ts), which has no zod.
 */
export const WHOLE_NUMBER = /^-?[0-9]{1,12}$/;
export const WHOLE_NUMBER_RULE = "must be a whole number written in decimal digits (e.g. 25)";
