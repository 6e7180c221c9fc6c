/** Trailing order statistics (pandas' `rolling(window).median()` and `.quantile(q)`): past rows only, NaN until `minPeriods`. */
import { InputError } from '../util/errors';
import { uninitializedFloat64 } from '../util/alloc';
import { checkedMinPeriods, RollingOptions } from './rolling';

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
