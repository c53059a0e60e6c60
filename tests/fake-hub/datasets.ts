import { createHash } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The Hub's dataset endpoints and its CDN, as strict as the real ones, on two ports of 127.0.0.1:
 * - `GET /api/datasets/{repo}/tree/{rev}/{path}`: the folder's entries (`recursive=true` for all
 *   below it), a few per page, the next page in `Link: <…>; rel="next"`; 404 for a missing path;
 * - `GET|HEAD /datasets/{repo}/resolve/{rev}/{path}`: 302 to the CDN on the other origin, with a
 *   signed address that expires;
 * - the CDN: ranges (206 + Content-Range, 416 outside the file), HEAD, and a 400 to any request
 *   carrying an Authorization header (a signed address never takes another credential).
 */
export type FakeDatasetsOptions = {
  /** repo → path → file bytes */
  repos: Record<string, Record<string, Uint8Array>>;
  /** Tree entries per page. */
  pageSize?: number;
  /** When set, the Hub's endpoints answer 401 without this token. */
  requireToken?: string;
  /** CDN answers 503 to the first request for each path listed here. */
  failOnce?: string[];
  /** Milliseconds the CDN waits before each answer (to catch a process mid-file). */
  cdnDelayMs?: number;
  /** How long a signed CDN address lives. */
  signedForMs?: number;
};

export type CdnRequest = { path: string; range: string | null; authorization: string | null; status: number };
export type HubRequestLog = { method: string; path: string; authorization: string | null; status: number };

export type FakeDatasets = {
  url: string;
  cdnUrl: string;
  hubRequests: HubRequestLog[];
  cdnRequests: CdnRequest[];
  /** Bytes of file content the CDN sent, by path. */
  bytesServed: Map<string, number>;
  setCdnDelay(ms: number): void;
  close(): Promise<void>;
};

const json = (res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json; charset=utf-8",
    "content-length": Buffer.byteLength(text),
    RateLimit: '"api";r=999;t=300',
    "RateLimit-Policy": '"fixed window";"api";q=1000;w=300',
    ...headers,
  });
  res.end(text);
};

