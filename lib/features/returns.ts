/** Returns and volatility of a price series, backward-looking: pandas' `pct_change`, log returns, rolling volatility. */
import { checkPositiveInt } from '../util/check';
import { InputError } from '../util/errors';
import { rollingStd } from './rolling';
import { uninitializedFloat64 } from '../util/alloc';
import { pctChangeInto } from '../kernels/elementwise';
import { checkList } from '../util/check';

/** Simple return over k rows: x[t] / x[t-k] - 1 (pandas `pct_change(k)`). */
export function pctChange(x: ArrayLike<number>, k = 1): Float64Array {
  checkList('pctChange: x', x);
  checkPositiveInt('k', k);
  const out = uninitializedFloat64(x.length);
  pctChangeInto(x, k, out);
  return out;
}

/**
 * Log return over k rows: ln(x[t] / x[t-k]). Prices must be positive (missing ones are NaN and give NaN): a zero
 * or negative price, which `Math.log` would turn into ±Infinity or NaN, is refused naming its row.
 */
export function logReturns(x: ArrayLike<number>, k = 1): Float64Array {
  checkList('logReturns: x', x);
  checkPositiveInt('k', k);
  for (let t = 0; t < x.length; t++) {
    if (x[t] <= 0 || x[t] === Infinity) {
      throw new InputError(
        `log returns need positive prices, but row ${t} holds ${x[t]}; use pctChange for a series that can reach zero or below (yields, spreads)`,
      );
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
  checkList('volatility: prices', prices);
  const factor = Math.sqrt(options.periodsPerYear ?? 252);
  return rollingStd(logReturns(prices), options.window ?? 20).map((v) => v * factor);
}
