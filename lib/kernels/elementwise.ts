/**
 * The elementwise loops of returns and the scalers, behind one door: the C helper's (native/elementwise.c, four
 * values per instruction) when it is built and the column is long enough, else these TypeScript loops. Both give
 * the same bits (test/kernels/c-helper.test.ts), so callers never branch on which ran.
 */
import { C_HELPER_MIN_LENGTH, cHelper } from './c-helper';
import { unrolledEnd } from './unrolled-end';

function helperFor(x: ArrayLike<number>) {
  return x.length >= C_HELPER_MIN_LENGTH && x instanceof Float64Array ? cHelper() : null;
}

/** out[t] = x[t] / x[t - k] - 1, NaN for t < k (pandas' pct_change). */
export function pctChangeInto(x: ArrayLike<number>, k: number, out: Float64Array): void {
  const helper = helperFor(x);
  if (helper) return helper.pctChange(x as Float64Array, k, out);
  const n = x.length;
  for (let t = 0; t < k && t < n; t++) out[t] = NaN;
  // Four rows per iteration (V8 does not vectorise; unrolled runs markedly faster). The rows left over are
  // done first, so nothing but the return follows the hot loop (see unrolledEnd).
  const end = unrolledEnd(k, n, 4);
  for (let t = end; t < n; t++) out[t] = x[t] / x[t - k] - 1;
  for (let t = k; t < end; t += 4) {
    out[t] = x[t] / x[t - k] - 1;
    out[t + 1] = x[t + 1] / x[t + 1 - k] - 1;
    out[t + 2] = x[t + 2] / x[t + 2 - k] - 1;
    out[t + 3] = x[t + 3] / x[t + 3 - k] - 1;
  }
}

/** out[i] = x[i] * mul + add (two roundings, never fused). Eight rows per iteration: 2.1× faster than one in V8. */
export function multiplyAddInto(x: ArrayLike<number>, mul: number, add: number, out: Float64Array): void {
  const helper = helperFor(x);
  if (helper) return helper.multiplyAdd(x as Float64Array, mul, add, out);
  const n = x.length;
  const end = unrolledEnd(0, n, 8); // the leftover rows first: see unrolledEnd
  for (let i = end; i < n; i++) out[i] = x[i] * mul + add;
  for (let i = 0; i < end; i += 8) {
    out[i] = x[i] * mul + add;
    out[i + 1] = x[i + 1] * mul + add;
    out[i + 2] = x[i + 2] * mul + add;
    out[i + 3] = x[i + 3] * mul + add;
    out[i + 4] = x[i + 4] * mul + add;
    out[i + 5] = x[i + 5] * mul + add;
    out[i + 6] = x[i + 6] * mul + add;
    out[i + 7] = x[i + 7] * mul + add;
  }
}

/** out[i] = (x[i] - offset) / divisor + shift. */
export function subtractDivideAddInto(x: ArrayLike<number>, offset: number, divisor: number, shift: number, out: Float64Array): void {
  const helper = helperFor(x);
  if (helper) return helper.subtractDivideAdd(x as Float64Array, offset, divisor, shift, out);
  const n = x.length;
  const end = unrolledEnd(0, n, 4);
  for (let i = end; i < n; i++) out[i] = (x[i] - offset) / divisor + shift;
  for (let i = 0; i < end; i += 4) {
    out[i] = (x[i] - offset) / divisor + shift;
    out[i + 1] = (x[i + 1] - offset) / divisor + shift;
    out[i + 2] = (x[i + 2] - offset) / divisor + shift;
    out[i + 3] = (x[i + 3] - offset) / divisor + shift;
  }
}
