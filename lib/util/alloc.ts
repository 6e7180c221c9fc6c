/**
 * Output arrays that every element of is written before anyone reads them. `new Float64Array(n)` zero-fills
 * its memory first, a whole extra pass over a large output (a fifth of the time of `pctChange` on 200,000
 * rows); Node's `Buffer.allocUnsafeSlow` hands out memory without that pass. Slow: never one of Node's shared
 * 8 KiB pool slabs, so each array owns its whole `ArrayBuffer`, aligned and of exactly its size.
 *
 * Only for code that fills every element: what is not written holds whatever the memory held before.
 */

/** A Float64Array of length n whose contents are undefined until written. */
export function uninitializedFloat64(n: number): Float64Array {
  if (n < 1024) return new Float64Array(n);
  const b = Buffer.allocUnsafeSlow(n * 8);
  return new Float64Array(b.buffer, b.byteOffset, n);
}

/**
 * Where a loop over [start, n) that handles `step` elements per iteration stops: start + a multiple of step.
 * Hot kernels do the few elements from there to n before the unrolled loop rather than after it. V8 compiles
 * a long-running loop on the stack (OSR) from the type feedback it has so far; code after the loop that has
 * never run has none, so the first call deoptimises there, and Node 20 can keep re-entering that compiled
 * code on later calls (a deoptimisation loop: measured 2-3× slower calls in the data-pipeline bench).
 */
export function unrolledEnd(start: number, n: number, step: number): number {
  return n <= start ? start : start + Math.floor((n - start) / step) * step;
}
