import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { firstLoadFromBuild } from "@/lib/bench/first-load";

let dir: string | null = null;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = null;
});

async function fakeBuild(
  routes: { route: string; firstLoadChunkPaths: string[] }[],
  chunks: Record<string, string>,
) {
  dir = await mkdtemp(path.join(os.tmpdir(), "oms-build-"));
  await mkdir(path.join(dir, ".next/diagnostics"), { recursive: true });
  await mkdir(path.join(dir, ".next/static/chunks"), { recursive: true });
  await mkdir(path.join(dir, "public"), { recursive: true });
  await writeFile(path.join(dir, ".next/diagnostics/route-bundle-stats.json"), JSON.stringify(routes));
  for (const [name, body] of Object.entries(chunks)) await writeFile(path.join(dir, name), body);
  return dir;
}

describe("first-load JavaScript from the build output", () => {
  it("sums each route's chunks gzipped, sharing chunks between routes", async () => {
    const a = "x".repeat(50_000);
    const b = Array.from({ length: 4000 }, (_, i) => `v${i * 7919}`).join(";");
    const root = await fakeBuild(
      [
        { route: "/", firstLoadChunkPaths: [".next/static/chunks/a.js", ".next/static/chunks/b.js"] },
        { route: "/labs", firstLoadChunkPaths: [".next/static/chunks/a.js"] },
      ],
      { ".next/static/chunks/a.js": a, ".next/static/chunks/b.js": b, "public/embed-frame.js": "x;" },
    );
    const routes = await firstLoadFromBuild(root);
    const gz = (s: string) => gzipSync(Buffer.from(s), { level: 9 }).length / 1000;
    expect(routes).toEqual([
      { route: "/", chunks: 2, bytes: a.length + b.length, gzipKb: gz(a) + gz(b) },
      { route: "/labs", chunks: 1, bytes: a.length, gzipKb: gz(a) },
      // The embed is a server-rendered document: its first load is its one script.
      { route: "/embed/share", chunks: 1, bytes: 2, gzipKb: gz("x;") },
    ]);
  });

  it("says to build first when there is no build", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), "oms-build-"));
    await expect(firstLoadFromBuild(dir)).rejects.toThrow(/run `next build` first/);
  });

  it("names a malformed stats file", async () => {
    const root = await fakeBuild([{ route: "/" } as never], {});
    await expect(firstLoadFromBuild(root)).rejects.toThrow(/firstLoadChunkPaths/);
  });
});
