import { createParser, parseAsInteger } from "nuqs/server";
import {
  chartQueryString,
  decodeValue,
  encodeValue,
  FIELD_KEYS,
  type FieldKey,
  type FieldValue,
  type Surface,
  VERSION_KEY,
} from "../domain/chart-state";

/**
 * The chart state in URLs, for every surface: nuqs parsers made from the fields
 * (lib/domain/chart-fields.ts) for the page's own URL, and links to each surface written by one
 * codec (lib/domain/chart-state.ts): the same keys and values in every URL.
 */
type Parsers = { [K in FieldKey]: ReturnType<typeof parserOf<K>> };

function parserOf<K extends FieldKey>(key: K) {
  return createParser<FieldValue<K>>({
    parse: (text) => decodeValue(key, text),
    serialize: encodeValue,
    eq: (a, b) => encodeValue(a) === encodeValue(b),
  });
}

export const CHART_STATE_PARSERS = {
  ...(Object.fromEntries(FIELD_KEYS.map((k) => [k, parserOf(k)])) as Parsers),
  [VERSION_KEY]: parseAsInteger,
};

/** A chart's values: what each key says, every default already applied (undefined: not set). */
export type ChartValues = Partial<{ [K in FieldKey]: FieldValue<K> }>;

export type LinkTarget = "page" | "embed" | "png" | "svg" | "csv" | "parquet" | "zip" | "json";

const SURFACE_OF: Record<LinkTarget, Surface> = {
  page: "page",
  embed: "embed",
  png: "image",
  svg: "image",
  zip: "embed",
  csv: "api",
  parquet: "api",
  json: "api",
};

const PATH_OF: Record<LinkTarget, string> = {
  page: "/",
  embed: "/embed/share",
  png: "/api/v1/share.png",
  svg: "/api/v1/share.svg",
  zip: "/api/v1/share.zip",
  csv: "/api/v1/share",
  parquet: "/api/v1/share",
  json: "/api/v1/share",
};

/**
 * Where each surface shows a chart: its path and its canonical query, written from the chart's
 * values (keys a surface assumes anyway are left out, so one chart has one URL per surface).
 */
export function chartUrl(target: LinkTarget, values: ChartValues, path = PATH_OF[target]): string {
  const query = chartQueryString(
    SURFACE_OF[target],
    target === "csv" || target === "parquet" ? { ...values, format: target } : values,
  );
  return query ? `${path}?${query}` : path;
}
