import { createHash } from "node:crypto";
import type { Database } from "../db";
import { dataVersion } from "../db/data-version";
import { EVENT_KINDS } from "../domain/event-kinds";
import { FEED_LIMIT, type FeedQuery, feedQueryString, type JsonFeed } from "../domain/feed-query";
import { eventLinks } from "../events/links";
import { listEvents, type StoredEvent } from "../events/list";
import { etagOf } from "../format/etag";
import { SITE_NAME } from "../site";

export type FeedFormat = "atom" | "json";

export const FEED_TYPES: Record<FeedFormat, string> = {
  atom: "application/atom+xml; charset=utf-8",
  json: "application/feed+json; charset=utf-8",
};

export const FEED_PATHS: Record<FeedFormat, string> = { atom: "/feed.atom", json: "/feed.json" };

const FEED_TITLE = `${SITE_NAME}: what moved`;
const FEED_DESCRIPTION =
  "Notable changes in whose open models the world downloads, found each time data is published: crossovers, new leaders, rank changes, models entering the top 20, share changes and data events. Each links to its chart pinned to the data version it was found in.";

/**
 * A stable URN for an id of ours: a UUID made of the first 128 bits of a SHA-256 (version 8, the
 * RFC 9562 form for such), so an entry keeps its id whatever origin serves the feed.
 */
export function urnOf(name: string): string {
  const hex = createHash("sha256").update(name).digest("hex").slice(0, 32).split("");
  hex[12] = "8";
  hex[16] = ((Number.parseInt(hex[16] ?? "0", 16) & 0x3) | 0x8).toString(16);
  const h = hex.join("");
  return `urn:uuid:${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** The ETag of a feed: the data version (events change only when it does), the filter, the format and origin. */
export async function feedEtag(db: Database, format: FeedFormat, query: FeedQuery, origin: string) {
  return etagOf("feed", format, await dataVersion(db), feedQueryString(query), origin);
}

const kindLabel = (kind: string) => EVENT_KINDS.find((k) => k.id === kind)?.label ?? kind;

type Entry = { event: StoredEvent; permalink: string; png: string; urn: string };

function entriesOf(events: StoredEvent[], origin: string): Entry[] {
  return events.map((event) => {
    const links = eventLinks(event);
    return {
      event,
      permalink: origin + links.permalink,
      png: origin + links.png,
      urn: urnOf(`event:${event.id}`),
    };
  });
}

/** When the newest entry was recorded; with none, the feed's epoch (a fixed time, so the bytes stay the same). */
const updatedOf = (events: StoredEvent[]) =>
  new Date(Math.max(0, ...events.map((e) => e.createdAt.getTime()))).toISOString();

export async function feedDocument(
  db: Database,
  format: FeedFormat,
  query: FeedQuery,
  origin: string,
): Promise<string> {
  const events = await listEvents(db, query, FEED_LIMIT);
  const q = feedQueryString(query);
  const self = `${origin}${FEED_PATHS[format]}${q ? `?${q}` : ""}`;
  const entries = entriesOf(events, origin);
  return format === "atom"
    ? atom(entries, self, q, origin, updatedOf(events))
    : jsonFeed(entries, self, origin);
}

const xml = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

function atom(entries: Entry[], self: string, q: string, origin: string, updated: string): string {
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <id>${urnOf(`feed:${q}`)}</id>`,
    `  <title type="text">${xml(FEED_TITLE)}</title>`,
    `  <subtitle type="text">${xml(FEED_DESCRIPTION)}</subtitle>`,
    `  <updated>${updated}</updated>`,
    `  <author><name>${xml(SITE_NAME)}</name><uri>${xml(origin)}/</uri></author>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(self)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(origin)}/methodology#events"/>`,
    `  <generator uri="${xml(origin)}/">${xml(SITE_NAME)}</generator>`,
  ];
  for (const { event, permalink, png, urn } of entries) {
    const when = event.createdAt.toISOString();
    const html = `<p>${xml(event.text)}</p><p><a href="${xml(permalink)}"><img src="${xml(png)}" alt="${xml(event.text)}"/></a></p>`;
    lines.push(
      "  <entry>",
      `    <id>${urn}</id>`,
      `    <title type="text">${xml(`${event.date} · ${kindLabel(event.kind)}: ${event.text}`)}</title>`,
      `    <updated>${when}</updated>`,
      `    <published>${when}</published>`,
      `    <link rel="alternate" type="text/html" href="${xml(permalink)}"/>`,
      `    <link rel="enclosure" type="image/png" href="${xml(png)}"/>`,
      `    <category term="${xml(event.kind)}" label="${xml(kindLabel(event.kind))}"/>`,
      ...event.labs.map((l) => `    <category term="lab:${xml(l)}"/>`),
      ...event.countries.map((c) => `    <category term="country:${xml(c)}"/>`),
      `    <summary type="text">${xml(event.text)}</summary>`,
      `    <content type="html">${xml(html)}</content>`,
      "  </entry>",
    );
  }
  lines.push("</feed>", "");
  return lines.join("\n");
}

function jsonFeed(entries: Entry[], self: string, origin: string): string {
  const feed: JsonFeed = {
    version: "https://jsonfeed.org/version/1.1",
    title: FEED_TITLE,
    home_page_url: `${origin}/`,
    feed_url: self,
    description: FEED_DESCRIPTION,
    authors: [{ name: SITE_NAME, url: `${origin}/` }],
    language: "en",
    items: entries.map(({ event, permalink, png, urn }) => ({
      id: urn,
      url: permalink,
      title: `${event.date} · ${kindLabel(event.kind)}`,
      content_text: event.text,
      image: png,
      date_published: event.createdAt.toISOString(),
      date_modified: event.createdAt.toISOString(),
      tags: [event.kind, ...event.labs.map((l) => `lab:${l}`), ...event.countries.map((c) => `country:${c}`)],
      _open_model_share: {
        kind: event.kind,
        date: event.date,
        previous_date: event.previousDate,
        data_version: event.dataVersion,
        labs: event.labs,
        countries: event.countries,
        png,
        details: event.details,
      },
    })),
  };
  return `${JSON.stringify(feed, null, 2)}\n`;
}
