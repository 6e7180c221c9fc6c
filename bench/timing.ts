/** Shared timing helpers for the benchmarks: median of repeated runs after a warm-up. */
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Milliseconds of `fn`, the median of `repeats` runs after one warm-up run. */
export function time<T>(fn: () => T, repeats = 5): { ms: number; result: T } {
  let result = fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), result };
}

/**
 * Steady-state timing for the side-by-side benchmarks (bench/data_pipeline.py times pandas the same way): one
 * warm-up run, then 25 timed runs for a step under 20 ms (one run is too noisy there, and the JIT is not done
 * tiering up) or 11 for a longer one (single 40 ms runs vary by ±20% on this VM). Also returns the minor page
 * faults per timed run: writing to freshly allocated memory costs one fault per 4 KiB page, which is where the
 * time of the allocation-heavy steps goes.
 *
 * V8 frees a discarded result at its next collection, not at once as NumPy's reference counting does, so runs
 * take fresh, unfaulted memory in bursts between collections: a 0.3 ms step has runs of 0.3 and of 0.5-1 ms,
 * and its median moves between bench runs. (Collecting before each run does not help: it leaves the caches
 * cold and both sides slower.)
 */
export function timeSteady<T>(fn: () => T): { ms: number; faults: number; result: T } {
  let result = fn();
  const probe = time(fn, 1).ms;
  const repeats = probe < 20 ? 25 : 11;
  const ms: number[] = [];
  const f0 = process.resourceUsage().minorPageFault;
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), faults: Math.round((process.resourceUsage().minorPageFault - f0) / repeats), result };
}

export async function timeAsync<T>(fn: () => Promise<T>, repeats = 3): Promise<{ ms: number; result: T }> {
  let result = await fn();
  const ms: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t0 = process.hrtime.bigint();
    result = await fn();
    ms.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  return { ms: median(ms), result };
}

/** A fixed-width table for the terminal. */
export function printTable(header: string[], rows: (string | number)[][]): void {
  const cells = [header, ...rows.map((r) => r.map((c) => (typeof c === 'number' ? (Number.isInteger(c) ? String(c) : c.toFixed(c < 10 ? 3 : 1)) : c)))];
  const w = header.map((_, j) => Math.max(...cells.map((r) => String(r[j]).length)));
  for (const [i, r] of cells.entries()) {
    console.log(r.map((c, j) => (j === 0 ? String(c).padEnd(w[j]) : String(c).padStart(w[j]))).join('  '));
    if (i === 0) console.log(w.map((n) => '-'.repeat(n)).join('  '));
  }
}
