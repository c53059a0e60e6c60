import { readFileSync } from "node:fs";
import path from "node:path";
import { geoEqualEarth, geoPath } from "d3-geo";
import { numericToAlpha2 } from "i18n-iso-countries";
import { feature } from "topojson-client";
import type { GeometryCollection, Topology } from "topojson-specification";
import { countryName } from "../domain/countries";

export type CountryShape = { code: string | null; name: string; d: string };
export type WorldMap = { width: number; height: number; countries: CountryShape[] };

export const MAP_WIDTH = 960;
export const MAP_HEIGHT = 470;

let cached: WorldMap | null = null;

/**
 * Every country as one SVG path (Natural Earth 1:110m from world-atlas, Equal Earth projection,
 * d3-geo), keyed by ISO 3166-1 alpha-2: computed once per process, on the server, so the page
 * sends paths and no map library.
 */
export function worldMap(): WorldMap {
  if (cached) return cached;
  const file = path.join(
    /*turbopackIgnore: true*/ process.cwd(),
    "node_modules/world-atlas/countries-110m.json",
  );
  const topology = JSON.parse(readFileSync(file, "utf8")) as Topology<{
    countries: GeometryCollection<{ name: string }>;
  }>;
  const collection = feature(topology, topology.objects.countries);
  const projection = geoEqualEarth().fitSize([MAP_WIDTH, MAP_HEIGHT], collection);
  const draw = geoPath(projection);
  const countries = collection.features
    // Antarctica holds no labs and takes a fifth of the map.
    .filter((f) => f.properties?.name !== "Antarctica")
    .map((f) => {
      const code = f.id === undefined ? null : (numericToAlpha2(String(f.id).padStart(3, "0")) ?? null);
      return {
        code,
        name: code ? countryName(code) : (f.properties?.name ?? ""),
        d: draw(f) ?? "",
      };
    })
    .filter((c) => c.d !== "");
  cached = { width: MAP_WIDTH, height: MAP_HEIGHT, countries };
  return cached;
}
