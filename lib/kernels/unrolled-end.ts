/**
 * Where a loop over [start, n) that handles `step` elements per iteration stops: start + a multiple of step.
 * Hot kernels do the few elements from there to n before the unrolled loop rather than after it. V8 compiles
 * a long-running loop on the stack (OSR) from the type feedback it has so far; code after the loop that has
 * never run has none, so the first call deoptimises there, and Node 20 can keep re-entering that compiled
 * code on later calls. `node --trace-deopt` over two passes of the data-pipeline bench's steps: 13 such
 * deoptimisations in pctChange and 8 in the scaler's transform with the leftover loop after, none with it before.
 */
export function unrolledEnd(start: number, n: number, step: number): number {
  return n <= start ? start : start + Math.floor((n - start) / step) * step;
}
