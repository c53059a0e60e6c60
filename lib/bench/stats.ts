/** Nearest-rank percentile of unsorted samples (p in 0..100). */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]) => percentile(samples, 50);

/** Milliseconds `fn` takes, with its result. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

/** `warmup` untimed runs, then the times of `runs` more. */
export async function repeat(fn: () => Promise<unknown>, runs: number, warmup = 1): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(fn)).ms);
  return times;
}

/** Rise of the least-squares line through (x, y) points over their x range. */
export function fittedGrowth(points: readonly (readonly [number, number])[]): number {
  if (points.length < 2) return 0;
  const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const mx = mean(points.map(([x]) => x));
  const my = mean(points.map(([, y]) => y));
  const sxy = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const sxx = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  const xs = points.map(([x]) => x);
  return sxx === 0 ? 0 : (sxy / sxx) * (Math.max(...xs) - Math.min(...xs));
}

export const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

/** A progress line on stderr, so stdout keeps only the report. */
export function log(line: string): void {
  const elapsed = ((performance.now() - START) / 1000).toFixed(0).padStart(4);
  process.stderr.write(`[${elapsed}s] ${line}\n`);
}
const START = performance.now();

/** An error as one line, and its last sentence (Prisma puts the cause after the call site). */
export function errorLine(error: unknown): { full: string; cause: string } {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);
  return { full: lines.join(" "), cause: lines.at(-1) ?? "" };
}
