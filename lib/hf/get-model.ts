import { HubHttpError } from "./errors";
import { fetchJsonWithRetry } from "./fetch-with-retry";
import {
  type HubRequestOptions,
  MODEL_EXPAND_FIELDS,
  pickRequestOptions,
  resolveConfig,
} from "./list-models";
import { checkModel, type HubModel } from "./schemas";

export interface GetModelOptions extends HubRequestOptions {
  endpoint?: string;
  token?: string | null;
  expand?: readonly string[];
}

const HUB_ID = /^[\w.-]+(?:\/[\w.-]+)?$/;

/** `GET /api/models/{namespace}/{name}`; null when the Hub has no such (public) model. */
export async function getModel(id: string, options: GetModelOptions = {}): Promise<HubModel | null> {
  if (!HUB_ID.test(id)) throw new RangeError(`Not a Hub model id: ${JSON.stringify(id)}`);
  const config = resolveConfig(options);
  const params = new URLSearchParams();
  for (const field of options.expand ?? MODEL_EXPAND_FIELDS) params.append("expand[]", field);
  const path = id.split("/").map(encodeURIComponent).join("/");
  const url = `${config.endpoint}/api/models/${path}?${params}`;
  try {
    const response = await fetchJsonWithRetry(url, {
      ...pickRequestOptions(options),
      label: `Hub model ${JSON.stringify(id)}`,
      token: config.token,
      tokenOrigin: config.endpoint,
      check: (body) => checkModel(body),
    });
    return response.value;
  } catch (error) {
    // The Hub answers 401 for private or missing repos when called without a token.
    if (error instanceof HubHttpError && (error.status === 404 || error.status === 401)) return null;
    throw error;
  }
}
