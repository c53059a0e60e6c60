import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import { type Fault, FaultPlan, type FaultRule } from "./faults";
import { type FakeModel, type FakePopulation, populationFrom, toHubJson } from "./models";

export type { Fault, FaultRule } from "./faults";
export {
  type FakeModel,
  type FakePopulation,
  makeFakeModels,
  PRE_HISTORY_CREATED_AT,
  populationFrom,
  toHubJson,
} from "./models";

export interface RecordedRequest {
  /** 1-based, over the server's life. */
  n: number;
  method: string;
  /** Pathname and query, as sent. */
  path: string;
  url: string;
  authorization: string | null;
  headers: Record<string, string | string[] | undefined>;
  fault: Fault["kind"] | null;
}

export interface FakeHubOptions {
  models?: FakePopulation | readonly FakeModel[];
  faults?: readonly FaultRule[];
  /**
   * The fixed window announced in RateLimit / RateLimit-Policy on every answer, and enforced with
   * 429s, when given; otherwise a window too large to matter is announced (tests that run many
   * crawls against one fake must not be paced by the requests of the others).
   */
  rateLimit?: { limit: number; windowMs: number };
  /** Called before each request is answered: tests move counts between pages here. */
  onRequest?: (request: RecordedRequest) => void;
  /** When set, any other Authorization gets 401. */
  requireToken?: string;
  /** Origin written into Link headers instead of the server's own. */
  linkOrigin?: string;
}

export interface FakeHub {
  url: string;
  requests: RecordedRequest[];
  setFaults(rules: readonly FaultRule[]): void;
  addFaults(rules: readonly FaultRule[]): void;
  setModels(models: FakePopulation | readonly FakeModel[]): void;
  close(): Promise<void>;
}

