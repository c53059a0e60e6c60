import type { Database } from "../db";
import { HUB_PLACEHOLDER_CREATED_AT } from "../domain/cohorts";

/**
 * Estimates the Hub's trailing-30-day count for imported snapshots whose file had none (the
 * study's data carries only downloadsAllTime), so the default downloads30d metric is not empty
 * for imported history. For a snapshot at d, from the model's all-time counts A:
 *   1. the latest snapshot b ≤ d − 30:         (A(d) − A(b)) × 30 / (d − b)
 *   2. else created within 30 days before d:  A(d) (all its downloads fall in the window)
 *   3. else the earliest snapshot b in (d−30, d): (A(d) − A(b)) × 30 / (d − b)
 *   4. else the next snapshot f after d:       (A(f) − A(d)) × 30 / (f − d)
 *   5. else 0.
 * Differences are never negative. Only rows of the given runs with downloads = 0 are touched
 * (a real 0 gives an estimate of about 0), so re-running it gives the same values. One statement:
 * snapshots are keyed by date first, so there is no cheap way to one model's history and a range
 * of models per statement would read the whole table once per range; instead one pass sorts the
 * affected models' snapshots into (model, date) order (the sort spills to disk past work_mem, so
 * the database's memory stays bounded — PGlite never gives memory back).
 */
export async function estimateDownloads30d(
  db: Database,
  targets: { date: string; runId: number }[],
): Promise<number> {
  if (targets.length === 0) return 0;
  const runIds = targets.map((t) => t.runId);
  const dates = targets.map((t) => t.date);
  return db.prisma.$executeRaw`
    WITH target AS (
      SELECT model_id, date, version_id FROM model_snapshot
      WHERE run_id = ANY(${runIds}::int[]) AND date = ANY(${dates}::date[]) AND downloads = 0
    ),
    series AS (
      SELECT s.model_id, s.date, s.downloads_all_time AS a,
        last_value(s.date) OVER before_window AS b1_date,
        last_value(s.downloads_all_time) OVER before_window AS b1_a,
        first_value(s.date) OVER in_window AS b2_date,
        first_value(s.downloads_all_time) OVER in_window AS b2_a,
        lead(s.date) OVER by_date AS f_date,
        lead(s.downloads_all_time) OVER by_date AS f_a
      FROM model_snapshot s
      WHERE s.model_id IN (SELECT DISTINCT model_id FROM target)
      WINDOW by_date AS (PARTITION BY s.model_id ORDER BY s.date),
        before_window AS (by_date RANGE BETWEEN UNBOUNDED PRECEDING AND INTERVAL '30 days' PRECEDING),
        in_window AS (by_date RANGE BETWEEN INTERVAL '29 days' PRECEDING AND INTERVAL '1 day' PRECEDING)
    ),
    estimate AS (
      SELECT x.model_id, x.date,
        CASE
          WHEN x.b1_date IS NOT NULL THEN GREATEST(x.a - x.b1_a, 0) * 30 / (x.date - x.b1_date)
          WHEN v.created_at IS NOT NULL AND v.created_at <> ${HUB_PLACEHOLDER_CREATED_AT}::timestamptz
            AND v.created_at >= ((x.date - 30)::timestamp AT TIME ZONE 'UTC') THEN x.a
          WHEN x.b2_date IS NOT NULL THEN GREATEST(x.a - x.b2_a, 0) * 30 / (x.date - x.b2_date)
          WHEN x.f_date IS NOT NULL THEN GREATEST(x.f_a - x.a, 0) * 30 / (x.f_date - x.date)
          ELSE 0
        END AS downloads
      FROM series x
      JOIN target t USING (model_id, date)
      JOIN model m ON m.id = x.model_id
      -- The creation date as listed with the snapshot.
      JOIN model_version v ON v.id = COALESCE(t.version_id, m.version_id)
    )
    UPDATE model_snapshot t SET downloads = e.downloads
    FROM estimate e
    WHERE t.model_id = e.model_id AND t.date = e.date AND e.downloads <> 0`;
}
