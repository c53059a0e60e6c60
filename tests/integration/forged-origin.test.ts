import { unzipSync } from "fflate";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { GET as oembedGET } from "@/app/api/oembed/route";
import { GET as gapGET } from "@/app/api/v1/attribution-gap/route";
import { GET as runsGET } from "@/app/api/v1/ingest/runs/route";
import { GET as labGET } from "@/app/api/v1/labs/[slug]/route";
import { GET as labsGET } from "@/app/api/v1/labs/route";
import { GET as modelGET } from "@/app/api/v1/models/[namespace]/[name]/route";
import { GET as modelsGET } from "@/app/api/v1/models/route";
import { GET as openapiGET } from "@/app/api/v1/openapi.json/route";
import { GET as sensitivityGET } from "@/app/api/v1/sensitivity/route";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { GET as pngGET } from "@/app/api/v1/share.png/route";
import { GET as svgGET } from "@/app/api/v1/share.svg/route";
import { GET as zipGET } from "@/app/api/v1/share.zip/route";
import { GET as embedGET } from "@/app/embed/share/route";
import { GET as feedAtomGET } from "@/app/feed.atom/route";
import { GET as feedJsonGET } from "@/app/feed.json/route";
import { OPERATIONS } from "@/lib/api/operations";
import { SharedCache } from "../helpers/shared-cache";
import { servedPopulationDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

/**
 * Cache poisoning through the origin: for every route, a request with a forged Host and
 * X-Forwarded-Host (and X-Forwarded-Proto) goes through a shared cache (tests/helpers/shared-cache.ts,
 * as a CDN keys answers: by URL and the headers `Vary` names) into the route and its in-process
 * caches; then a genuine request for the same URL. The second answer's headers, body and the
 * files inside it (the data bundle unzipped) never name the forged origin, with and without
 * TRUST_PROXY; with SITE_URL neither answer does.
 */
const PREFIX = "frg";
const FORGED = "evil.example";
type Handler = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Route = {
  id: string;
  path: string;
  handler: Handler;
  params?: Record<string, string>;
  namesOrigin?: boolean;
};

const share = "groupBy=region&metric=downloads30d&interval=month";
const ROUTES = (model: { namespace: string; name: string }): Route[] => [
  { id: "getShare", path: `/api/v1/share?${share}`, handler: shareGET },
  { id: "getShare", path: `/api/v1/share?${share}&format=csv`, handler: shareGET },
  { id: "getSharePng", path: `/api/v1/share.png?${share}&width=320&height=240`, handler: pngGET },
  { id: "getShareSvg", path: `/api/v1/share.svg?${share}`, handler: svgGET },
  { id: "getShareZip", path: `/api/v1/share.zip?${share}`, handler: zipGET, namesOrigin: true },
  { id: "getShare", path: `/api/v1/share?${share}&format=parquet`, handler: shareGET, namesOrigin: true },
  { id: "getSensitivity", path: `/api/v1/sensitivity?${share}`, handler: sensitivityGET },
  { id: "getFeedAtom", path: "/feed.atom", handler: feedAtomGET, namesOrigin: true },
  { id: "getFeedJson", path: "/feed.json", handler: feedJsonGET, namesOrigin: true },
  { id: "listLabs", path: "/api/v1/labs", handler: labsGET },
  { id: "listLabs", path: "/api/v1/labs?format=csv", handler: labsGET },
  {
    id: "getLab",
    path: `/api/v1/labs/${PREFIX}-qw`,
    handler: labGET as Handler,
    params: { slug: `${PREFIX}-qw` },
  },
  { id: "listModels", path: "/api/v1/models?limit=5", handler: modelsGET },
  { id: "listModels", path: "/api/v1/models?format=csv", handler: modelsGET },
  {
    id: "getModel",
    path: `/api/v1/models/${model.namespace}/${model.name}`,
    handler: modelGET as Handler,
    params: model,
  },
  { id: "getAttributionGap", path: "/api/v1/attribution-gap", handler: gapGET },
  { id: "listIngestRuns", path: "/api/v1/ingest/runs", handler: runsGET },
  // A relative link resolves against the origin the route believes: the answer names it.
  { id: "oembed", path: "/api/oembed?url=/", handler: oembedGET, namesOrigin: true },
  { id: "getOpenApi", path: "/api/v1/openapi.json", handler: openapiGET, namesOrigin: true },
  { id: "getEmbed", path: `/embed/share?${share}`, handler: embedGET as Handler },
];

/** Everything a client or a reader of the answer sees: status, headers, body, files inside. */
async function seen(response: Response): Promise<string> {
  const headers = [...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n");
  const bytes = new Uint8Array(await response.arrayBuffer());
  const type = response.headers.get("content-type") ?? "";
  const body = type.startsWith("application/zip")
    ? Object.entries(unzipSync(bytes))
        .map(([name, file]) => `${name}\n${new TextDecoder().decode(file)}`)
        .join("\n")
    : Buffer.from(bytes).toString("latin1");
  return `${response.status}\n${headers}\n${body}`;
}

const CONFIGS = [
  { name: "no proxy trusted", env: {}, genuine: { host: "news.example" } },
  {
    name: "TRUST_PROXY=1",
    env: { TRUST_PROXY: "1" },
    genuine: { host: "10.0.0.5:3000", "x-forwarded-host": "news.example", "x-forwarded-proto": "https" },
  },
  { name: "SITE_URL set", env: { SITE_URL: "https://news.example" }, genuine: { host: "news.example" } },
] as const;

describe.each(testBackends())("no forged origin reaches a cached answer, on %s", (backend) => {
  const db = servedPopulationDatabase(backend, 9, PREFIX);
  let routes: Route[] = [];
  beforeAll(async () => {
    const model = await db.prisma.model.findFirstOrThrow({ where: { namespace: `${PREFIX}-cn1` } });
    routes = ROUTES({ namespace: model.namespace, name: model.hubId.split("/")[1] ?? "" });
  });
  afterEach(() => {
    delete process.env.TRUST_PROXY;
    delete process.env.SITE_URL;
  });

  it("has a case for every public GET route", () => {
    const publicGets = OPERATIONS.filter((op) => op.method === "GET" && !op.bearer).map((op) => op.id);
    expect([...new Set(routes.map((r) => r.id))].sort()).toEqual(publicGets.sort());
  });

  for (const config of CONFIGS)
    it(`answers a genuine request with no forged origin after a forged one (${config.name})`, async () => {
      Object.assign(process.env, config.env);
      const cache = new SharedCache();
      for (const route of routes) {
        const call = (headers: Record<string, string>) => {
          const request = new Request(`http://127.0.0.1${route.path}`, { headers });
          return cache.fetch(route.path, request, (r) =>
            route.handler(r, { params: Promise.resolve(route.params ?? {}) }),
          );
        };
        const forged = await seen(
          await call({ host: FORGED, "x-forwarded-host": FORGED, "x-forwarded-proto": "https" }),
        );
        expect(forged, `${route.path}: the forged request`).toMatch(/^200\n/);
        if (config.name === "SITE_URL set") expect(forged, route.path).not.toContain(FORGED);
        const genuine = await seen(await call(config.genuine));
        expect(genuine, `${route.path}: the genuine request`).toMatch(/^200\n/);
        expect(genuine, `${route.path} after a forged request`).not.toContain(FORGED);
        if (route.namesOrigin) expect(genuine, route.path).toContain("news.example");
      }
    });
});
