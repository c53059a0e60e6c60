import pLimit from "p-limit";
import { VersionedAnswers } from "../analytics/versioned-answers";
import type { Database } from "../db";

export type RenderedBody = { body: Uint8Array<ArrayBuffer>; contentType: string };

/** Every rendered body kept, at most (CSV, PNG, SVG of the most asked-for queries). */
const MAX_BYTES = 64 * 1024 * 1024;

const bodies = new VersionedAnswers<RenderedBody>("body", MAX_BYTES, (b) => b.body.byteLength);

/**
 * PNG rasterization runs on the event loop (resvg): one at a time, so a burst of new images
 * delays other requests by one render (≈ 0.1–0.3 s), not by the whole burst.
 */
const rasterize = pLimit(1);

/**
 * A CSV, SVG or PNG body rendered once per data version and query (its key names every parameter
 * that changes the bytes), concurrent requests sharing one render.
 */
export function renderedBody(
  db: Database,
  key: string,
  render: () => Promise<RenderedBody>,
  options: { exclusive?: boolean } = {},
) {
  return bodies.get(db, key, () => (options.exclusive ? rasterize(render) : render()));
}

export const utf8Body = (text: string, contentType: string): RenderedBody => ({
  body: new TextEncoder().encode(text),
  contentType,
});