/** `expand` values `GET /api/models` accepts (huggingface_hub's ExpandModelProperty_T). */
export const LIST_EXPANDABLE = [
  "author",
  "cardData",
  "config",
  "createdAt",
  "disabled",
  "downloads",
  "downloadsAllTime",
  "evalResults",
  "gated",
  "gguf",
  "inference",
  "inferenceProviderMapping",
  "lastModified",
  "library_name",
  "likes",
  "mask_token",
  "model-index",
  "pipeline_tag",
  "private",
  "resourceGroup",
  "safetensors",
  "sha",
  "siblings",
  "spaces",
  "tags",
  "transformersInfo",
  "trendingScore",
  "widgetData",
] as const;
/** Only `GET /api/models/{id}` takes these; the listing answers 400. */
export const SINGLE_MODEL_ONLY = ["baseModels", "childrenModelCount", "usedStorage"] as const;
const DEFAULT_FIELDS = ["likes", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt"];
const SORTS = ["downloads", "createdAt", "likes", "lastModified", "trendingScore"] as const;
type Sort = (typeof SORTS)[number];
/** What `expand` cannot be combined with. */
const FULL_FLAGS = ["full", "config", "cardData"] as const;
const DEFAULT_WINDOW = { limit: 1_000_000, windowMs: 300_000 };

class BadRequest extends Error {}

export async function startFakeHub(options: FakeHubOptions = {}): Promise<FakeHub> {
  let population = toPopulation(options.models ?? []);
  let orders = new Map<string, Uint32Array>();
  const faults = new FaultPlan();
  faults.set(options.faults ?? []);
  const requests: RecordedRequest[] = [];
  const started = Date.now();
  const windows = { index: -1, count: 0 };
  let origin = "";

  const server = createServer((req, res) => {
    const n = requests.length + 1;
    const url = new URL(req.url ?? "/", origin);
    const fault = faults.take(n, url.pathname, url.pathname + url.search);
    requests.push({
      n,
      method: req.method ?? "GET",
      path: url.pathname + url.search,
      url: url.toString(),
      authorization: req.headers.authorization ?? null,
      headers: { ...req.headers },
      fault: fault?.kind ?? null,
    });
    const recorded = requests[requests.length - 1];
    try {
      if (recorded) options.onRequest?.(recorded);
      handle(req, res, url, fault);
    } catch (error) {
      if (error instanceof BadRequest) send(res, 400, toHubJson({ error: error.message }));
      else send(res, 500, toHubJson({ error: String(error) }));
    }
  });

  const handle = (req: IncomingMessage, res: ServerResponse, url: URL, fault: Fault | null) => {
    if (fault?.kind === "hang") return;
    if (fault?.kind === "reset") {
      req.socket.resetAndDestroy();
      return;
    }
    const limitHeaders = rateLimitHeaders();
    for (const [k, v] of Object.entries(limitHeaders.headers)) res.setHeader(k, v);
    if (limitHeaders.exceeded) {
      res.setHeader("Retry-After", String(limitHeaders.resetSeconds));
      return send(res, 429, toHubJson({ error: "You have exceeded our API rate limit." }));
    }
    if (fault?.kind === "rate-limit") {
      const retryAfter = fault.retryAfter === undefined ? "30" : fault.retryAfter;
      const rl = fault.rateLimit === undefined ? { remaining: 0, reset: 30 } : fault.rateLimit;
      if (retryAfter !== null) res.setHeader("Retry-After", retryAfter);
      if (rl !== null) res.setHeader("RateLimit", `"api";r=${rl.remaining};t=${rl.reset}`);
      return send(res, 429, toHubJson({ error: "Too many requests" }));
    }
    if (fault?.kind === "status") {
      for (const [k, v] of Object.entries(fault.headers ?? {})) res.setHeader(k, v);
      return send(
        res,
        fault.status,
        fault.body ?? toHubJson({ error: STATUS_CODES[fault.status] ?? "error" }),
      );
    }
    if (options.requireToken && req.headers.authorization !== `Bearer ${options.requireToken}`) {
      return send(res, 401, toHubJson({ error: "Invalid credentials in Authorization header" }));
    }
    if (req.method !== "GET") return send(res, 405, toHubJson({ error: "Method not allowed" }));

    let body: { json: unknown[] | Record<string, unknown>; link?: string } | null;
    const withToken = req.headers.authorization !== undefined;
    if (url.pathname === "/api/models") body = listPage(url, withToken);
    else if (url.pathname.startsWith("/api/models/")) body = oneModel(url, withToken);
    else body = null;
    if (body === null) return send(res, 404, toHubJson({ error: "Repository not found" }));

    if (fault?.kind === "invalid-field") {
      const target = Array.isArray(body.json) ? body.json[fault.modelIndex ?? 0] : body.json;
      if (typeof target === "object" && target !== null) {
        (target as Record<string, unknown>)[fault.field] = fault.value;
      }
    }
    if (body.link) res.setHeader("Link", body.link);
    if (fault?.kind === "malformed") return send(res, 200, fault.body ?? '[{"id":"broken/json",}');
    const text = toHubJson(body.json);
    if (fault?.kind === "truncated") {
      const bytes = Buffer.from(text);
      res.writeHead(200, { "Content-Type": "application/json", "Content-Length": bytes.length });
      res.write(bytes.subarray(0, Math.floor(bytes.length / 2)), () => res.destroy());
      return;
    }
    send(res, 200, text);
  };

  const rateLimitHeaders = () => {
    const rl = options.rateLimit ?? DEFAULT_WINDOW;
    const enforced = options.rateLimit !== undefined;
    const elapsed = Date.now() - started;
    const index = Math.floor(elapsed / rl.windowMs);
    if (index !== windows.index) Object.assign(windows, { index, count: 0 });
    windows.count++;
    const resetSeconds = Math.ceil(((index + 1) * rl.windowMs - elapsed) / 1000);
    return {
      exceeded: enforced && windows.count > rl.limit,
      resetSeconds,
      headers: {
        RateLimit: `"api";r=${Math.max(0, rl.limit - windows.count)};t=${resetSeconds}`,
        "RateLimit-Policy": `"fixed window";"api";q=${rl.limit};w=${Math.round(rl.windowMs / 1000)}`,
      },
    };
  };

  /**
   * A page of the listing as the Hub serves it: always descending (`direction` is ignored), and
   * the next page is a keyset cursor on (sort value, _id) over the data as it is when that page is
   * asked for — so a model whose count rises past the cursor between two pages is never listed,
   * and one that falls behind it is listed twice.
   */
  const listPage = (url: URL, withToken: boolean): { json: unknown[]; link?: string } => {
    const q = url.searchParams;
    const limit = q.has("limit") ? Number(q.get("limit")) : 1000;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new BadRequest("limit must be between 1 and 1000");
    const sortParam = q.get("sort");
    if (sortParam !== null && !(SORTS as readonly string[]).includes(sortParam)) {
      throw new BadRequest(`Invalid sort "${sortParam}"`);
    }
    const sort = sortParam as Sort | null;
    const fields = expandFields(q, LIST_EXPANDABLE);
    const author = q.get("author")?.toLowerCase();
    const search = q.get("search")?.toLowerCase();
    const filters = q.getAll("filter");
    const order = orderFor(sort);
    const at = (position: number) => population.at(order ? (order[position] ?? 0) : position);
    let position = resumePosition(decodeCursor(q.get("cursor")), sort, at);

    const page: unknown[] = [];
    let last: FakeModel | null = null;
    for (; position < population.size && page.length < limit; position++) {
      const model = at(position);
      if (model.private === true && !withToken) continue;
      if (author !== undefined && model.id.split("/")[0]?.toLowerCase() !== author) continue;
      if (search !== undefined && !model.id.toLowerCase().includes(search)) continue;
      if (filters.some((f) => !(model.tags ?? []).includes(f))) continue;
      page.push(project(model, fields));
      last = model;
    }
    if (position >= population.size || last === null) return { json: page };
    const next = new URL(url.pathname, options.linkOrigin ?? origin);
    for (const [k, v] of q) if (k !== "cursor") next.searchParams.append(k, v);
    const cursor: Cursor = { v: sort ? sortValue(last, sort) : 0, i: last._id, p: position - 1 };
    next.searchParams.set("cursor", Buffer.from(JSON.stringify(cursor)).toString("base64url"));
    return { json: page, link: `<${next.toString()}>; rel="next"` };
  };

  const oneModel = (url: URL, withToken: boolean): { json: Record<string, unknown> } | null => {
    const id = decodeURIComponent(url.pathname.slice("/api/models/".length));
    const index = population.indexOf(id);
    if (index === -1) return null;
    const model = population.at(index);
    if (model.private === true && !withToken) return null;
    const fields =
      url.searchParams.has("expand[]") || url.searchParams.has("expand")
        ? expandFields(url.searchParams, [...LIST_EXPANDABLE, ...SINGLE_MODEL_ONLY])
        : null;
    return { json: fields ? project(model, fields) : { ...model, modelId: model.id } };
  };

  /** Positions in the Hub's order: sort value descending, then _id descending. */
  const orderFor = (sort: Sort | null): Uint32Array | null => {
    if (sort === null || sort === population.naturalSort) return null;
    // A list given as an array may be changed in place between pages (onRequest): no cache.
    const cached = population.naturalSort === undefined ? undefined : orders.get(sort);
    if (cached) return cached;
    const values = new Float64Array(population.size);
    const ids: string[] = new Array(population.size);
    for (let i = 0; i < population.size; i++) {
      const model = population.at(i);
      values[i] = sortValue(model, sort);
      ids[i] = model._id;
    }
    const order = Uint32Array.from({ length: population.size }, (_, i) => i);
    order.sort((a, b) => (values[b] ?? 0) - (values[a] ?? 0) || ((ids[b] ?? "") < (ids[a] ?? "") ? -1 : 1));
    orders.set(sort, order);
    return order;
  };

  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: origin,
    requests,
    setFaults: (rules) => faults.set(rules),
    addFaults: (rules) => faults.add(rules),
    setModels(models) {
      population = toPopulation(models);
      orders = new Map();
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function toPopulation(models: FakePopulation | readonly FakeModel[]): FakePopulation {
  return Array.isArray(models) ? populationFrom(models) : (models as FakePopulation);
}

function expandFields(q: URLSearchParams, allowed: readonly string[]): string[] {
  const asked = [...q.getAll("expand[]"), ...q.getAll("expand")];
  if (asked.length === 0) return DEFAULT_FIELDS;
  const flag = FULL_FLAGS.find((f) => q.has(f));
  if (flag) throw new BadRequest(`"expand" cannot be used together with "${flag}"`);
  for (const [i, field] of asked.entries()) {
    if ((SINGLE_MODEL_ONLY as readonly string[]).includes(field) && !allowed.includes(field)) {
      throw new BadRequest(`"expand[${i}]" "${field}" is only available on a single model`);
    }
    if (!allowed.includes(field)) {
      throw new BadRequest(`"expand[${i}]" must be one of ${allowed.join(", ")}`);
    }
  }
  return asked;
}

/** `_id` and `id` always; then only the asked fields the model has, like the real Hub. */
function project(model: FakeModel, fields: readonly string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { _id: model._id, id: model.id };
  for (const field of fields) if (model[field] !== undefined) out[field] = model[field];
  if (fields === DEFAULT_FIELDS) out.modelId = model.id;
  return out;
}

function sortValue(model: FakeModel, sort: Sort): number {
  const value = model[sort];
  if (typeof value === "number" || typeof value === "bigint") return Number(value);
  if (typeof value === "string") return Date.parse(value) || 0;
  return 0;
}

/** The keyset of the last model served, and its position then (a hint while nothing moved). */
type Cursor = { v: number; i: string; p: number };

function decodeCursor(cursor: string | null): Cursor | null {
  if (cursor === null) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const c = parsed as Partial<Cursor>;
    if (typeof c.v === "number" && typeof c.i === "string" && Number.isInteger(c.p) && (c.p ?? -1) >= 0)
      return c as Cursor;
  } catch {
    // fall through
  }
  throw new BadRequest("Invalid cursor");
}

/** Where the page after `cursor` starts in the current order. */
function resumePosition(
  cursor: Cursor | null,
  sort: Sort | null,
  at: (position: number) => FakeModel,
): number {
  if (cursor === null) return 0;
  const hinted = safeAt(at, cursor.p);
  if (hinted && hinted._id === cursor.i && (sort === null || sortValue(hinted, sort) === cursor.v))
    return cursor.p + 1;
  // Something moved: the first model strictly after the keyset.
  for (let position = 0; ; position++) {
    const model = safeAt(at, position);
    if (!model) return position;
    const v = sort ? sortValue(model, sort) : 0;
    if (v < cursor.v || (v === cursor.v && model._id < cursor.i)) return position;
  }
}

function safeAt(at: (position: number) => FakeModel, position: number): FakeModel | null {
  try {
    return at(position);
  } catch {
    return null;
  }
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}
