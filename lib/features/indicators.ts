/**
 * Technical indicators on a price series, each backward-looking: `rsi` (Wilder), `macd`, `bollingerBands`.
 * Definitions follow the usual pandas recipes, so values can be checked against pandas.
 */
import { checkPositiveInt } from '../util/check';
import { ewm } from './ewm';
import { diff } from './lag';
import { rollingMean, rollingStd } from './rolling';
import { checkList } from '../util/check';

/**
 * Relative strength index: 100 - 100 / (1 + avgGain / avgLoss), averages by Wilder's smoothing
 * (pandas: `ewm(alpha = 1/period, adjust = False, min_periods = period)` of gains and losses).
 */
export function rsi(prices: ArrayLike<number>, period = 14): Float64Array {
  checkList('rsi: prices', prices);
  checkPositiveInt('period', period);
  const d = diff(prices);
  const gain = d.map((v) => (Number.isNaN(v) ? NaN : Math.max(v, 0)));
  const loss = d.map((v) => (Number.isNaN(v) ? NaN : Math.max(-v, 0)));
  const g = ewm(gain, { alpha: 1 / period, adjust: false, minPeriods: period });
  const l = ewm(loss, { alpha: 1 / period, adjust: false, minPeriods: period });
  return g.map((gv, i) => (Number.isNaN(gv) ? NaN : l[i] === 0 ? 100 : 100 - 100 / (1 + gv / l[i])));
}

export interface MacdOptions {
  /** Fast EMA span. Defaults to 12. */
  fast?: number;
  /** Slow EMA span. Defaults to 26. */
  slow?: number;
  /** Signal EMA span. Defaults to 9. */
  signal?: number;
}

/** MACD line (EMA fast − EMA slow, `adjust: false`), its signal EMA, and the histogram. */
export function macd(prices: ArrayLike<number>, options: MacdOptions = {}): { macd: Float64Array; signal: Float64Array; histogram: Float64Array } {
  checkList('macd: prices', prices);
  const fast = ewm(prices, { span: options.fast ?? 12, adjust: false });
  const slow = ewm(prices, { span: options.slow ?? 26, adjust: false });
  const line = fast.map((v, i) => v - slow[i]);
  const signal = ewm(line, { span: options.signal ?? 9, adjust: false });
  return { macd: line, signal, histogram: line.map((v, i) => v - signal[i]) };
}

export interface BollingerOptions {
  /** Trailing window. Defaults to 20. */
  window?: number;
  /** Band width in standard deviations (sample std, ddof = 1). Defaults to 2. */
  k?: number;
}

/** Bollinger bands: trailing mean ± k trailing standard deviations. */
export function bollingerBands(prices: ArrayLike<number>, options: BollingerOptions = {}): { middle: Float64Array; upper: Float64Array; lower: Float64Array } {
  checkList('bollingerBands: prices', prices);
  const window = options.window ?? 20;
  const k = options.k ?? 2;
  const middle = rollingMean(prices, window);
  const sd = rollingStd(prices, window);
  return { middle, upper: middle.map((m, i) => m + k * sd[i]), lower: middle.map((m, i) => m - k * sd[i]) };
}
