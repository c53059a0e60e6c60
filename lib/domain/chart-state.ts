import type { CHART_FIELDS, FieldKey, FieldValue } from "./chart-fields";
import { URL_FIELDS } from "./chart-url-fields";
import { readUrlValue } from "./chart-url-read";

export type { FieldKey, FieldValue };

/** Every key of the chart state, in the order URLs write them. */
export const FIELD_KEYS = Object.keys(URL_FIELDS) as FieldKey[];
/** The keys that change what is asked of the data. */
export const QUESTION_KEYS = FIELD_KEYS.filter((k) => URL_FIELDS[k].question);

/** How a value is written in a URL: lists comma-separated, the rest as text. */
export function encodeValue(value: unknown): string {
  return Array.isArray(value) ? value.join(",") : String(value);
}

/** A key's text as the browser reads it (null when it does not fit the key's schema). */
export function decodeValue<K extends FieldKey>(key: K, text: string): FieldValue<K> | null {
  return readUrlValue(key, text) as FieldValue<K> | null;
}

/**
 * Where a chart state is read and written, and which keys each place takes: the question keys
 * everywhere, and each surface its own presentation. `defaults` are where a surface means
 * something else by an absent key than the field does (lib/domain/chart-fields.ts): the overview
 * opens on the study's framing, images have a size. `versioned` surfaces are permalinks: their
 * URLs carry `v` and are migrated when it is older (lib/domain/chart-migrations.ts).
 */
export const SURFACES = {
  /** GET /api/v1/share (JSON or CSV): versioned by its path. */
  api: { presentation: ["format", "locale"], defaults: {}, versioned: false },
  /** The overview and every page chart. */
  page: {
    presentation: ["mode", "value", "annotations", "view", "locale"],
    defaults: { metric: "downloads", cohort: "new-12m" },
    versioned: true,
  },
  /** /embed/share and the data bundle (share.zip). */
  embed: {
    presentation: ["mode", "value", "annotations", "title", "theme", "locale", "height"],
    defaults: {},
    versioned: true,
  },
  /** share.png and share.svg. */
  image: {
    presentation: ["mode", "value", "annotations", "title", "theme", "locale", "width", "height"],
    defaults: { width: 1200, height: 630 },
    versioned: true,
  },
} as const satisfies Record<
  string,
  {
    presentation: readonly FieldKey[];
    defaults: Partial<{ [K in FieldKey]: FieldValue<K> }>;
    versioned: boolean;
  }
>;

export type Surface = keyof typeof SURFACES;

/** The URL's key that names the format of a versioned surface's link. */
export const VERSION_KEY = "v";
/** The current format of chart links (1: links written before links had a version). */
export const CHART_STATE_VERSION = 2;

type Fields = typeof CHART_FIELDS;
export type QuestionKey = { [K in FieldKey]: Fields[K]["question"] extends true ? K : never }[FieldKey];
export type SurfaceKey<S extends Surface> = QuestionKey | (typeof SURFACES)[S]["presentation"][number];
type FieldDefaulted = { [K in FieldKey]: Fields[K] extends { default: unknown } ? K : never }[FieldKey];
type Defaulted<S extends Surface> = FieldDefaulted | keyof (typeof SURFACES)[S]["defaults"];

/** A surface's query with its defaults filled in: what its zod schema parses a URL to. */
export type SurfaceQuery<S extends Surface> = {
  [K in SurfaceKey<S> as K extends Defaulted<S> ? K : never]: FieldValue<K>;
} & { [K in SurfaceKey<S> as K extends Defaulted<S> ? never : K]?: FieldValue<K> | undefined };

/**
 * A chart state as a URL holds it: every key of every surface, null where the URL says nothing
 * (the surface's default then applies). The page's nuqs parsers read URLs into this shape.
 */
export type ChartState = { [K in FieldKey]: FieldValue<K> | null };

