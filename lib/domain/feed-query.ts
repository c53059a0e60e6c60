import { z as classic } from "zod";
import * as z from "zod/mini";
import { EVENT_KIND_IDS } from "./event-kinds";
import { countryItem, csvList, slugItem } from "./query-fragments";

/**
 * The feeds' filters (/feed.atom, /feed.json) and the webhooks' (the same words): an event passes
 * when it names one of the labs, one of the countries and is of one of the kinds given; a filter
 * not given passes everything.
 */
export const feedQuerySchema = classic.object({
  labs: classic
    .optional(csvList(slugItem, 50))
    .describe("Comma-separated lab slugs: events about one of them"),
  countries: classic
    .optional(csvList(countryItem, 50))
    .describe("Comma-separated ISO 3166-1 alpha-2 codes, INTL or UNKNOWN: events about one of them"),
  kinds: classic
    .optional(csvList(z.enum(EVENT_KIND_IDS), EVENT_KIND_IDS.length))
    .describe(`Comma-separated kinds of event: ${EVENT_KIND_IDS.join(", ")}`),
});

export type FeedQuery = classic.infer<typeof feedQuerySchema>;
export const FEED_QUERY_KEYS = ["labs", "countries", "kinds"] as const;

/** The canonical query string of a filter (sorted lists, fixed key order): one URL, one cache key. */
export function feedQueryString(q: FeedQuery): string {
  return FEED_QUERY_KEYS.flatMap((k) => {
    const list = q[k];
    return list && list.length > 0 ? [`${k}=${[...new Set(list)].sort().join(",")}`] : [];
  }).join("&");
}

/** The most entries a feed lists: the newest. */
export const FEED_LIMIT = 100;

/** JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), as /feed.json writes it. */
const author = classic.object({ name: classic.string(), url: classic.string().optional() });
export const jsonFeedSchema = classic.object({
  version: classic.literal("https://jsonfeed.org/version/1.1"),
  title: classic.string(),
  home_page_url: classic.string(),
  feed_url: classic.string(),
  description: classic.string(),
  authors: classic.array(author),
  language: classic.string(),
  items: classic.array(
    classic.object({
      id: classic.string(),
      url: classic.string(),
      title: classic.string(),
      content_text: classic.string(),
      image: classic.string(),
      date_published: classic.string(),
      date_modified: classic.string(),
      tags: classic.array(classic.string()),
      _open_model_share: classic.object({
        kind: classic.enum(EVENT_KIND_IDS),
        date: classic.string(),
        previous_date: classic.string().nullable(),
        data_version: classic.number().int(),
        labs: classic.array(classic.string()),
        countries: classic.array(classic.string()),
        png: classic.string(),
        details: classic.record(classic.string(), classic.unknown()),
      }),
    }),
  ),
});
export type JsonFeed = classic.infer<typeof jsonFeedSchema>;
