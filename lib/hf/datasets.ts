import type { AsyncBuffer } from "hyparquet";
import { z } from "zod";
import { HubHttpError, HubResponseError, redactUrl } from "./errors";
import { fetchJsonWithRetry, fetchWithRetry, type RequestOptions } from "./fetch-with-retry";
import { findNextLink } from "./link-header";
import { resolveConfig } from "./list-models";
import { createHubPacer } from "./rate-limit";
import type { Checked } from "./schemas";

/** One entry of `GET /api/datasets/{repo}/tree/{revision}/{path}`. */
const treeEntrySchema = z.object({
  type: z.enum(["file", "directory"]),
  path: z.string().min(1),
  size: z.number().int().nonnegative().optional(),
  oid: z.string().optional(),
  lfs: z.object({ size: z.number().int().nonnegative().optional() }).nullish(),
  /** With `expand`: the last commit that touched the entry */
  lastCommit: z.object({ date: z.string() }).nullish(),
});
export type TreeEntry = z.infer<typeof treeEntrySchema>;

const treePageSchema = z.array(treeEntrySchema);

export const REPO_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,95}\/[A-Za-z0-9][A-Za-z0-9._-]{0,95}$/;

export type DatasetOptions = RequestOptions & { endpoint?: string; token?: string | null; revision?: string };

/** What a tree listing adds to each entry: with `lastCommit`, the commit that last touched it. */
export type TreeListing = { lastCommit?: boolean };

function checkTree(body: unknown): Checked<TreeEntry[]> {
  const parsed = treePageSchema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  return {
    ok: false,
    problem: `not a tree listing: ${issue ? `${issue.path.join(".") || "(body)"}: ${issue.message}` : "invalid"}`,
  };
}

/** The client's configuration and the revision as a URL segment, for a repository's name checked first. */
function datasetRequest(repo: string, options: DatasetOptions) {
  if (!REPO_PATTERN.test(repo)) throw new RangeError(`Not a dataset repository: ${JSON.stringify(repo)}`);
  return { config: resolveConfig(options), revision: encodeURIComponent(options.revision ?? "main") };
}

const encodePath = (path: string) => path.split("/").map(encodeURIComponent).join("/");

/**
 * The files and folders under `path` of a dataset repository, following the `Link: <…>;
 * rel="next"` pages of the tree listing.
 */
export async function* listDatasetTree(
  repo: string,
  path: string,
  options: DatasetOptions = {},
  listing: TreeListing = {},
): AsyncGenerator<TreeEntry> {
  const { config, revision } = datasetRequest(repo, options);
  const pacer =
    options.pacer ?? createHubPacer(config.token !== null, { now: options.now, sleep: options.sleep });
  // `expand=true` as the Hub's own clients ask for each entry's last commit.
  let url: string | null =
    `${config.endpoint}/api/datasets/${repo}/tree/${revision}${path ? `/${encodePath(path)}` : ""}` +
    (listing.lastCommit ? "?expand=true" : "");
  for (let page = 1; url !== null; page++) {
    const response = await fetchJsonWithRetry(url, {
      ...options,
      pacer,
      label: `Tree of ${repo}/${path} (page ${page})`,
      token: config.token,
      tokenOrigin: config.endpoint,
      check: checkTree,
    });
    yield* response.value;
    const next = findNextLink(response.headers.get("link"), url);
    if (next === url)
      throw new HubResponseError(
        "the tree listing's next link points back at itself",
        redactUrl(url),
        1,
        "pagination loop",
      );
    url = next;
  }
}

/** Where a file's bytes are, after the Hub's redirect, and how large it is. */
export type RemoteFile = AsyncBuffer & {
  /** The file's URL on the Hub (resolve/main/…), for messages. */
  name: string;
  /** Bytes received so far, over every range. */
  bytesFetched(): number;
};

const MAX_REDIRECTS = 5;

