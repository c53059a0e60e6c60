import type { ShareResult } from "../analytics/share-over-time";
import type { ErrorBody } from "./errors";

/** Browser-side fetch of an API route; the API's error message becomes the thrown message. */
export async function fetchApi<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: "application/json" } });
  if (!res.ok) {
    const body = (await res.json().catch(() => null)) as ErrorBody | null;
    throw new Error(body?.error?.message ?? `HTTP ${res.status}`);
  }
  return (await res.json()) as T;
}

export const fetchShare = (queryString: string) => fetchApi<ShareResult>(`/api/v1/share?${queryString}`);
