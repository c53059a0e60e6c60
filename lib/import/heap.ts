import v8 from "node:v8";

const MB = 1024 * 1024;

/**
 * A soft cap on the importer's heap. V8 collects lazily: with its default limit (a share of the
 * machine's RAM) a 1M-row import let garbage pile up to ~850 MB of heap while ~150 MB was live.
 * A hard `--max-old-space-size` bounds that but crashes on files whose row groups need more (a
 * pyarrow file decodes nested columns a million rows at a time). So, between batches: when the
 * heap has grown past the cap, a full collection, and the cap follows what stays live.
 * Needs `node --expose-gc` (the `npm run import` script); without it this does nothing.
 */
export function heapGovernor(softCapMb = 160): () => void {
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
