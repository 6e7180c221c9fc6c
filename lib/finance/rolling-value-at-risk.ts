/**
 * `rollingValueAtRisk`: a VaR forecast for every period from the `window` periods before it only — the forecast
 * for period t never sees t's return — and `exceedances`, the periods whose loss passed its forecast, for the
 * Kupiec and Christoffersen backtests.
 */
import { InputError } from '../util/errors';
import { checkList, checkPositiveInt } from '../util/check';
import { valueAtRisk, expectedShortfall, type RiskOptions } from './value-at-risk';

export interface RollingRiskOptions extends RiskOptions {
  /** Past periods each forecast is estimated from. Defaults to 250 (a trading year). */
  window?: number;
  /** Also forecast the expected shortfall. Defaults to false. */
  shortfall?: boolean;
}

/**
 * VaR (and optionally expected shortfall) forecasts, NaN for the first `window` periods, which have no full past.
 * @example const { valueAtRisk: v } = rollingValueAtRisk(r, { window: 500, level: 0.99 }); kupiecTest(exceedances(r, v), { level: 0.99 })
 */
export function rollingValueAtRisk(
  returns: ArrayLike<number>,
  options: RollingRiskOptions = {},
): { valueAtRisk: Float64Array; expectedShortfall?: Float64Array } {
  checkList('rollingValueAtRisk: returns', returns);
  const window = checkPositiveInt('window', options.window ?? 250, 2);
  const r = Float64Array.from(returns);
  if (r.length <= window)
    throw new InputError(`rollingValueAtRisk: ${r.length} returns leave no period after a window of ${window}; use a shorter window or more data`);
  const v = new Float64Array(r.length).fill(NaN);
  const es = options.shortfall ? new Float64Array(r.length).fill(NaN) : undefined;
  for (let t = window; t < r.length; t++) {
    const past = r.subarray(t - window, t); // periods t - window … t - 1: never t itself
    v[t] = valueAtRisk(past, options);
    if (es) es[t] = expectedShortfall(past, options);
  }
  return es ? { valueAtRisk: v, expectedShortfall: es } : { valueAtRisk: v };
}

/** 1 where the loss (−return) passed its VaR forecast, 0 where not; periods without a forecast (NaN) are left out. */
export function exceedances(returns: ArrayLike<number>, forecasts: ArrayLike<number>): Uint8Array {
  checkList('exceedances: returns', returns);
  checkList('exceedances: forecasts', forecasts);
  if (returns.length !== forecasts.length)
    throw new InputError(`exceedances: ${returns.length} returns but ${forecasts.length} forecasts; give one forecast per period`);
  const out: number[] = [];
  for (let i = 0; i < returns.length; i++) if (!Number.isNaN(forecasts[i])) out.push(-returns[i] > forecasts[i] ? 1 : 0);
  return Uint8Array.from(out);
}
