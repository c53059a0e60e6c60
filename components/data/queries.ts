"use client";

import {
  keepPreviousData,
  type QueryKey,
  type UseQueryResult,
  useQuery,
  useQueryClient,
} from "@tanstack/react-query";
import { useState } from "react";
import type { ShareResult } from "@/lib/domain/answers";
import { type Fetched, fetchJson } from "./api-fetch";

/** GET /api/v1/share's JSON. */
export type ShareJson = ShareResult & { demo: boolean };

/**
 * Puts what the server rendered into the query cache before the first query reads it, so the page
 * does not ask again for what it shows (the data is as fresh as the query's staleTime says).
 */
export function useSeed<T>(key: QueryKey, seed: Fetched<T> | null | undefined) {
  const client = useQueryClient();
  useState(() => {
    if (seed && client.getQueryData(key) === undefined) client.setQueryData(key, seed);
    return null;
  });
}

type ApiQueryOptions<T> = {
  /** Server-rendered data for this key */
  seed?: Fetched<T> | null;
  /** Keep showing the last key's answer while the new one loads */
  keepPrevious?: boolean;
  enabled?: boolean;
  /** Poll while this says so (a running ingestion) */
  refetchInterval?: number | false | ((data: T | undefined) => number | false);
};

/** An answer of the public API at `url`, cached under `key` and revalidated by ETag. */
export function useApiQuery<T>(
  key: QueryKey,
  url: string,
  options: ApiQueryOptions<T> = {},
): UseQueryResult<Fetched<T>> {
  const client = useQueryClient();
  useSeed(key, options.seed);
  const interval = options.refetchInterval;
  return useQuery({
    queryKey: key,
    queryFn: ({ signal }) => fetchJson<T>(url, client.getQueryData<Fetched<T>>(key), signal),
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    enabled: options.enabled ?? true,
    refetchInterval:
      typeof interval === "function" ? (query) => interval(query.state.data?.data) : (interval ?? false),
  });
}
