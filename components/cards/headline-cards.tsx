import type { ShareResult } from "@/lib/analytics/share-over-time";
import { formatPoints, formatShare } from "@/lib/format/numbers";

const CARDS = [
  { key: "CN", title: "China" },
  { key: "US", title: "United States" },
  { key: "OTHER", title: "Other countries" },
  { key: "INTL", title: "International / online" },
  { key: "UNKNOWN", title: "Unattributed" },
];

/** Latest share per region and its change against the bucket a year earlier. */
export function HeadlineCards({ result }: { result: ShareResult }) {
  const points = result.points.filter((p) => p.asOf !== null);
  const latest = points.at(-1);
  const yearAgoDate = latest ? shiftYear(latest.date) : null;
  const yearAgo = yearAgoDate ? points.filter((p) => p.date <= yearAgoDate).at(-1) : undefined;
  return (
    <div className="grid-cards" data-testid="headline-cards">
      {CARDS.map(({ key, title }) => {
        const series = result.series.find((s) => s.key === key);
        const now = latest?.values[key]?.share ?? null;
        const before = yearAgo?.values[key]?.share ?? null;
        return (
          <div
            key={key}
            className="card"
            style={{ borderTop: `4px solid ${series?.color ?? "var(--border)"}` }}
          >
            <div className="muted small">{title}</div>
            <div className="num" style={{ fontSize: 28, fontWeight: 700 }}>
              {formatShare(now)}
            </div>
            <div className="muted small num">
              {now !== null && before !== null
                ? `${formatPoints(now - before)} vs ${yearAgo?.date}`
                : "no year-earlier data"}
            </div>
          </div>
        );
      })}
      <p className="muted small" style={{ gridColumn: "1 / -1", margin: 0 }}>
        Latest bucket {latest?.date ?? "–"} (snapshot {latest?.asOf ?? "–"}); {result.query.metric} by{" "}
        {result.query.attribution} attribution, cohort {result.query.cohort}.
      </p>
    </div>
  );
}

function shiftYear(date: string): string {
  return `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
}
