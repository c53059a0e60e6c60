import type { ShareResult } from "../domain/answers";
import { REFERENCE_FIGURES } from "../domain/reference-figures";
import { translator } from "../i18n";
import type { ChartModel } from "./chart-model";

/**
 * The study's published figures that describe what a chart shows (a region chart of the same
 * metric and cohort, as shares), each on the bucket that holds the end of its period — never
 * on a bucket without data.
 */
export function referencesFor(result: ShareResult, model: ChartModel) {
  const q = result.query;
  const tr = translator(model.locale);
  if (model.value !== "share" || model.mode !== "lines" || q.groupBy !== "region") return [];
  return REFERENCE_FIGURES.filter((r) => r.metric === q.metric && r.cohort === q.cohort).flatMap((r) => {
    const bucket = model.buckets.findLastIndex((b) => b.date <= r.to);
    const series = model.series.find((s) => s.key === r.series);
    if (
      bucket < 0 ||
      r.to < (model.buckets[0]?.date ?? "") ||
      model.buckets[bucket]?.asOf === null ||
      !series
    )
      return [];
    return [
      {
        bucket,
        value: r.share * 100,
        color: series.color,
        label: tr.t("chart.reference", {
          // English quotes the study's own wording; other locales name the region as the chart does.
          figure: tr.locale === "en" ? r.label : `${tr.region(r.series)} ${tr.share(r.share)}`,
        }),
      },
    ];
  });
}