/**
 * A dataset file read by HTTP ranges, never whole: `GET {endpoint}/datasets/{repo}/resolve/{rev}/{path}`
 * answers 302 to a CDN on another origin, which serves ranges. The token goes to the Hub's origin
 * only, never to the CDN. A signed CDN address that expires (403, 410) is resolved again.
 */
export async function openDatasetFile(
  repo: string,
  path: string,
  options: DatasetOptions = {},
): Promise<RemoteFile> {
  const { config, revision } = datasetRequest(repo, options);
  const resolveUrl = `${config.endpoint}/datasets/${repo}/resolve/${revision}/${encodePath(path)}`;
  const name = `${repo}/${path}`;
  const request = { ...options, token: config.token, tokenOrigin: config.endpoint };

  /**
   * Follows the Hub's redirects by hand (the token stays on its origin) to where the bytes are,
   * and learns the file's size from a one-byte range there.
   */
  const locate = async (): Promise<{ url: string; size: number }> => {
    let url = resolveUrl;
    for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
      const answer = await fetchWithRetry(url, {
        ...request,
        headers: { range: "bytes=0-0" },
        redirect: "manual",
        label: `File ${name}`,
        read: async (response): Promise<Checked<{ redirect: string | null; size: number | null }>> => {
          const redirect = response.status >= 300 && response.status < 400;
          await response.body?.cancel();
          if (redirect)
            return { ok: true, value: { redirect: response.headers.get("location") ?? "", size: null } };
          const size = sizeOf(response);
          return size === null
            ? {
                ok: false,
                problem: `no file size in the answer to a range request (HTTP ${response.status})`,
              }
            : { ok: true, value: { redirect: null, size } };
        },
      });
      const { redirect, size } = answer.value;
      if (size !== null) return { url, size };
      if (!redirect)
        throw new HubResponseError(
          `File ${name}: a redirect without a Location`,
          redactUrl(url),
          1,
          "redirect",
        );
      url = new URL(redirect, url).toString();
    }
    throw new HubResponseError(
      `File ${name}: more than ${MAX_REDIRECTS} redirects`,
      redactUrl(resolveUrl),
      1,
      "redirects",
    );
  };

  const located = await locate();
  let location = located.url;
  const size = located.size;
  let fetched = 0;

  const range = async (start: number, end: number): Promise<ArrayBuffer> => {
    const wanted = end - start;
    const answer = await fetchWithRetry(location, {
      ...request,
      headers: { range: `bytes=${start}-${end - 1}` },
      label: `File ${name} bytes ${start}-${end - 1}`,
      read: async (response): Promise<Checked<ArrayBuffer>> => {
        if (response.status !== 206 && !(response.status === 200 && start === 0 && end === size))
          return { ok: false, problem: `the server ignored the Range header (HTTP ${response.status})` };
        const bytes = await response.arrayBuffer();
        if (bytes.byteLength !== wanted)
          return { ok: false, problem: `${bytes.byteLength} bytes for a range of ${wanted}` };
        return { ok: true, value: bytes };
      },
    });
    fetched += answer.value.byteLength;
    return answer.value;
  };

  return {
    name,
    byteLength: size,
    bytesFetched: () => fetched,
    async slice(start: number, end = size): Promise<ArrayBuffer> {
      const from = Math.max(0, start);
      const to = Math.min(end, size);
      if (to <= from) return new ArrayBuffer(0);
      try {
        return await range(from, to);
      } catch (error) {
        // A signed CDN address lives an hour or so: a long read outlives it. Ask the Hub again.
        if (!(error instanceof HubHttpError) || ![401, 403, 410].includes(error.status)) throw error;
        location = (await locate()).url;
        return range(from, to);
      }
    },
  };
}

/** The whole file's size from a range answer (`Content-Range: bytes 0-0/SIZE`) or a full one. */
function sizeOf(response: Response): number | null {
  const total = /\/(\d+)\s*$/.exec(response.headers.get("content-range") ?? "")?.[1];
  const size = response.status === 206 ? Number(total) : Number(response.headers.get("content-length"));
  return Number.isSafeInteger(size) && size > 0 ? size : null;
}
