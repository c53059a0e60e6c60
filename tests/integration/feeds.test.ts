import { DOMParser, type Element as XmlElement } from "@xmldom/xmldom";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it, vi } from "vitest";
import { GET as shareGET } from "@/app/api/v1/share/route";
import { GET as atomGET } from "@/app/feed.atom/route";
import { GET as jsonGET } from "@/app/feed.json/route";
import { type ChartValues, chartUrl } from "@/lib/charts/chart-state";
import { useDatabase } from "@/lib/db";
import { syncRegistry } from "@/lib/origins/sync";
import { publish } from "@/lib/publish/publish";
import { crawlAndPublish, publishStory, storyDays } from "../factories/event-story";
import { uniqueNamespace } from "../factories/model-record";
import { testRegistry } from "../factories/population";
import schema from "../fixtures/feeds/jsonfeed-1.1.schema.json";
import { suiteDatabase } from "../helpers/suite";
import { testBackends } from "../helpers/test-db";

const none = { params: Promise.resolve({}) };
const ATOM = "http://www.w3.org/2005/Atom";
/** RFC 3339 date-time as Atom (RFC 4287 §3.3) requires: upper-case T and Z, a time zone. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
/** An absolute IRI (RFC 3987): a scheme, a colon, the rest. */
const IRI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;

const children = (el: XmlElement, name: string) =>
  Array.from(el.childNodes).filter(
    (n): n is XmlElement =>
      n.nodeType === 1 && (n as XmlElement).localName === name && (n as XmlElement).namespaceURI === ATOM,
  );
const one = (el: XmlElement, name: string) => {
  const list = children(el, name);
  expect(list, `exactly one atom:${name} in ${el.localName}`).toHaveLength(1);
  return list[0] as XmlElement;
};

/**
 * The constraints of RFC 4287 a feed must meet (§4.1.1 feed, §4.1.2 entry, §3.3 dates, §4.2.6
 * ids, §4.2.7 links): checked on the parsed document, independently of how it was written.
 */
function checkAtom(text: string): { entries: XmlElement[] } {
  const errors: string[] = [];
  const doc = new DOMParser({
    onError: (level, message) => errors.push(`${level}: ${message}`),
  }).parseFromString(text, "application/xml");
  expect(errors).toEqual([]);
  const feed = doc.documentElement as unknown as XmlElement;
  expect(feed.localName).toBe("feed");
  expect(feed.namespaceURI).toBe(ATOM);
  expect(one(feed, "id").textContent).toMatch(IRI);
  expect(one(feed, "title").textContent?.length).toBeGreaterThan(0);
  expect(one(feed, "updated").textContent).toMatch(RFC3339);
  const entries = children(feed, "entry");
  // atom:feed has an author unless every entry has one.
  expect(children(feed, "author").length > 0 || entries.every((e) => children(e, "author").length > 0)).toBe(
    true,
  );
  for (const author of children(feed, "author")) one(author, "name");
  const links = (el: XmlElement) => children(el, "link");
  const rel = (l: XmlElement) => l.getAttribute("rel") || "alternate";
  expect(links(feed).filter((l) => rel(l) === "self")).toHaveLength(1);
  const ids = new Set<string>();
  for (const entry of entries) {
    const id = one(entry, "id").textContent ?? "";
    expect(id).toMatch(IRI);
    expect(ids.has(id), `id ${id} once`).toBe(false);
    ids.add(id);
    one(entry, "title");
    const updated = one(entry, "updated").textContent ?? "";
    expect(updated).toMatch(RFC3339);
    for (const p of children(entry, "published")) expect(p.textContent).toMatch(RFC3339);
    const content = children(entry, "content");
    const alternates = links(entry).filter((l) => rel(l) === "alternate");
    // No content: at least one alternate link; and never two alternates of one type and language.
    if (content.length === 0) expect(alternates.length).toBeGreaterThan(0);
    const typed = alternates.map((l) => `${l.getAttribute("type")}|${l.getAttribute("hreflang")}`);
    expect(new Set(typed).size).toBe(typed.length);
    for (const l of links(entry)) expect(l.getAttribute("href")).toMatch(IRI);
    // Content that is not inline (no src) and not text/html/xhtml needs a summary; ours is html.
    for (const c of content) expect(["text", "html", "xhtml"]).toContain(c.getAttribute("type") ?? "text");
  }
  return { entries };
}

