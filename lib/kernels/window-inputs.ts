/**
 * The input half of windowing, behind the kernels door: x[w, t, f] = cols[f][s0 + w·stride + t·rate] as float32.
 * The C helper's copy (native/windows.c: the rows converted to float32 once, each window one contiguous copy) when
 * it is built, the rows are consecutive (rate 1) and the block is large enough; else the TypeScript loop, which
 * moves the overlap of consecutive windows with one copyWithin. Both give the same values
 * (test/kernels/window-inputs.test.ts).
 */
import { C_HELPER_MIN_LENGTH, cHelper } from './c-helper';

/** Fills x [count, lookback, cols.length] with the windows' input rows. */
export function windowInputsInto(cols: Float64Array[], s0: number, count: number, stride: number, lookback: number, rate: number, x: Float32Array): void {
  const helper = rate === 1 && count * lookback * cols.length >= C_HELPER_MIN_LENGTH ? cHelper() : null;
  // The helper returns false when it cannot allocate its block of float32 rows; the loop then does the work.
  if (helper !== null && helper.fillWindowInputs(cols, s0, count, stride, lookback, x)) return;
  windowInputsReference(cols, s0, count, stride, lookback, rate, x);
}

/**
 * The plain TypeScript version. Consecutive windows overlap when rate is 1 and the stride is below the lookback:
 * a window is then the previous one moved up by `stride` rows plus `stride` new rows. The loop is the whole
 * function, nothing after it: V8 compiles it on the stack (OSR) in the first call, and code after a loop that has
 * never run has no type feedback (see unrolled-end.ts).
 */
export function windowInputsReference(cols: Float64Array[], s0: number, count: number, stride: number, lookback: number, rate: number, x: Float32Array): void {
  const nf = cols.length;
  const rowSize = lookback * nf;
  const overlap = rate === 1 && stride < lookback;
  for (let w = 0; w < count; w++) {
    const s = s0 + w * stride;
    const base = w * rowSize;
    let t0 = 0;
    if (overlap && w > 0) {
      x.copyWithin(base, base - rowSize + stride * nf, base);
      t0 = lookback - stride;
    }
    for (let t = t0; t < lookback; t++) {
      const row = s + t * rate;
      const o = base + t * nf;
      for (let f = 0; f < nf; f++) x[o + f] = cols[f][row];
    }
  }
}
