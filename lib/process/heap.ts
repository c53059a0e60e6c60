import v8 from "node:v8";

const MB = 1024 * 1024;

/**
 * A soft cap on the importer's heap. V8 collects lazily: with its default limit (a share of the
 * machine's RAM) a 1M-row import let garbage pile up to ~850 MB of heap while ~150 MB was live.
 * A hard `--max-old-space-size` bounds that but crashes on files whose row groups need more (a
 * pyarrow file decodes nested columns a million rows at a time). So, between batches: when the
 * heap has grown past the cap, a full collection, and the cap follows what stays live. Called
 * between batches and between the columns of a Parquet row group (each decoded whole). The floor
 * sits just above the ≈ 100 MB the importer keeps live (Prisma, PGlite's bindings, one group's
 * columns). Needs `node --expose-gc` (the `npm run import` script); without it this does nothing.
 */
export function heapGovernor(softCapMb = 128): () => void {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (typeof gc !== "function") return () => {};
  const floor = softCapMb * MB;
  let cap = floor;
  return () => {
    if (v8.getHeapStatistics().used_heap_size < cap) return;
    gc();
    cap = Math.max(floor, v8.getHeapStatistics().used_heap_size * 1.25);
  };
}

/** One full collection now (with `--expose-gc`): what the read left behind is not carried into the publish. */
export function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}
