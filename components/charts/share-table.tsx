import type { ShareResult } from "@/lib/analytics/share-over-time";
import { formatExact, formatShare } from "@/lib/format/numbers";

/** The chart's numbers as a table: for screen readers and copy-paste. */
export function ShareTable({ result }: { result: ShareResult }) {
  const points = result.points.filter((p) => p.asOf !== null);
  return (
    <div className="table-scroll">
      <table className="data">
        <caption className="visually-hidden">Share by {result.query.groupBy} per bucket</caption>
        <thead>
          <tr>
            <th scope="col">Bucket</th>
            {result.series.map((s) => (
              <th key={s.key} scope="col" className="num">
                {s.label}
              </th>
            ))}
            <th scope="col" className="num">
              Total downloads
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.date}>
              <th scope="row" className="num" style={{ fontWeight: 400 }}>
                {p.date}
              </th>
              {result.series.map((s) => (
                <td
                  key={s.key}
                  className="num"
                  title={`${formatExact(p.values[s.key]?.downloads)} downloads`}
                >
                  {formatShare(p.values[s.key]?.share)}
                </td>
              ))}
              <td className="num">{formatExact(p.total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
