import { readFile } from "node:fs/promises";
import path from "node:path";

/**
 * The UI's Inter (the variable WOFF2 the pages load through next/font) at a stable address, for
 * documents outside the app's build: the embed, whose charts are laid out with Inter's metrics.
 */
const FILES: Record<string, string> = {
  "inter-latin.woff2": "inter-latin-wght-normal.woff2",
  "inter-latin-ext.woff2": "inter-latin-ext-wght-normal.woff2",
};

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  const name = FILES[(await params).file];
  if (!name) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain" } });
  const body = await readFile(
    path.join(/*turbopackIgnore: true*/ process.cwd(), "node_modules/@fontsource-variable/inter/files", name),
  );
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "font/woff2",
      "Cache-Control": "public, max-age=604800, stale-while-revalidate=604800",
      "Access-Control-Allow-Origin": "*",
    },
  });
}
