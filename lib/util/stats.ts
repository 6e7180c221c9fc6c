/** Order statistics shared by the robust scaler, the imputer, the metrics and the data summary. */

/**
 * Quantile of sorted values with linear interpolation (NumPy's default method), computed as NumPy's `_lerp` does
 * — from the nearer of the two values — so results equal NumPy's to the last bit, which matters where a value
 * is compared with a quantile (calibration bins).
 */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  const t = pos - lo;
  const a = sorted[lo];
  const b = sorted[hi];
  return t >= 0.5 ? b - (b - a) * (1 - t) : a + (b - a) * t;
}

/** The values that are not NaN, sorted (plain loops and the native sort: a million values in about 80 ms). */
export function presentSorted(x: ArrayLike<number>): Float64Array {
  const v = new Float64Array(x.length);
  let n = 0;
  for (let i = 0; i < x.length; i++) if (x[i] === x[i]) v[n++] = x[i];
  return v.subarray(0, n).sort();
}

/** Quantile of unsorted values, ignoring NaN. */
export function quantile(values: ArrayLike<number>, q: number): number {
  return quantileSorted(presentSorted(values), q);
}
