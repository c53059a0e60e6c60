export const DEFAULT_HF_ENDPOINT = "https://huggingface.co";

export interface HubConfig {
  /** Base URL without a trailing slash, e.g. https://huggingface.co */
  endpoint: string;
  /** Sent as `Authorization: Bearer`; null when HF_TOKEN is unset or blank. */
  token: string | null;
}

/** Reads HF_ENDPOINT and HF_TOKEN, the variables the Hugging Face tools use. */
export function readHubConfig(env: Readonly<Record<string, string | undefined>> = process.env): HubConfig {
  return {
    endpoint: normalizeEndpoint(env.HF_ENDPOINT?.trim() || DEFAULT_HF_ENDPOINT),
    token: env.HF_TOKEN?.trim() || null,
  };
}

export function normalizeEndpoint(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`HF_ENDPOINT is not a valid URL (got "${value}"); expected e.g. ${DEFAULT_HF_ENDPOINT}.`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`HF_ENDPOINT must be an http(s) URL (got ${url.protocol}//).`);
  }
  if (url.search || url.hash) {
    throw new Error("HF_ENDPOINT must not carry a query string or fragment.");
  }
  if (url.username || url.password) {
    throw new Error("HF_ENDPOINT must not carry credentials; set HF_TOKEN instead.");
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, "");
}
