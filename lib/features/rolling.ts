/**
 * Trailing-window statistics with pandas' `rolling(window)` semantics: the value at row t uses rows
 * t-window+1..t only (past rows), and is NaN until `minPeriods` valid values are in the window.
 */
import { checkPositiveInt } from '../util/check';

export interface RollingOptions {
  /** Valid values needed for a result. Defaults to the window length (pandas' default). */
  minPeriods?: number;
}

type Reducer = (values: Float64Array, start: number, end: number) => number;

function rolling(x: ArrayLike<number>, window: number, options: RollingOptions, reduce: Reducer): Float64Array {
  checkPositiveInt('window', window);
  const minPeriods = checkPositiveInt('minPeriods', options.minPeriods ?? window);
  const values = Float64Array.from(x);
  const out = new Float64Array(values.length).fill(NaN);
  let valid = 0;
  for (let t = 0; t < values.length; t++) {
    if (!Number.isNaN(values[t])) valid++;
    if (t - window >= 0 && !Number.isNaN(values[t - window])) valid--;
    if (valid >= minPeriods) out[t] = reduce(values, Math.max(0, t - window + 1), t + 1);
  }
  return out;
}

/** Trailing mean. Runs in O(n) with a running sum when the series has no NaN. */
export function rollingMean(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  const minPeriods = options.minPeriods ?? window;
  let hasNaN = false;
  for (let i = 0; i < x.length && !hasNaN; i++) hasNaN = Number.isNaN(x[i]);
  if (hasNaN || minPeriods !== window) {
    return rolling(x, window, options, (v, s, e) => {
      let sum = 0;
      let n = 0;
      for (let i = s; i < e; i++) if (!Number.isNaN(v[i])) (sum += v[i]), n++;
      return sum / n;
    });
  }
  checkPositiveInt('window', window);
  const out = new Float64Array(x.length).fill(NaN);
  let sum = 0;
  for (let t = 0; t < x.length; t++) {
    sum += x[t];
    if (t >= window) sum -= x[t - window];
    // Recompute exactly every window rows so rounding error cannot accumulate over long series.
    if (t >= window - 1 && (t + 1) % window === 0) {
      sum = 0;
      for (let i = t - window + 1; i <= t; i++) sum += x[i];
    }
    if (t >= window - 1) out[t] = sum / window;
  }
  return out;
}

/** Trailing sum. */
export function rollingSum(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rolling(x, window, options, (v, s, e) => {
    let sum = 0;
    for (let i = s; i < e; i++) if (!Number.isNaN(v[i])) sum += v[i];
    return sum;
  });
}

/** Trailing sample standard deviation (ddof = 1, pandas' default). */
export function rollingStd(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rolling(x, window, options, (v, s, e) => {
    let sum = 0;
    let n = 0;
    for (let i = s; i < e; i++) if (!Number.isNaN(v[i])) (sum += v[i]), n++;
    if (n < 2) return NaN;
    const m = sum / n;
    let ss = 0;
    for (let i = s; i < e; i++) if (!Number.isNaN(v[i])) ss += (v[i] - m) * (v[i] - m);
    return Math.sqrt(ss / (n - 1));
  });
}

/** Trailing minimum. */
export function rollingMin(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rolling(x, window, options, (v, s, e) => {
    let m = Infinity;
    for (let i = s; i < e; i++) if (v[i] < m) m = v[i];
    return m;
  });
}

/** Trailing maximum. */
export function rollingMax(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rolling(x, window, options, (v, s, e) => {
    let m = -Infinity;
    for (let i = s; i < e; i++) if (v[i] > m) m = v[i];
    return m;
  });
}
