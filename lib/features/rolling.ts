/**
 * Trailing-window statistics with pandas' `rolling(window)` semantics: the value at row t uses rows
 * t-window+1..t only (past rows), and is NaN until `minPeriods` valid values are in the window. pandas'
 * `expanding()` is a window as long as the series: `rollingMean(x, x.length, { minPeriods: 1 })`. Order
 * statistics are in rolling-quantile.ts, two-series ones in rolling-pairs.ts.
 */
import { checkPositiveInt } from '../util/check';
import { InputError } from '../util/errors';
import { uninitializedFloat64 } from '../util/alloc';

export interface RollingOptions {
  /** Valid values needed for a result. Defaults to the window length (pandas' default). */
  minPeriods?: number;
}

/** Checks `window` and returns `minPeriods` (the window length unless given). */
export function checkedMinPeriods(window: number, options: RollingOptions): number {
  checkPositiveInt('window', window);
  const minPeriods = checkPositiveInt('minPeriods', options.minPeriods ?? window);
  // A window never holds more than `window` values: the feature would be NaN on every row.
  if (minPeriods > window)
    throw new InputError(`minPeriods ${minPeriods} is more than the window of ${window} rows, so every value would be NaN; use minPeriods ≤ ${window}`);
  return minPeriods;
}

/**
 * Trailing sum over the valid values of each window, in one O(n) pass: values enter and leave a running sum
 * with Kahan compensation (as pandas' rolling sum and mean do), so rounding error does not build up along a
 * long series. `divide` gives the mean.
 */
function runningSum(x: ArrayLike<number>, window: number, options: RollingOptions, divide: boolean): Float64Array {
  const minPeriods = checkedMinPeriods(window, options);
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

/**
 * Trailing sample standard deviation (ddof = 1, pandas' default), in one O(n) pass: Welford's running mean and
 * sum of squared deviations, with values added as they enter the window and removed as they leave (as pandas'
 * rolling var does). Removing values leaves rounding residue (1e-8 for a window of equal prices after
 * different ones), so, as pandas does, a window whose values are all the last value added is exactly 0.
 */
export function rollingStd(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  const minPeriods = checkedMinPeriods(window, options);
  const n = x.length;
  const out = uninitializedFloat64(n);
  let valid = 0;
  let mean = 0;
  let ss = 0; // sum of squared deviations from the mean
  let last = NaN;
  let same = 0; // valid values added in a row equal to `last`
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (v === v) {
      valid++;
      const d = v - mean;
      mean += d / valid;
      ss += d * (v - mean);
      if (v === last) same++;
      else {
        last = v;
        same = 1;
      }
    }
    if (t >= window) {
      const old = x[t - window];
      if (old === old) {
        valid--;
        if (valid === 0) {
          mean = 0;
          ss = 0;
        } else {
          const d = old - mean;
          mean -= d / valid;
          ss -= d * (old - mean);
        }
      }
    }
    out[t] = valid >= minPeriods && valid >= 2 ? (same >= valid ? 0 : Math.sqrt(Math.max(ss, 0) / (valid - 1))) : NaN;
  }
  return out;
}

/**
 * Trailing minimum (or maximum), O(n): a queue of the rows that can still become the window's extreme, each
 * value better than the ones behind it; the front is the answer. Missing values are skipped, as pandas does.
 */
function rollingExtreme(x: ArrayLike<number>, window: number, options: RollingOptions, max: boolean): Float64Array {
  const minPeriods = checkedMinPeriods(window, options);
  const n = x.length;
  const out = uninitializedFloat64(n);
  const queue = new Int32Array(n); // row indices; live part is queue[head..tail)
  let head = 0;
  let tail = 0;
  let valid = 0;
  for (let t = 0; t < n; t++) {
    const v = x[t];
    if (v === v) {
      valid++;
      while (tail > head && (max ? x[queue[tail - 1]] <= v : x[queue[tail - 1]] >= v)) tail--;
      queue[tail++] = t;
    }
    if (t >= window) {
      if (x[t - window] === x[t - window]) valid--;
      if (tail > head && queue[head] <= t - window) head++;
    }
    out[t] = valid >= minPeriods && tail > head ? x[queue[head]] : NaN;
  }
  return out;
}

/** Trailing minimum. */
export function rollingMin(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rollingExtreme(x, window, options, false);
}

/** Trailing maximum. */
export function rollingMax(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rollingExtreme(x, window, options, true);
}
