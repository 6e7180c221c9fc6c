/** Returns and volatility of a price series, backward-looking: pandas' `pct_change`, log returns, rolling volatility. */
import { checkPositiveInt } from '../util/check';
import { InputError } from '../util/errors';
import { rollingStd } from './rolling';
import { uninitializedFloat64 } from '../util/alloc';
import { unrolledEnd } from '../util/unrolled-end';
import { C_HELPER_MIN_LENGTH, cHelper } from '../util/c-helper';

/** Simple return over k rows: x[t] / x[t-k] - 1 (pandas `pct_change(k)`). */
export function pctChange(x: ArrayLike<number>, k = 1): Float64Array {
  checkPositiveInt('k', k);
  const n = x.length;
  const out = uninitializedFloat64(n);
  // With the C helper, four divisions per instruction (native/elementwise.c); the same bits as the loop below.
  const helper = n >= C_HELPER_MIN_LENGTH ? cHelper() : null;
  if (helper && x instanceof Float64Array) {
    helper.pctChange(x, k, out);
    return out;
  }
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
  return out;
}

/**
 * Log return over k rows: ln(x[t] / x[t-k]). Prices must be positive (missing ones are NaN and give NaN): a zero
 * or negative price, which `Math.log` would turn into ±Infinity or NaN, is refused naming its row.
 */
export function logReturns(x: ArrayLike<number>, k = 1): Float64Array {
  checkPositiveInt('k', k);
  for (let t = 0; t < x.length; t++) {
    if (x[t] <= 0 || x[t] === Infinity) {
      throw new InputError(`log returns need positive prices, but row ${t} holds ${x[t]}; use pctChange for a series that can reach zero or below (yields, spreads)`);
    }
  }
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = k; t < x.length; t++) out[t] = Math.log(x[t] / x[t - k]);
  return out;
}

export interface VolatilityOptions {
  /** Trailing window in rows. Defaults to 20. */
  window?: number;
  /** Periods per year to annualise by (252 trading days, 12 months); 1 leaves it per period. Defaults to 252. */
  periodsPerYear?: number;
}

/** Annualised rolling volatility: trailing sample std of log returns × √periodsPerYear. */
export function volatility(prices: ArrayLike<number>, options: VolatilityOptions = {}): Float64Array {
  const factor = Math.sqrt(options.periodsPerYear ?? 252);
  return rollingStd(logReturns(prices), options.window ?? 20).map((v) => v * factor);
}