const listen = (server: Server) =>
  new Promise<string>((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`),
    ),
  );

export async function startFakeDatasets(options: FakeDatasetsOptions): Promise<FakeDatasets> {
  const pageSize = options.pageSize ?? 3;
  const hubRequests: HubRequestLog[] = [];
  const cdnRequests: CdnRequest[] = [];
  const bytesServed = new Map<string, number>();
  const failed = new Set<string>();
  let cdnDelay = options.cdnDelayMs ?? 0;
  const blobs = new Map<string, { repo: string; path: string; bytes: Uint8Array }>();
  for (const [repo, files] of Object.entries(options.repos))
    for (const [path, bytes] of Object.entries(files))
      blobs.set(createHash("sha256").update(bytes).digest("hex"), { repo, path, bytes });
  const hashOf = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
  let hubUrl = "";
  let cdnUrl = "";

  const hub = createServer((req, res) => {
    const url = new URL(req.url ?? "/", hubUrl);
    const log = (status: number) =>
      hubRequests.push({
        method: req.method ?? "GET",
        path: url.pathname + url.search,
        authorization: req.headers.authorization ?? null,
        status,
      });
    const fail = (status: number, error: string) => {
      log(status);
      json(res, status, { error });
    };
    if (options.requireToken && req.headers.authorization !== `Bearer ${options.requireToken}`)
      return fail(401, "Invalid credentials in Authorization header");

    const tree = /^\/api\/datasets\/([^/]+\/[^/]+)\/tree\/([^/]+)(?:\/(.*))?$/.exec(url.pathname);
    if (tree && req.method === "GET") {
      const [, repo = "", , rawPath = ""] = tree;
      const files = options.repos[repo];
      if (!files) return fail(404, "Repository not found");
      const folder = decodeURIComponent(rawPath).replace(/\/+$/, "");
      const recursive = url.searchParams.get("recursive") === "true";
      const entries = treeEntries(files, folder, recursive, hashOf);
      if (entries === null) return fail(404, `Entry not found: ${folder} does not exist on "main"`);
      const cursor = Number(url.searchParams.get("cursor") ?? "0");
      if (!Number.isInteger(cursor) || cursor < 0) return fail(400, "Invalid cursor");
      const page = entries.slice(cursor, cursor + pageSize);
      const headers: Record<string, string> = {};
      if (cursor + pageSize < entries.length) {
        const next = new URL(url.pathname, hubUrl);
        for (const [k, v] of url.searchParams) if (k !== "cursor") next.searchParams.append(k, v);
        next.searchParams.set("cursor", String(cursor + pageSize));
        headers.Link = `<${next}>; rel="next"`;
      }
      log(200);
      return json(res, 200, page, headers);
    }

    const resolve = /^\/datasets\/([^/]+\/[^/]+)\/resolve\/([^/]+)\/(.+)$/.exec(url.pathname);
    if (resolve && (req.method === "GET" || req.method === "HEAD")) {
      const [, repo = "", , rawPath = ""] = resolve;
      const bytes = options.repos[repo]?.[decodeURIComponent(rawPath)];
      if (!bytes) return fail(404, "Entry not found");
      const expires = Date.now() + (options.signedForMs ?? 3_600_000);
      const target = `${cdnUrl}/xet/${hashOf(bytes)}?Expires=${expires}&Signature=${hashOf(Buffer.from(String(expires))).slice(0, 16)}`;
      log(302);
      res.writeHead(302, { Location: target, "X-Linked-Size": String(bytes.length), "content-length": 0 });
      return res.end();
    }
    fail(404, "Not found");
  });

  const cdn = createServer(async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", cdnUrl);
    const range = req.headers.range ?? null;
    const record = (status: number) =>
      cdnRequests.push({
        path: url.pathname,
        range,
        authorization: req.headers.authorization ?? null,
        status,
      });
    const end = (status: number, text = "") => {
      record(status);
      res.writeHead(status, { "content-type": "text/plain", "content-length": Buffer.byteLength(text) });
      res.end(text);
    };
    if (cdnDelay > 0) await new Promise((r) => setTimeout(r, cdnDelay));
    if (req.headers.authorization) return end(400, "Only one auth mechanism allowed");
    const blob = blobs.get(url.pathname.replace(/^\/xet\//, ""));
    if (!blob) return end(404, "NoSuchKey");
    if (Number(url.searchParams.get("Expires")) < Date.now()) return end(403, "Request has expired");
    if (options.failOnce?.includes(blob.path) && !failed.has(blob.path)) {
      failed.add(blob.path);
      return end(503, "Slow Down");
    }
    const size = blob.bytes.length;
    const common = {
      "accept-ranges": "bytes",
      "content-type": "application/octet-stream",
      etag: `"${url.pathname.slice(5, 21)}"`,
    };
    if (req.method === "HEAD") {
      record(200);
      res.writeHead(200, { ...common, "content-length": size });
      return res.end();
    }
    if (req.method !== "GET") return end(405, "Method Not Allowed");
    let start = 0;
    let last = size - 1;
    let status = 200;
    if (range) {
      const m = /^bytes=(\d+)-(\d*)$/.exec(range);
      if (!m) return end(416, "Invalid Range");
      start = Number(m[1]);
      last = m[2] ? Math.min(Number(m[2]), size - 1) : size - 1;
      if (start >= size || last < start) {
        record(416);
        res.writeHead(416, { "content-range": `bytes */${size}` });
        return res.end();
      }
      status = 206;
    }
    const body = blob.bytes.subarray(start, last + 1);
    bytesServed.set(blob.path, (bytesServed.get(blob.path) ?? 0) + body.length);
    record(status);
    res.writeHead(status, {
      ...common,
      "content-length": body.length,
      ...(status === 206 ? { "content-range": `bytes ${start}-${last}/${size}` } : {}),
    });
    res.end(body);
  });

  hubUrl = await listen(hub);
  cdnUrl = await listen(cdn);
  const close = (server: Server) =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return {
    url: hubUrl,
    cdnUrl,
    hubRequests,
    cdnRequests,
    bytesServed,
    setCdnDelay: (ms) => {
      cdnDelay = ms;
    },
    close: async () => {
      await Promise.all([close(hub), close(cdn)]);
    },
  };
}

type Entry = {
  type: "file" | "directory";
  oid: string;
  size: number;
  path: string;
  lfs?: { oid: string; size: number; pointerSize: number };
};

/** The entries under `folder` ("" is the top): direct children, or everything below it. */
function treeEntries(
  files: Record<string, Uint8Array>,
  folder: string,
  recursive: boolean,
  hashOf: (bytes: Uint8Array) => string,
): Entry[] | null {
  const prefix = folder ? `${folder}/` : "";
  const below = Object.keys(files).filter((p) => p.startsWith(prefix));
  if (folder && below.length === 0) return null;
  const entries = new Map<string, Entry>();
  for (const path of below) {
    const parts = path.slice(prefix.length).split("/");
    for (let depth = 1; depth < parts.length; depth++) {
      if (!recursive && depth > 1) break;
      const dir = prefix + parts.slice(0, depth).join("/");
      entries.set(dir, { type: "directory", oid: hashOf(Buffer.from(dir)).slice(0, 40), size: 0, path: dir });
    }
    if (!recursive && parts.length > 1) continue;
    const bytes = files[path] as Uint8Array;
    const oid = hashOf(bytes);
    entries.set(path, {
      type: "file",
      oid: oid.slice(0, 40),
      size: bytes.length,
      path,
      lfs: { oid, size: bytes.length, pointerSize: 134 },
    });
  }
  return [...entries.values()].sort((a, b) => (a.path < b.path ? -1 : 1));
}
