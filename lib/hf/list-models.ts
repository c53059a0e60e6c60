// Our own client, not @huggingface/hub's listModels: that one caps limit at 500, hides the
// Link cursor (no resume), parses with res.json() (counts past 2^53 lose digits) and validates nothing.
import { type HubConfig, normalizeEndpoint, readHubConfig } from "./config";
import { HubResponseError, redactUrl } from "./errors";
import { type FetchJsonOptions, fetchJsonWithRetry } from "./fetch-with-retry";
import { findNextLink } from "./link-header";
import { createHubPacer, type RequestPacer } from "./rate-limit";
import { checkModelPage, type HubModel } from "./schemas";

/**
 * Fields requested with `expand[]`; with expand the Hub returns only these plus _id and id. Only
 * values the listing accepts (baseModels, childrenModelCount and usedStorage are single-model
 * only: the list endpoint answers 400): base models come from the `base_model:` tags.
 */
export const MODEL_EXPAND_FIELDS = [
  "author",
  "createdAt",
  "downloads",
  "downloadsAllTime",
  "gated",
  "lastModified",
  "library_name",
  "likes",
  "pipeline_tag",
  "private",
  "safetensors",
  "tags",
] as const;

export const MAX_PAGE_SIZE = 1000;

export type ModelSort = "downloads" | "createdAt" | "likes" | "lastModified" | "trendingScore";

export interface HubPage {
  /** The URL this page was fetched from: store it to resume at this page. */
  url: string;
  /** 1-based position in the crawl (continues from `firstIndex` when resuming). */
  index: number;
  models: HubModel[];
  /** Where the next page is, or null on the last page: store it to resume after this page. */
  nextUrl: string | null;
}

/**
 * The HTTP knobs shared by every Hub call: retry policy, injectable deps, cancellation and a
 * pacer (share one pacer between calls so they count against the same quota).
 */
export type HubRequestOptions = Omit<FetchJsonOptions<unknown>, "check" | "label" | "token" | "tokenOrigin">;

const REQUEST_OPTION_KEYS = [
  "maxAttempts",
  "baseDelayMs",
  "maxDelayMs",
  "rateLimitBudgetMs",
  "timeoutMs",
  "bodyRetries",
  "fetch",
  "sleep",
  "random",
  "now",
  "signal",
  "pacer",
  "onRetry",
] as const satisfies readonly (keyof HubRequestOptions)[];

/** Only the request knobs of a wider options object, so page options never leak into them. */
export function pickRequestOptions(options: HubRequestOptions): HubRequestOptions {
  const picked: Record<string, unknown> = {};
  for (const key of REQUEST_OPTION_KEYS) if (options[key] !== undefined) picked[key] = options[key];
  return picked as HubRequestOptions;
}

export interface ListModelsOptions extends HubRequestOptions {
  /** Defaults to HF_ENDPOINT / HF_TOKEN from the environment. */
  endpoint?: string;
  token?: string | null;
  author?: string;
  search?: string;
  /** Tag filters (`filter=`), all of which a model must carry. */
  filter?: readonly string[];
  sort?: ModelSort;
  limit?: number;
  expand?: readonly string[];
  /** Resume: fetch this page URL (a stored `url` or `nextUrl`) instead of building the first one. */
  startUrl?: string | null;
  /** Index of the first page yielded; set it when resuming so page numbers continue. */
  firstIndex?: number;
}

/**
 * The first page's URL: sorted by `sort` (the Hub sorts descending and ignores `direction`, so
 * none is sent), `limit` per page, every expand field.
 */
export function buildListModelsUrl(
  endpoint: string,
  options: Pick<ListModelsOptions, "author" | "search" | "filter" | "sort" | "limit" | "expand"> = {},
): string {
  const limit = options.limit ?? MAX_PAGE_SIZE;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE_SIZE) {
    throw new RangeError(`limit must be an integer from 1 to ${MAX_PAGE_SIZE} (got ${limit}).`);
  }
  const params = new URLSearchParams({ sort: options.sort ?? "downloads", limit: String(limit) });
  if (options.author) params.append("author", options.author);
  if (options.search) params.append("search", options.search);
  for (const tag of options.filter ?? []) params.append("filter", tag);
  for (const field of options.expand ?? MODEL_EXPAND_FIELDS) params.append("expand[]", field);
  return `${normalizeEndpoint(endpoint)}/api/models?${params}`;
}

/**
 * Streams `GET /api/models` one page at a time, following `Link: <…>; rel="next"` until there
 * is none or the caller stops iterating. Nothing is fetched ahead, so memory holds one page.
 */
export async function* listModels(options: ListModelsOptions = {}): AsyncGenerator<HubPage, void, undefined> {
  const config = resolveConfig(options);
  const pacer: RequestPacer =
    options.pacer ?? createHubPacer(config.token !== null, { now: options.now, sleep: options.sleep });
  let url: string | null = options.startUrl ?? buildListModelsUrl(config.endpoint, options);
  assertHttpUrl(url);
  let index = options.firstIndex ?? 1;

  while (url !== null) {
    const label = `Hub page ${index}`;
    const response = await fetchJsonWithRetry(url, {
      ...pickRequestOptions(options),
      pacer,
      label,
      token: config.token,
      tokenOrigin: config.endpoint,
      check: checkModelPage,
    });
    let nextUrl: string | null;
    try {
      nextUrl = findNextLink(response.headers.get("link"), url);
    } catch (error) {
      const problem = (error as Error).message;
      throw new HubResponseError(
        `${label}: ${problem} (GET ${redactUrl(url)})`,
        redactUrl(url),
        response.attempts,
        problem,
      );
    }
    if (nextUrl !== null && nextUrl === url) {
      throw new HubResponseError(
        `${label}: the next link points back at this page (GET ${redactUrl(url)})`,
        redactUrl(url),
        response.attempts,
        "pagination loop",
      );
    }
    if (nextUrl !== null) assertHttpUrl(nextUrl);
    yield { url, index, models: response.value, nextUrl };
    url = nextUrl;
    index++;
  }
}

export function resolveConfig(options: { endpoint?: string; token?: string | null }): HubConfig {
  const env = readHubConfig();
  return {
    endpoint: options.endpoint !== undefined ? normalizeEndpoint(options.endpoint) : env.endpoint,
    token: options.token !== undefined ? options.token || null : env.token,
  };
}

function assertHttpUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new RangeError(`Not a valid Hub page URL: ${redactUrl(url)}`);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") {
    throw new RangeError(`Hub page URL must be http(s): ${redactUrl(url)}`);
  }
}
