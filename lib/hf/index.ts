export {
  BASE_MODEL_RELATIONS,
  type BaseModelRef,
  type BaseModelRelation,
  parseBaseModelTag,
  parseBaseModelTags,
} from "./base-models";
export { DEFAULT_HF_ENDPOINT, type HubConfig, normalizeEndpoint, readHubConfig } from "./config";
export * from "./errors";
export { parseJsonExact } from "./exact-json";
export {
  DEFAULT_RETRY_POLICY,
  defaultHttpDeps,
  type FetchJsonOptions,
  fetchJsonWithRetry,
  type HttpDeps,
  type JsonResponse,
  type RetryEvent,
  type RetryPolicy,
} from "./fetch-with-retry";
export { type GetModelOptions, getModel } from "./get-model";
export { findNextLink, MalformedLinkHeaderError } from "./link-header";
export {
  buildListModelsUrl,
  type HubPage,
  type HubRequestOptions,
  type ListModelsOptions,
  listModels,
  MAX_PAGE_SIZE,
  MODEL_EXPAND_FIELDS,
  type ModelSort,
  pickRequestOptions,
} from "./list-models";
export {
  createHubPacer,
  HUB_LIMITS,
  HUB_WINDOW_MS,
  type PacerOptions,
  parseRateLimitHeader,
  parseRateLimitPolicy,
  parseRetryAfter,
  type RateLimitInfo,
  RequestPacer,
  readRateLimitHeaders,
} from "./rate-limit";
export { type Checked, checkModel, checkModelPage, type HubModel, hubModelSchema } from "./schemas";
