/**
 * Trailing-window statistics with pandas' `rolling(window)` semantics: the value at row t uses rows
 * t-window+1..t only (past rows), and is NaN until `minPeriods` valid values are in the window.
 */
import { checkPositiveInt } from '../util/check';
import { uninitializedFloat64 } from '../util/alloc';

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

/**
 * Trailing sum over the valid values of each window, in one O(n) pass: values enter and leave a running sum
 * with Kahan compensation (as pandas' rolling sum and mean do), so rounding error does not build up along a
 * long series. `divide` gives the mean.
 */
function runningSum(x: ArrayLike<number>, window: number, options: RollingOptions, divide: boolean): Float64Array {
  checkPositiveInt('window', window);
  const minPeriods = checkPositiveInt('minPeriods', options.minPeriods ?? window);
  const n = x.length;
  const out = uninitializedFloat64(n);
  let sum = 0;
  let carry = 0; // Kahan compensation: the low-order part lost from sum so far
  let valid = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (v === v) {
      const y = v - carry;
      const s = sum + y;
      carry = s - sum - y;
      sum = s;
      valid++;
    }
    if (t >= window) {
      const old = x[t - window];
      if (old === old) {
        const y = -old - carry;
        const s = sum + y;
        carry = s - sum - y;
        sum = s;
        valid--;
      }
    }
    if (valid === 0) {
      sum = 0; // an empty window starts clean
      carry = 0;
    }
    out[t] = valid >= minPeriods ? (divide ? sum / valid : sum) : NaN;
  }
  return out;
}

/** Trailing mean. */
export function rollingMean(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return runningSum(x, window, options, true);
}

/** Trailing sum. */
export function rollingSum(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return runningSum(x, window, options, false);
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