export function surfaceKeys<S extends Surface>(surface: S): SurfaceKey<S>[] {
  const presentation: readonly FieldKey[] = SURFACES[surface].presentation;
  return FIELD_KEYS.filter((k) => URL_FIELDS[k].question || presentation.includes(k)) as SurfaceKey<S>[];
}

/** What an absent key means on a surface; undefined when it means "not set". */
export function surfaceDefault<K extends FieldKey>(surface: Surface, key: K): FieldValue<K> | undefined {
  const own: Partial<Record<FieldKey, unknown>> = SURFACES[surface].defaults;
  const field = URL_FIELDS[key];
  return (key in own ? own[key] : "default" in field ? field.default : undefined) as
    | FieldValue<K>
    | undefined;
}

export function emptyChartState(): ChartState {
  return Object.fromEntries(FIELD_KEYS.map((k) => [k, null])) as ChartState;
}

/**
 * A URL's query read leniently into a chart state (a key that does not parse is left out, as if
 * absent): what the browser does with the URL it is on. Servers parse strictly
 * (lib/api/chart-query.ts), after migrating old links.
 */
export function readChartState(params: URLSearchParams): ChartState {
  const state = emptyChartState() as Record<FieldKey, unknown>;
  for (const key of FIELD_KEYS) {
    const text = params.get(key);
    state[key] = text === null ? null : decodeValue(key, text);
  }
  return state as ChartState;
}

/** A surface's values of a state: its own keys, its defaults where the state says nothing. */
export function resolveChartState<S extends Surface>(
  surface: S,
  state: Partial<ChartState>,
): SurfaceQuery<S> {
  const out: Record<string, unknown> = {};
  for (const key of surfaceKeys(surface)) out[key] = state[key] ?? surfaceDefault(surface, key);
  return out as SurfaceQuery<S>;
}

const same = (a: unknown, b: unknown) =>
  a !== undefined && a !== null && b !== undefined && b !== null && encodeValue(a) === encodeValue(b);

/**
 * A surface's canonical query string of some values (a resolved state, or any part of one):
 * keys in the fields' order, a key left out when it says what the surface assumes anyway, and
 * the version first on a versioned surface's link (a link with nothing to say is empty).
 */
export function chartQueryString(surface: Surface, values: Partial<Record<FieldKey, unknown>>): string {
  const pairs: string[] = [];
  for (const key of surfaceKeys(surface)) {
    const value = values[key];
    if (value === undefined || value === null || same(value, surfaceDefault(surface, key))) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    // Commas separate a list's items and need no escaping in a query: links stay readable.
    pairs.push(`${key}=${encodeURIComponent(encodeValue(value)).replace(/%2C/g, ",")}`);
  }
  if (pairs.length === 0) return "";
  return [...(SURFACES[surface].versioned ? [`${VERSION_KEY}=${CHART_STATE_VERSION}`] : []), ...pairs].join(
    "&",
  );
}

/**
 * The state a surface's values come from, as null where a value is the surface's default: the
 * other way from resolveChartState, so a page state and an embed state of one chart compare equal.
 */
export function stateOfValues(surface: Surface, values: Partial<Record<FieldKey, unknown>>): ChartState {
  const state = emptyChartState() as Record<FieldKey, unknown>;
  for (const key of surfaceKeys(surface)) {
    const value = values[key];
    state[key] = value === undefined || same(value, surfaceDefault(surface, key)) ? null : value;
  }
  return state as ChartState;
}

/** The share question a page state asks: its question keys; the map view asks for every country. */
export function pageQuestion(values: SurfaceQuery<"page">): Partial<{ [K in QuestionKey]: FieldValue<K> }> {
  const question: Record<string, unknown> = {};
  for (const key of QUESTION_KEYS) question[key] = values[key as QuestionKey];
  if (values.view === "map")
    Object.assign(question, { groupBy: "country", top: 50, labs: undefined, countries: undefined });
  return question as Partial<{ [K in QuestionKey]: FieldValue<K> }>;
}
