-- A weekly file of hfmlsoc/hub_weekly_snapshots is as of a day of its labelled week: it was dated
-- the day after its week (label + 7), and moves to its week's last day (label + 6). Where that day
-- holds another run's published snapshots (the daily crawl's listing wins), the week gives way: its
-- run is superseded and its rows go. The rollups are rebuilt at the next command (their layout
-- changed with the versions).
CREATE TEMP TABLE weekly_move AS
SELECT r.id, r.as_of, (substring(r.options->>'file' FROM 'models/(\d{4}-\d{2}-\d{2})/models\.parquet$'))::date + 6 AS new_date
FROM ingest_run r
WHERE r.source = 'hub-weekly' AND r.trigger = 'backfill'
  AND substring(r.options->>'file' FROM 'models/(\d{4}-\d{2}-\d{2})/models\.parquet$') IS NOT NULL;

DELETE FROM weekly_move WHERE new_date <> as_of - 1;

CREATE TEMP TABLE weekly_yields AS
SELECT w.id, w.as_of FROM weekly_move w
WHERE EXISTS (
  SELECT 1 FROM ingest_run o
  WHERE o.as_of = w.new_date AND o.id <> w.id AND o.status = 'succeeded' AND o.source <> 'demo'
);

DELETE FROM model_snapshot s USING weekly_yields y WHERE s.run_id = y.id AND s.date = y.as_of;
UPDATE ingest_run r SET status = 'superseded', population = NULL
FROM weekly_yields y WHERE r.id = y.id;
DELETE FROM weekly_move w USING weekly_yields y WHERE w.id = y.id;

-- Rows left at the new date by runs that never published it (a failed or a test run) go first.
DELETE FROM model_snapshot s USING weekly_move w WHERE s.date = w.new_date;
UPDATE model_snapshot s SET date = w.new_date FROM weekly_move w WHERE s.run_id = w.id AND s.date = w.as_of;
UPDATE ingest_run r SET as_of = w.new_date FROM weekly_move w WHERE r.id = w.id;
DROP TABLE weekly_yields;
DROP TABLE weekly_move;
