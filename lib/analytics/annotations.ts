import type { Database } from "../db";
import type { AnnotationKind } from "../domain/annotations";
import type { ChartAnnotation, ShareSeries } from "../domain/answers";
import type { GroupBy } from "../domain/dimensions";
import { regionOf } from "../domain/regions";
import { isoDay } from "./buckets";

/** An annotation as stored, with what places it on a chart: its lab's country. */
export type StoredAnnotation = Omit<ChartAnnotation, "series"> & { country: string | null };

/**
 * Every annotation (a few dozen rows), oldest first: as synced now, or as they read at a pinned
 * data version (lib/origins/annotations-sync.ts keeps each wording's versions).
 */
export async function loadAnnotations(db: Database, version?: number): Promise<StoredAnnotation[]> {
  const rows = await db.prisma.annotation.findMany({
    where:
      version === undefined
        ? { toVersion: null }
        : { fromVersion: { lte: version }, OR: [{ toVersion: null }, { toVersion: { gt: version } }] },
    include: { lab: { select: { country: true } } },
    orderBy: [{ date: "asc" }, { id: "asc" }],
  });
  return rows.map((r) => ({
    id: r.id,
    date: isoDay(r.date),
    kind: r.kind as AnnotationKind,
    label: r.label,
    text: r.text,
    source: r.source,
    lab: r.labSlug,
    model: r.modelId,
    country: r.lab?.country ?? null,
  }));
}

/**
 * The annotations a chart shows: those inside its range that concern what it draws. A release
 * belongs to the series that holds its lab (the lab's own, its country's, its region's, or its
 * model's namespace); a lab that is not drawn leaves its releases out. A change of the Hub's
 * counting moves every series: it is always shown.
 */
export function annotationsFor(
  all: StoredAnnotation[],
  chart: { groupBy: GroupBy; from: string; to: string; series: Pick<ShareSeries, "key">[] },
): ChartAnnotation[] {
  const shown = new Set(chart.series.map((s) => s.key));
  return all.flatMap(({ country, ...a }): ChartAnnotation[] => {
    if (a.date < chart.from || a.date > chart.to) return [];
    if (a.kind === "counting-rule") return [{ ...a, series: null }];
    const key =
      chart.groupBy === "lab"
        ? a.lab
        : chart.groupBy === "org"
          ? (a.model?.split("/")[0] ?? null)
          : chart.groupBy === "country"
            ? country
            : regionOf(country);
    return key !== null && shown.has(key) ? [{ ...a, series: key }] : [];
  });
}
