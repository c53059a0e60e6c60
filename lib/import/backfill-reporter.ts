import cliProgress from "cli-progress";
import type { BackfillReporter, BackfillSummary, FileProgress } from "./backfill";

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const label = (p: FileProgress) =>
  `[${p.index + 1}/${p.files}] ${p.file.label ? `week ${p.file.label} → ${p.file.date}` : p.file.path}`;

/** A progress bar per file on a terminal: bytes fetched of the file's size, rows read and kept. */
export function terminalBackfillReporter(): BackfillReporter {
  let bar: cliProgress.SingleBar | null = null;
  const stop = () => {
    bar?.stop();
    bar = null;
  };
  return {
    fileStart(p) {
      stop();
      bar = new cliProgress.SingleBar(
        {
          format: `${label(p)} |{bar}| {fetched} of ${mb(p.size)} · {rows}/${int(p.totalRows)} rows · {kept} kept`,
          hideCursor: true,
        },
        cliProgress.Presets.shades_classic,
      );
      bar.start(Math.max(1, p.totalRows), 0, { fetched: mb(0), rows: "0", kept: "0" });
    },
    progress(p) {
      bar?.update(p.rows, { fetched: mb(p.bytes), rows: int(p.rows), kept: int(p.kept) });
    },
    fileDone(p) {
      stop();
      console.log(fileLine(p));
    },
    log(line) {
      stop();
      console.log(line);
    },
    stop,
  };
}

/** Plain lines for logs and pipes: one when a file starts, every `every` rows, when it ends. */
export function lineBackfillReporter(
  every = 250_000,
  write: (line: string) => void = console.log,
): BackfillReporter {
  let next = every;
  return {
    fileStart(p) {
      next = every;
      write(`${label(p)}: ${mb(p.size)}, ${int(p.totalRows)} rows`);
    },
    progress(p) {
      if (p.rows < next) return;
      next = p.rows + every;
      write(`${label(p)}: ${int(p.rows)} rows, ${int(p.kept)} kept, ${mb(p.bytes)} fetched`);
    },
    fileDone: (p) => write(fileLine(p)),
    log: write,
    stop: () => {},
  };
}

function fileLine(p: FileProgress & { seconds: number }): string {
  return (
    `${label(p)}: ${int(p.rows)} rows read, ${int(p.kept)} kept, ${int(p.snapshots)} snapshots; ` +
    `${mb(p.bytes)} of ${mb(p.size)} fetched (${((p.bytes / Math.max(1, p.size)) * 100).toFixed(0)} %) in ${p.seconds.toFixed(1)} s.`
  );
}

export function formatBackfillSummary(s: BackfillSummary): string[] {
  const skipped = Object.entries(s.skipped)
    .map(([reason, n]) => `${int(n)} ${reason}`)
    .join(", ");
  const lines = [
    `${s.dryRun ? "Dry run of" : "Backfilled"} ${s.dataset} from ${s.repo}: ${s.files.done} file(s) read` +
      `${s.files.alreadyDone ? `, ${s.files.alreadyDone} already done` : ""}` +
      `${s.files.skipped ? `, ${s.files.skipped} skipped (their dates hold other data)` : ""} of ${s.files.planned}.`,
    `Rows: ${int(s.rowsRead)} read, ${int(s.rowsKept)} kept${skipped ? ` (left out: ${skipped})` : ""}; ` +
      `${int(s.snapshotsWritten)} snapshots written${s.dryRun ? " (none: dry run)" : ""}.`,
    `Fetched ${mb(s.bytesFetched)} of ${mb(s.bytesInFiles)} in the files read ` +
      `(${((s.bytesFetched / Math.max(1, s.bytesInFiles)) * 100).toFixed(0)} %: only the columns stored); ` +
      `${int(s.rowsPerSecond)} rows/s; publishing took ${s.publishSeconds.toFixed(1)} s.`,
  ];
  if (s.dates.length > 0) lines.push(`Dates: ${s.dates[0]} … ${s.dates.at(-1)} (${s.dates.length}).`);
  // One population per date: the crawl's listing wins, and the dates a backfill left are named.
  for (const skip of s.skippedDates) lines.push(`Skipped ${skip.date} (${skip.file}): ${skip.reason}.`);
  return lines;
}
