/**
 * Trailing-window statistics with pandas' `rolling(window)` semantics: the value at row t uses rows
 * t-window+1..t only (past rows), and is NaN until `minPeriods` valid values are in the window. pandas'
 * `expanding()` is a window as long as the series: `rollingMean(x, x.length, { minPeriods: 1 })`.
 */
import { checkAligned, checkPositiveInt } from '../util/check';
import { InputError } from '../util/errors';
import { uninitializedFloat64 } from '../util/alloc';

export interface RollingOptions {
  /** Valid values needed for a result. Defaults to the window length (pandas' default). */
  minPeriods?: number;
}

/** Checks `window` and returns `minPeriods` (the window length unless given). */
function checkedMinPeriods(window: number, options: RollingOptions): number {
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

/**
 * The window's valid values kept sorted as rows enter and leave (binary search, then a shift: O(window) per row),
 * and `pick` reading the statistic from them once `minPeriods` are there.
 */
function rollingOrder(x: ArrayLike<number>, window: number, options: RollingOptions, pick: (sorted: Float64Array, count: number) => number): Float64Array {
  const minPeriods = checkedMinPeriods(window, options);
  const n = x.length;
  const out = uninitializedFloat64(n);
  const sorted = new Float64Array(window);
  let count = 0;
  const position = (v: number) => {
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < v) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  for (let t = 0; t < n; t++) {
    if (t >= window) {
      const old = x[t - window];
      if (old === old) {
        const at = position(old);
        sorted.copyWithin(at, at + 1, count);
        count--;
      }
    }
    const v = x[t];
    if (v === v) {
      const at = position(v);
      sorted.copyWithin(at + 1, at, count);
      sorted[at] = v;
      count++;
    }
    out[t] = count >= minPeriods && count > 0 ? pick(sorted, count) : NaN;
  }
  return out;
}

/** Trailing median of the valid values (the mean of the middle two for an even count), as pandas' `rolling().median()`. */
export function rollingMedian(x: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  return rollingOrder(x, window, options, (s, k) => (k % 2 ? s[(k - 1) / 2] : (s[k / 2 - 1] + s[k / 2]) / 2));
}

/**
 * Trailing quantile q (0–1) of the valid values, interpolated linearly between the two nearest as pandas'
 * `rolling().quantile(q)`: at position q·(count − 1) of the sorted window.
 */
export function rollingQuantile(x: ArrayLike<number>, window: number, q: number, options: RollingOptions = {}): Float64Array {
  if (!(q >= 0 && q <= 1)) throw new InputError(`rollingQuantile: q ${q} is not between 0 and 1; e.g. 0.25 for the lower quartile`);
  return rollingOrder(x, window, options, (s, k) => {
    const at = q * (k - 1);
    const lower = Math.floor(at);
    return at === lower ? s[lower] : s[lower] + (s[lower + 1] - s[lower]) * (at - lower);
  });
}

/**
 * Trailing co-moments of the rows where both series have a value (pandas pairs them so): the count, the sum of
 * products of deviations and each series' sum of squared deviations, kept by Welford's updates as pairs enter and
 * leave the window, as `rollingStd` keeps one series'. `constant` says whether either series holds one value
 * across the window (its squared deviations are then rounding residue, not spread).
 */
function rollingComoments(
  x: ArrayLike<number>,
  y: ArrayLike<number>,
  window: number,
  options: RollingOptions,
  what: string,
  emit: (t: number, n: number, cxy: number, cxx: number, cyy: number, constant: boolean) => void,
): void {
  checkAligned(what, x, y);
  const minPeriods = checkedMinPeriods(window, options);
  let n = 0;
  let mx = 0;
  let my = 0;
  let cxy = 0;
  let cxx = 0;
  let cyy = 0;
  let lastX = NaN;
  let lastY = NaN;
  let sameX = 0;
  let sameY = 0;
  for (let t = 0; t < x.length; t++) {
    const a = x[t];
    const b = y[t];
    if (a === a && b === b) {
      n++;
      const dx = a - mx;
      const dy = b - my;
      mx += dx / n;
      my += dy / n;
      cxy += dx * (b - my);
      cxx += dx * (a - mx);
      cyy += dy * (b - my);
      sameX = a === lastX ? sameX + 1 : 1;
      sameY = b === lastY ? sameY + 1 : 1;
      lastX = a;
      lastY = b;
    }
    if (t >= window) {
      const a0 = x[t - window];
      const b0 = y[t - window];
      if (a0 === a0 && b0 === b0) {
        n--;
        if (n === 0) {
          mx = my = cxy = cxx = cyy = 0;
        } else {
          const dx = a0 - mx;
          const dy = b0 - my;
          mx -= dx / n;
          my -= dy / n;
          cxy -= dx * (b0 - my);
          cxx -= dx * (a0 - mx);
          cyy -= dy * (b0 - my);
        }
      }
    }
    if ((t + 1) % window === 0 && n > 0) {
      // Removing values leaves rounding residue that adds up along a long series (a window of 2 drifted to a
      // correlation of 1.0000000023): once per window length the sums are recomputed from the window's rows, two
      // passes as NumPy would, which keeps the whole pass O(n).
      let sx = 0;
      let sy = 0;
      for (let r = t - window + 1; r <= t; r++)
        if (x[r] === x[r] && y[r] === y[r]) {
          sx += x[r];
          sy += y[r];
        }
      mx = sx / n;
      my = sy / n;
      cxy = cxx = cyy = 0;
      for (let r = t - window + 1; r <= t; r++) {
        if (!(x[r] === x[r] && y[r] === y[r])) continue;
        const dx = x[r] - mx;
        const dy = y[r] - my;
        cxy += dx * dy;
        cxx += dx * dx;
        cyy += dy * dy;
      }
    }
    emit(t, n >= minPeriods ? n : 0, cxy, cxx, cyy, sameX >= n || sameY >= n);
  }
}

/** Trailing sample covariance (ddof = 1) of the rows where both series have a value, as pandas' `x.rolling(window).cov(y)`. */
export function rollingCov(x: ArrayLike<number>, y: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  const out = uninitializedFloat64(x.length);
  rollingComoments(x, y, window, options, 'rollingCov', (t, n, cxy, _cxx, _cyy, constant) => {
    out[t] = n >= 2 ? (constant ? 0 : cxy / (n - 1)) : NaN;
  });
  return out;
}

/**
 * Trailing Pearson correlation of the rows where both series have a value, as pandas' `x.rolling(window).corr(y)`.
 * A window where either series is constant has no correlation: NaN.
 */
export function rollingCorr(x: ArrayLike<number>, y: ArrayLike<number>, window: number, options: RollingOptions = {}): Float64Array {
  const out = uninitializedFloat64(x.length);
  rollingComoments(x, y, window, options, 'rollingCorr', (t, n, cxy, cxx, cyy, constant) => {
    out[t] = n >= 2 && !constant ? Math.max(-1, Math.min(1, cxy / Math.sqrt(cxx * cyy))) : NaN;
  });
  return out;
}
