/** An answer of the public API with the ETag it came with (sent back to revalidate it). */
export type Fetched<T> = { data: T; etag: string | null };

/** An API error as the API words it (`{"error":{"message"}}`), with its status. */
export class ApiRequestError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

/**
 * GET of a JSON answer of our API. With the answer held already, it asks with If-None-Match and a
 * 304 keeps it (the same object, so nothing that shows it renders again). The browser's own HTTP
 * cache is bypassed: the query cache is the one cache, and revalidation is explicit.
 */
export async function fetchJson<T>(
  url: string,
  held: Fetched<T> | undefined,
  signal?: AbortSignal,
): Promise<Fetched<T>> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (held?.etag) headers["If-None-Match"] = held.etag;
  const response = await fetch(url, { headers, cache: "no-store", signal });
  if (response.status === 304 && held) return held;
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
    throw new ApiRequestError(
      body?.error?.message ?? `The server answered ${response.status} ${response.statusText}`.trim(),
      response.status,
    );
  }
  return { data: (await response.json()) as T, etag: response.headers.get("ETag") };
}
