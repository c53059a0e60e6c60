import { readFile } from "node:fs/promises";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { z } from "zod";

/**
 * The first-load budgets (bench/README.md) (kB gzip): "must" fails the build, "aim" is the target.
 * The embed is a document of its own (app/embed/share/route.ts): its only script is `script`.
 */
export const FIRST_LOAD_BUDGETS = [
  { route: "/", key: "overview", must: 180, aim: 150 },
  { route: "/embed/share", key: "embed", must: 150, aim: 100, script: "public/embed-frame.js" },
] as const;

const routeStatsSchema = z.array(z.object({ route: z.string(), firstLoadChunkPaths: z.array(z.string()) }));

export type RouteFirstLoad = { route: string; chunks: number; bytes: number; gzipKb: number };

/**
 * First-load JavaScript per route, from the chunk lists `next build` writes to
 * `.next/diagnostics/route-bundle-stats.json`: each chunk gzipped at level 9, as a CDN would
 * serve it. Chunks loaded later (next/dynamic, e.g. the recharts chunk) are not first-load.
 */
export async function firstLoadFromBuild(projectDir = process.cwd()): Promise<RouteFirstLoad[]> {
  const file = path.join(projectDir, ".next/diagnostics/route-bundle-stats.json");
  let raw: string;
  try {
    raw = await readFile(file, "utf8");
  } catch {
    throw new Error(`${file} not found: run \`next build\` first`);
  }
  const routes = routeStatsSchema.parse(JSON.parse(raw));
  const cache = new Map<string, { bytes: number; gzip: number }>();
  const sizeOf = async (chunk: string) => {
    let size = cache.get(chunk);
    if (!size) {
      const body = await readFile(path.join(projectDir, chunk));
      size = { bytes: body.length, gzip: gzipSync(body, { level: 9 }).length };
      cache.set(chunk, size);
    }
    return size;
  };
  const out: RouteFirstLoad[] = [];
  for (const r of routes) {
    let bytes = 0;
    let gzip = 0;
    for (const chunk of new Set(r.firstLoadChunkPaths)) {
      const size = await sizeOf(chunk);
      bytes += size.bytes;
      gzip += size.gzip;
    }
    out.push({ route: r.route, chunks: r.firstLoadChunkPaths.length, bytes, gzipKb: gzip / 1000 });
  }
  for (const budget of FIRST_LOAD_BUDGETS)
    if ("script" in budget) {
      const body = await readFile(path.join(projectDir, budget.script));
      out.push({
        route: budget.route,
        chunks: 1,
        bytes: body.length,
        gzipKb: gzipSync(body, { level: 9 }).length / 1000,
      });
    }
  return out.sort((a, b) => b.gzipKb - a.gzipKb);
}
