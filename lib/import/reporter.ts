import cliProgress from "cli-progress";
import type { ImportProgress, ImportReporter, ImportStart, ImportSummary } from "./types";

const int = (n: number) => Math.round(n).toLocaleString("en-US");

/** What was detected and how columns map, printed before the rows stream. */
export function describeStart(info: ImportStart): string[] {
  const size =
    info.kind === "parquet"
      ? `${int(info.totalRows ?? 0)} rows in ${info.rowGroups} row group(s)`
      : `${(info.total / 1_048_576).toFixed(1)} MB`;
  const mapping = Object.entries(info.mapping)
    .map(([field, column]) => (field === column ? field : `${field}←${column}`))
    .join(", ");
  const lines = [
    `${info.dryRun ? "Checking" : "Importing"} ${info.file} (${info.kind}, ${size}) as ${info.format}` +
      `${info.detected ? " (detected)" : ""}.`,
    `Columns: ${mapping}.`,
  ];
  if (info.fixedDate)
    lines.push(
      `Snapshot date ${info.fixedDate} (${
        info.dateSource === "week"
          ? "the end of the week its folder labels: the listing was taken during that week"
          : info.dateSource === "path"
            ? "from the file path"
            : "from --as-of"
      }).`,
    );
  if (!info.mapping.downloads)
    lines.push("No 30-day downloads column: downloads30d will be estimated from downloadsAllTime.");
  if (!info.mapping.downloadsAllTime)
    lines.push(
      "No downloadsAllTime column: the metrics built on all-time counts have no value at this date.",
    );
  return lines;
}

const rate = (rows: number, started: number) =>
  Math.round(rows / Math.max(0.001, (Date.now() - started) / 1000));

/** A progress bar on a terminal: rows read, rows/s, snapshots written, ETA. */
export function terminalImportReporter(): ImportReporter {
  let bar: cliProgress.SingleBar | null = null;
  let started = Date.now();
  let unit = "rows";
  return {
    start(info) {
      for (const line of describeStart(info)) console.log(line);
      started = Date.now();
      unit = info.kind === "parquet" ? "rows" : "bytes";
      bar = new cliProgress.SingleBar(
        {
          format:
            "{bar} {percentage}% | {rows} rows · {rate} rows/s · {snapshots} snapshots · {skipped} skipped · ETA {eta_formatted}",
          hideCursor: true,
          etaBuffer: 50,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(1, info.total), 0, { rows: "0", rate: "0", snapshots: "0", skipped: "0", unit });
    },
    progress(p: ImportProgress) {
      bar?.update(p.position, {
        rows: int(p.rows),
        rate: int(rate(p.rows, started)),
        snapshots: int(p.snapshots),
        skipped: int(p.skipped),
      });
    },
    log(line) {
      bar?.stop();
      bar = null;
      console.log(line);
    },
    stop() {
      bar?.stop();
      bar = null;
    },
  };
}

/** Plain lines for logs and pipes: at most one every `everyMs`. */
export function lineImportReporter(
  write: (line: string) => void = console.log,
  everyMs = 5000,
): ImportReporter {
  let started = Date.now();
  let last = 0;
  let done = false;
  return {
    start(info) {
      for (const line of describeStart(info)) write(line);
      started = Date.now();
      last = started;
      done = false;
    },
    progress(p) {
      const now = Date.now();
      const end = p.position >= p.total;
      if (done || (now - last < everyMs && !end)) return;
      last = now;
      done = end;
      const pct = p.total > 0 ? ` (${Math.floor((100 * p.position) / p.total)}%)` : "";
      write(
        `${new Date().toISOString()} ${int(p.rows)} rows read${pct}, ${int(p.snapshots)} snapshots, ` +
          `${int(p.skipped)} skipped, ${int(rate(p.rows, started))} rows/s`,
      );
    },
    log: write,
    stop: () => {},
  };
}

/** The closing summary. */
export function formatSummary(s: ImportSummary): string[] {
  const first = s.dates[0];
  const last = s.dates[s.dates.length - 1];
  const dates =
    s.dates.length === 0
      ? "no dates"
      : s.dates.length === 1
        ? `1 date (${first})`
        : `${s.dates.length} dates (${first} … ${last})`;
  const lines = [
    s.dryRun ? `Dry run of ${s.file} (${s.format}): nothing written.` : `Imported ${s.file} (${s.format}).`,
    `  rows read        ${int(s.rowsRead)}`,
    s.dryRun
      ? `  valid rows       ${int(s.rowsImported)}`
      : `  snapshots        ${int(s.snapshotsWritten)} written from ${int(s.rowsImported)} rows`,
    `  models           ${int(s.models)}${s.newModels === null ? "" : ` (${int(s.newModels)} new)`}`,
    `  dates            ${dates}`,
  ];
  const skips = Object.entries(s.skipped).sort(([, a], [, b]) => b - a);
  const total = skips.reduce((n, [, c]) => n + c, 0);
  lines.push(
    `  skipped rows     ${int(total)}${skips.length ? `: ${skips.map(([why, n]) => `${int(n)} ${why}`).join(", ")}` : ""}`,
  );
  for (const example of s.invalidExamples) lines.push(`    e.g. ${example}`);
  if (s.estimated > 0)
    lines.push(`  estimated        ${int(s.estimated)} 30-day counts from downloadsAllTime`);
  if (!s.dryRun)
    lines.push(
      `  runs             ${s.runs.created} import run(s) created, ${s.runs.reused} reused; dates published`,
    );
  if (s.demoRemoved > 0) lines.push(`  demo data        removed (${int(s.demoRemoved)} models)`);
  lines.push(
    `  time             ${s.loadSeconds.toFixed(1)} s ${s.dryRun ? "reading" : "reading and writing"} (${int(s.rowsPerSecond)} rows/s)` +
      (s.dryRun ? "" : ` + ${s.publishSeconds.toFixed(1)} s publishing`),
  );
  return lines;
}
