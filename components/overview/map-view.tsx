"use client";

import type { Fetched } from "@/components/data/api-fetch";
import { useApiQuery } from "@/components/data/queries";
import { ShareMap } from "@/components/map/share-map";
import { bucketLabel } from "@/lib/charts/chart-model";
import type { WorldMap } from "@/lib/charts/world-map";
import type { ShareResult } from "@/lib/domain/answers";
import { regionInfo } from "@/lib/domain/regions";

/** The map view: the country answer's shares per period, on the world's paths (/world-map.json). */
export function MapView({
  result,
  title,
  seed,
}: {
  result: ShareResult;
  title: string;
  seed?: Fetched<WorldMap> | null;
}) {
  const map = useApiQuery<WorldMap>(["world-map"], "/world-map.json", { seed });
  if (!map.data)
    return <p className="muted">{map.isError ? "The map could not be loaded." : "Loading the map…"}</p>;
  const keep = result.points.map((p) => p.asOf !== null);
  const pick = <T,>(list: T[]) => list.filter((_, i) => keep[i]);
  const sharesOf = (key: string) =>
    pick(result.points.map((p) => (p.asOf ? (p.values[key]?.share ?? null) : null)));
  const shares: Record<string, (number | null)[]> = {};
  for (const s of result.series) if (/^[A-Z]{2}$/.test(s.key)) shares[s.key] = sharesOf(s.key);
  const box = (key: string) => ({
    key,
    label: regionInfo(key)?.label ?? key,
    color: regionInfo(key)?.color ?? "var(--grid)",
    values: sharesOf(key),
  });
  return (
    <ShareMap
      map={map.data.data}
      title={title}
      buckets={pick(result.points).map((p) => ({
        date: p.date,
        label: bucketLabel(p.date, result.query.interval),
      }))}
      shares={shares}
      boxes={[box("INTL"), box("UNKNOWN")]}
    />
  );
}
