"use client";

import { parseAsString, useQueryStates } from "nuqs";
import { SHARE_PARAMS } from "@/lib/domain/share-query";

/** Every share parameter plus the view's own (chart mode, value, compared labs) lives in the URL. */
const keys = Object.fromEntries(
  [...SHARE_PARAMS.filter((k) => k !== "format"), "mode", "value", "compare"].map((k) => [k, parseAsString]),
) as Record<string, typeof parseAsString>;

export function useShareFilters() {
  return useQueryStates(keys, { history: "replace", shallow: true, scroll: false });
}
