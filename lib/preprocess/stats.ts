/** Order statistics shared by the robust scaler, the imputer and the metrics. */

/** Quantile of sorted values with linear interpolation (NumPy's default method). */
export function quantileSorted(sorted: ArrayLike<number>, q: number): number {
  const n = sorted.length;
  if (n === 0) return NaN;
  const pos = (n - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.min(lo + 1, n - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** Quantile of unsorted values, ignoring NaN. */
export function quantile(values: ArrayLike<number>, q: number): number {
  const x = Float64Array.from(values).filter((v) => !Number.isNaN(v)).sort();
  return quantileSorted(x, q);
}
