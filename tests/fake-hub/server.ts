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
  /** Enforce the Hub's fixed windows and send RateLimit / RateLimit-Policy headers. */
  rateLimit?: { limit: number; windowMs: number };
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

export const EXPANDABLE = [
  "author",
  "baseModels",
  "cardData",
  "config",
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
  "sha",
  "tags",
  "trendingScore",
] as const;
const DEFAULT_FIELDS = ["likes", "private", "downloads", "tags", "pipeline_tag", "library_name", "createdAt"];
const SORTS = ["downloads", "createdAt", "likes", "lastModified"] as const;
type Sort = (typeof SORTS)[number];

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
    try {
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
    if (url.pathname === "/api/models") body = listPage(url);
    else if (url.pathname.startsWith("/api/models/")) body = oneModel(url);
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
    const rl = options.rateLimit;
    if (!rl) return { headers: {}, exceeded: false, resetSeconds: 0 };
    const elapsed = Date.now() - started;
    const index = Math.floor(elapsed / rl.windowMs);
    if (index !== windows.index) Object.assign(windows, { index, count: 0 });
    windows.count++;
    const resetSeconds = Math.ceil(((index + 1) * rl.windowMs - elapsed) / 1000);
    return {
      exceeded: windows.count > rl.limit,
      resetSeconds,
      headers: {
        RateLimit: `"api";r=${Math.max(0, rl.limit - windows.count)};t=${resetSeconds}`,
        "RateLimit-Policy": `"fixed window";"api";q=${rl.limit};w=${Math.round(rl.windowMs / 1000)}`,
      },
    };
  };

  const listPage = (url: URL): { json: unknown[]; link?: string } => {
    const q = url.searchParams;
    const limit = q.has("limit") ? Number(q.get("limit")) : 1000;
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
      throw new BadRequest("limit must be between 1 and 1000");
    const sortParam = q.get("sort");
    if (sortParam !== null && !(SORTS as readonly string[]).includes(sortParam)) {
      throw new BadRequest(`Invalid sort "${sortParam}"`);
    }
    const direction = q.get("direction") ?? "-1";
    if (direction !== "-1" && direction !== "1") throw new BadRequest("direction must be -1 or 1");
    const fields = expandFields(q);
    const author = q.get("author")?.toLowerCase();
    const search = q.get("search")?.toLowerCase();
    const filters = q.getAll("filter");
    const order = orderFor(sortParam as Sort | null, direction === "-1");
    let position = decodeCursor(q.get("cursor"));

    const page: unknown[] = [];
    for (; position < population.size && page.length < limit; position++) {
      const model = population.at(order ? (order[position] ?? 0) : position);
      if (author !== undefined && model.id.split("/")[0]?.toLowerCase() !== author) continue;
      if (search !== undefined && !model.id.toLowerCase().includes(search)) continue;
      if (filters.some((f) => !(model.tags ?? []).includes(f))) continue;
      page.push(project(model, fields));
    }
    if (position >= population.size) return { json: page };
    const next = new URL(url.pathname, options.linkOrigin ?? origin);
    for (const [k, v] of q) if (k !== "cursor") next.searchParams.append(k, v);
    next.searchParams.set("cursor", Buffer.from(JSON.stringify({ p: position })).toString("base64url"));
    return { json: page, link: `<${next.toString()}>; rel="next"` };
  };

  const oneModel = (url: URL): { json: Record<string, unknown> } | null => {
    const id = decodeURIComponent(url.pathname.slice("/api/models/".length));
    const index = population.indexOf(id);
    if (index === -1) return null;
    const model = population.at(index);
    const fields =
      url.searchParams.has("expand[]") || url.searchParams.has("expand")
        ? expandFields(url.searchParams)
        : null;
    return { json: fields ? project(model, fields) : { ...model, modelId: model.id } };
  };

  const orderFor = (sort: Sort | null, descending: boolean): Uint32Array | null => {
    if (sort === null || (sort === population.naturalSort && descending)) return null;
    const key = `${sort}:${descending}`;
    const cached = orders.get(key);
    if (cached) return cached;
    const values = new Float64Array(population.size);
    for (let i = 0; i < population.size; i++) values[i] = sortValue(population.at(i), sort);
    const order = Uint32Array.from({ length: population.size }, (_, i) => i);
    const sign = descending ? -1 : 1;
    order.sort((a, b) => sign * ((values[a] ?? 0) - (values[b] ?? 0)) || a - b);
    orders.set(key, order);
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

function expandFields(q: URLSearchParams): string[] {
  const asked = [...q.getAll("expand[]"), ...q.getAll("expand")];
  if (asked.length === 0) return DEFAULT_FIELDS;
  for (const [i, field] of asked.entries()) {
    if (!(EXPANDABLE as readonly string[]).includes(field)) {
      throw new BadRequest(`"expand[${i}]" must be one of ${EXPANDABLE.join(", ")}`);
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

function decodeCursor(cursor: string | null): number {
  if (cursor === null) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    const p = typeof parsed === "object" && parsed !== null ? (parsed as { p?: unknown }).p : undefined;
    if (typeof p === "number" && Number.isInteger(p) && p >= 0) return p;
  } catch {
    // fall through
  }
  throw new BadRequest("Invalid cursor");
}

function send(res: ServerResponse, status: number, body: string): void {
  res.writeHead(status, {
    "Content-Type": "application/json; charset=utf-8",
    "Content-Length": Buffer.byteLength(body),
  });
  res.end(body);
}
