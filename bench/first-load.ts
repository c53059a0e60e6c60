/**
 * 5. First-load JavaScript: the page HTML from the running production build, then the gzip size
 * (level 9) of every `<script src>` it loads (module-less polyfills, `nomodule`, excluded: a
 * modern browser skips them). Lazy chunks loaded after hydration are not first-load.
 */
import { gzipSync } from "node:zlib";
import type { Figure, StepResult } from "../lib/bench/report";
import { log } from "../lib/bench/stats";

const PAGES = [
  { key: "overview", path: "/", label: "overview (/) first-load JS", budget: 250, aim: 180 },
  { key: "embed", path: "/embed/share", label: "embed (/embed/share) first-load JS", budget: 150, aim: 100 },
];

export async function firstLoad(url: string): Promise<StepResult> {
  const figures: Figure[] = [];
  const details: Record<string, unknown> = {};
  for (const page of PAGES) {
    const response = await fetch(url + page.path);
    const html = await response.text();
    if (response.status === 404 && page.key !== "overview") {
      log(`${page.path}: 404, not built yet; skipped`);
      details[page.key] = "404: page does not exist yet";
      continue;
    }
    if (!response.ok) throw new Error(`${page.path} answered ${response.status}`);
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
      .map((m) => m[1] ?? "")
      .filter((attrs) => !/\bnomodule\b/i.test(attrs))
      .map((attrs) => /\bsrc="([^"]+)"/.exec(attrs)?.[1])
      .filter((src): src is string => src !== undefined);
    const files: { src: string; bytes: number; gzip: number }[] = [];
    for (const src of new Set(scripts)) {
      const body = Buffer.from(await (await fetch(new URL(src.replace(/&amp;/g, "&"), url))).arrayBuffer());
      files.push({ src, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
    }
    const gzip = files.reduce((n, f) => n + f.gzip, 0) / 1000;
    const inline = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].reduce(
      (n, m) => n + (m[1]?.length ?? 0),
      0,
    );
    log(`${page.path}: ${files.length} scripts, ${gzip.toFixed(1)} kB gzip`);
    figures.push({
      key: `firstLoad.${page.key}`,
      label: page.label,
      value: gzip,
      unit: "kB gzip",
      budget: { op: "<=", value: page.budget },
      aim: { op: "<=", value: page.aim },
      note: `${files.length} scripts; plus ${(gzipSync(html).length / 1000).toFixed(1)} kB gzip HTML with inline data`,
    });
    details[page.key] = { files, inlineScriptChars: inline, htmlBytes: html.length };
  }
  return { figures, details };
}