describe.each(testBackends())("feeds of events on %s", (backend) => {
  const db = suiteDatabase(backend);
  const p = uniqueNamespace("feed");
  const get = (which: "atom" | "json", query = "", headers: Record<string, string> = {}) =>
    (which === "atom" ? atomGET : jsonGET)(
      new Request(`http://127.0.0.1/feed.${which}${query ? `?${query}` : ""}`, { headers }),
      none,
    );

  it("lists every event as valid Atom and JSON Feed, filtered, cached per data version", async () => {
    await publishStory(db, p);
    useDatabase(db);
    vi.stubEnv("SITE_URL", "https://oms.example");
    const events = await db.prisma.event.findMany();
    expect(events.length).toBeGreaterThan(0);

    const atom = await get("atom");
    expect(atom.status).toBe(200);
    expect(atom.headers.get("content-type")).toBe("application/atom+xml; charset=utf-8");
    const { entries } = checkAtom(await atom.text());
    expect(entries).toHaveLength(events.length);
    const hrefs = entries.map((e) =>
      children(e, "link").map((l) => [l.getAttribute("rel"), l.getAttribute("href")]),
    );
    for (const links of hrefs) {
      const page = links.find(([r]) => r === "alternate")?.[1] ?? "";
      const png = links.find(([r]) => r === "enclosure")?.[1] ?? "";
      expect(page).toMatch(/^https:\/\/oms\.example\/\?.*version=\d+$/);
      expect(png).toMatch(/^https:\/\/oms\.example\/api\/v1\/share\.png\?.*version=\d+$/);
    }

    const json = await get("json");
    expect(json.status).toBe(200);
    expect(json.headers.get("content-type")).toBe("application/feed+json; charset=utf-8");
    const feed = await json.json();
    const ajv = new Ajv2020({ strict: false, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(schema);
    expect(validate(feed), JSON.stringify(validate.errors)).toBe(true);
    expect(feed.items).toHaveLength(events.length);
    expect(new Set(feed.items.map((i: { id: string }) => i.id)).size).toBe(events.length);
    // The same entries in both: the same ids, the same sentences.
    const atomIds = entries.map((e) => one(e, "id").textContent);
    expect(feed.items.map((i: { id: string }) => i.id)).toEqual(atomIds);
    expect(feed.items.map((i: { content_text: string }) => i.content_text).sort()).toEqual(
      events.map((e) => e.text).sort(),
    );

    // Filters: an event passes when it names one of the labs or countries, and is of a kind given.
    const count = async (query: string) => (await (await get("json", query)).json()).items.length;
    const expectCount = (pass: (e: (typeof events)[number]) => boolean) => events.filter(pass).length;
    expect(await count(`labs=${p}-qw`)).toBe(expectCount((e) => e.labs.includes(`${p}-qw`)));
    expect(await count(`labs=${p}-qw`)).toBeGreaterThan(0);
    expect(await count("countries=KR")).toBe(expectCount((e) => e.countries.includes("KR")));
    expect(await count("kinds=crossover,data-gap")).toBe(
      expectCount((e) => ["crossover", "data-gap"].includes(e.kind)),
    );
    expect(await count(`kinds=rank-change&labs=${p}-me`)).toBe(
      expectCount((e) => e.kind === "rank-change" && e.labs.includes(`${p}-me`)),
    );

    // Strict input: unknown keys, repeated keys and unknown kinds are a 400 naming what is wrong.
    for (const bad of [
      "foo=1",
      "kinds=crossover&kinds=data-gap",
      "kinds=rumour",
      "countries=china",
      "labs=Bad Slug",
    ]) {
      const res = await get("atom", bad);
      expect(res.status, bad).toBe(400);
      expect((await res.json()).error.issues.length, bad).toBeGreaterThan(0);
    }

    // Cacheable per data version: the ETag answers 304 until a publish changes the version.
    const etag = atom.headers.get("etag") ?? "";
    expect(atom.headers.get("cache-control")).toContain("s-maxage");
    expect((await get("atom", "", { "if-none-match": etag })).status).toBe(304);
    expect((await get("json", "", { "if-none-match": etag })).status).toBe(200);
    // The chart an event links to is pinned: its numbers stay what they were after later publishes,
    // here a new date and a registry edit that moves Qw's namespace to another country.
    const crossover = events.find((e) => e.kind === "crossover");
    const pinned = chartUrl("json", {
      ...(crossover?.chart as ChartValues),
      version: crossover?.dataVersion,
    });
    const share = async () => {
      const res = await shareGET(new Request(`http://127.0.0.1${pinned}`), none);
      expect(res.status, pinned).toBe(200);
      return res.json();
    };
    const before = await share();
    expect(before.freshness.dataVersion).toBe(crossover?.dataVersion);
    const last = storyDays(p).at(-1);
    await crawlAndPublish(db, "2025-08-06", last?.models ?? []);
    const registry = testRegistry(p);
    await syncRegistry(db, {
      ...registry,
      organizations: registry.organizations.map((o) =>
        o.namespace === `${p}-cn1` ? { ...o, country: "SG", international: false } : o,
      ),
    });
    await publish(db, "all", { realData: false });
    const live = await (
      await shareGET(
        new Request(`http://127.0.0.1${chartUrl("json", crossover?.chart as ChartValues)}`),
        none,
      )
    ).json();
    expect(live.points).not.toEqual(before.points);
    const still = await share();
    expect(still.points).toEqual(before.points);
    expect(still.freshness.dataVersion).toBe(crossover?.dataVersion);
    const after = await get("atom", "", { "if-none-match": etag });
    expect(after.status).toBe(200);
    expect(after.headers.get("etag")).not.toBe(etag);
    vi.unstubAllEnvs();
  });
});
