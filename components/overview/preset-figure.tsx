import type { ShareResult } from "@/lib/domain/answers";
import type { Preset } from "@/lib/domain/presets";
import { regionInfo } from "@/lib/domain/regions";
import { formatShare } from "@/lib/format/numbers";

/**
 * A preset's published figures beside ours: each figure's country as the chart in view measures
 * it over its whole range (its downloads over every model's in scope), so a reader sees how close
 * the same switches come to the published number.
 */
export function PresetFigure({ preset, result }: { preset: Preset; result: ShareResult }) {
  const ours = (key: string) => result.series.find((s) => s.key === key);
  return (
    <p className="preset-figure" data-testid="preset-figure">
      <strong>{preset.label}</strong>
      {preset.figures.length > 0 ? (
        <>
          {" "}
          reports {preset.figures.map((f) => f.label).join(", ")} ({preset.period},{" "}
          <a href={preset.source.url}>{preset.source.title}</a>). This chart, {result.query.from} to{" "}
          {result.query.to}:{" "}
          {preset.figures
            .map((f) => {
              const series = ours(f.series);
              const name = regionInfo(f.series)?.label ?? f.series;
              // No such series: the chart draws labs or namespaces. No share: no downloads in scope.
              return `${name} ${series ? formatShare(series.share) : "– (group by country to compare)"}`;
            })
            .join(", ")}
          .
        </>
      ) : (
        <>
          : {preset.description} (<a href={preset.source.url}>{preset.source.title}</a>)
        </>
      )}{" "}
      <a href="/methodology#presets">About presets</a>
    </p>
  );
}
