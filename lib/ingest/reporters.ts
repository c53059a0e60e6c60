import cliProgress from "cli-progress";
import type { CrawlProgress, IngestReporter } from "./crawl";

/** A progress bar on a terminal (pages, models, rate, ETA over registry namespaces). */
export function terminalReporter(): IngestReporter & { stop: () => void } {
  const bar = new cliProgress.SingleBar(
    {
      format:
        "{phase} |{bar}| {value}/{total} namespaces · {pages} pages · {models} models · {rate} models/s · ETA {eta_formatted}",
      hideCursor: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const started = Date.now();
  let running = false;
  return {
    progress(p: CrawlProgress) {
      const payload = {
        phase:
          p.phase === "orgs"
            ? `registry ${p.namespace ?? ""}`.slice(0, 30).padEnd(30)
            : "global list by downloads".padEnd(30),
        pages: p.pages,
        models: p.models,
        rate: Math.round(p.models / Math.max(1, (Date.now() - started) / 1000)),
      };
      if (!running) {
        bar.start(Math.max(1, p.orgCount), p.orgIndex, payload);
        running = true;
      }
      bar.update(p.phase === "orgs" ? p.orgIndex : p.orgCount, payload);
    },
    log(line: string) {
      if (running) bar.stop();
      running = false;
      console.log(line);
    },
    stop() {
      if (running) bar.stop();
    },
  };
}

/** Plain lines for logs and pipes: one every `every` pages. */
export function lineReporter(every = 10, write: (line: string) => void = console.log): IngestReporter {
  return {
    progress(p) {
      if (p.pages % every !== 0) return;
      const where =
        p.phase === "orgs"
          ? `registry namespace ${p.orgIndex + 1}/${p.orgCount} (${p.namespace})`
          : "global list";
      write(`${new Date().toISOString()} ${where}: ${p.pages} pages, ${p.models} models`);
    },
    log: write,
  };
}
