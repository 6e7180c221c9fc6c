/**
 * `backtest`: turns predictions into positions and positions into returns, net of transaction costs, next to
 * buy-and-hold. Timing: the signal at t is known at the close of t; the position it sets is held from t to
 * t+1, so the strategy's return at t+1 is position[t] × (price[t+1] / price[t] − 1) − cost × |position[t] −
 * position[t−1]|. Nothing at t depends on prices after t.
 */
import { isoDate } from '../data/iso-date';
import { InputError } from '../util/errors';
import { checkOneOf } from '../util/check';
import { textTable } from '../util/text-table';
import type { Tabular } from '../util/tabular';
import { checkList } from '../util/check';

export type PositionRule = 'long-short' | 'long-flat' | 'threshold';

export interface BacktestOptions {
  /** Dates (epoch ms) per period, for drawdown dates. */
  dates?: ArrayLike<number>;
  /** "long-short": sign of the signal; "long-flat": long when the signal > 0; "threshold": long above `threshold`, short below −threshold, else flat. Defaults to "long-flat". */
  rule?: PositionRule;
  /** For rule "threshold". Defaults to 0. */
  threshold?: number;
  /** Cost per unit of turnover, in basis points (10 = 0.1%). Defaults to 0. */
  costBps?: number;
  /** For annualising. Defaults to 252 (daily). */
  periodsPerYear?: number;
}

/** The single-object form `backtest({ prices, signal, ...options })`, kept for code written before 0.5. */
export interface BacktestInput extends BacktestOptions {
  /** Prices, one per period (closes). */
  prices: ArrayLike<number>;
  /** A forecast per period, known at that period's close. */
  signal: ArrayLike<number>;
}

export interface PerformanceStats {
  totalReturn: number;
  annualReturn: number;
  annualVolatility: number;
  sharpe: number;
  sortino: number;
  maxDrawdown: number;
  drawdownPeak?: string;
  drawdownTrough?: string;
  /** Share of invested periods with a positive return. */
  hitRate: number;
  /** Average |change of position| per period. */
  turnover: number;
  /** Share of periods with a non-zero position. */
  exposure: number;
}

export interface BacktestResult {
  /** Positions set at each period's close. */
  positions: Float64Array;
  /** Net strategy return per period (index 0 is 0: nothing is held before the first close). */
  returns: Float64Array;
  /** Growth of 1 for the strategy and for buy-and-hold. */
  equity: Float64Array;
  benchmarkEquity: Float64Array;
  strategy: PerformanceStats;
  buyAndHold: PerformanceStats;
  /** The table form (header, rows, caption), as data: `toHTML` and `show` render it. */
  tabulate(): Tabular;
  toString(): string;
}

export function positionsFrom(signal: ArrayLike<number>, rule: PositionRule, threshold = 0): Float64Array {
  checkList('positionsFrom: signal', signal);
  return Float64Array.from(signal, (s) => {
    if (rule === 'long-short') return s > 0 ? 1 : s < 0 ? -1 : 0;
    if (rule === 'long-flat') return s > 0 ? 1 : 0;
    return s > threshold ? 1 : s < -threshold ? -1 : 0;
  });
}

/** Annualised statistics of a return series (index 0 ignored) and its positions. */
export function performanceStats(
  returns: ArrayLike<number>,
  positions: ArrayLike<number>,
  periodsPerYear: number,
  dates?: ArrayLike<number>,
): PerformanceStats {
  checkList('performanceStats: returns', returns);
  const r = Array.from(returns).slice(1);
  const n = r.length;
  const mean = r.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
  const downside = Math.sqrt(r.reduce((s, v) => s + Math.min(v, 0) ** 2, 0) / n);
  let equity = 1;
  let peak = 1;
  let peakAt = 0;
  let maxDd = 0;
  let ddPeak = 0;
  let ddTrough = 0;
  for (let i = 0; i < n; i++) {
    equity *= 1 + r[i];
    if (equity > peak) {
      peak = equity;
      peakAt = i + 1;
    }
    const dd = equity / peak - 1;
    if (dd < maxDd) {
      maxDd = dd;
      ddPeak = peakAt;
      ddTrough = i + 1;
    }
  }
  let invested = 0;
  let hits = 0;
  let turnover = 0;
  for (let i = 0; i < n; i++) {
    if (positions[i] !== 0) {
      invested++;
      if (r[i] > 0) hits++;
    }
    turnover += Math.abs(positions[i] - (i > 0 ? positions[i - 1] : 0));
  }
  return {
    totalReturn: equity - 1,
    annualReturn: Math.pow(equity, periodsPerYear / n) - 1,
    annualVolatility: sd * Math.sqrt(periodsPerYear),
    sharpe: sd === 0 ? 0 : (mean / sd) * Math.sqrt(periodsPerYear),
    sortino: downside === 0 ? 0 : (mean / downside) * Math.sqrt(periodsPerYear),
    maxDrawdown: maxDd,
    drawdownPeak: dates && maxDd < 0 ? isoDate(dates[ddPeak]) : undefined,
    drawdownTrough: dates && maxDd < 0 ? isoDate(dates[ddTrough]) : undefined,
    hitRate: invested === 0 ? 0 : hits / invested,
    turnover: turnover / n,
    exposure: invested / n,
  };
}

function run(prices: ArrayLike<number>, positions: Float64Array, cost: number): Float64Array {
  const out = new Float64Array(prices.length);
  for (let t = 1; t < prices.length; t++) {
    const prev = t >= 2 ? positions[t - 2] : 0;
    out[t] = positions[t - 1] * (prices[t] / prices[t - 1] - 1) - cost * Math.abs(positions[t - 1] - prev);
  }
  return out;
}

/**
 * Backtests a signal against buy-and-hold: `prices` one per period (closes), `signal` a forecast per period known at
 * that period's close (the predicted next return, or P(up) − 0.5).
 * @example backtest(close, predictedReturn, { rule: 'long-flat', costBps: 10, dates })
 */
export function backtest(prices: ArrayLike<number>, signal: ArrayLike<number>, options?: BacktestOptions): BacktestResult;
/** @deprecated Pass the data first, as every other function takes it: `backtest(prices, signal, options)`. */
export function backtest(input: BacktestInput): BacktestResult;
export function backtest(first: ArrayLike<number> | BacktestInput, second?: ArrayLike<number>, third: BacktestOptions = {}): BacktestResult {
  const legacy = second === undefined && !!first && typeof first === 'object' && 'prices' in first;
  const options: BacktestOptions = legacy ? (first as BacktestInput) : third;
  const prices = legacy ? (first as BacktestInput).prices : (first as ArrayLike<number>);
  const signal = legacy ? (first as BacktestInput).signal : second;
  if (!prices || typeof prices.length !== 'number' || !signal || typeof signal.length !== 'number')
    throw new InputError('backtest takes the prices and the signal, one per period: backtest(prices, signal, { rule, costBps, dates })');
  if (prices.length !== signal.length) throw new InputError(`backtest: ${prices.length} prices but ${signal.length} signals; give one signal per price`);
  if (prices.length < 3) throw new InputError(`backtest needs at least 3 prices, got ${prices.length}`);
  for (let i = 0; i < prices.length; i++) {
    if (!(prices[i] > 0) || !Number.isFinite(prices[i]))
      throw new InputError(`backtest: price ${prices[i]} at index ${i} is missing or not positive; fill or drop that period first`);
    if (!Number.isFinite(signal[i])) throw new InputError(`backtest: signal ${signal[i]} at index ${i} is not a number`);
  }
  const rule = checkOneOf('rule', options.rule ?? 'long-flat', ['long-short', 'long-flat', 'threshold'] as const);
  const cost = (options.costBps ?? 0) / 10_000;
  if (!(cost >= 0)) throw new InputError(`costBps must be ≥ 0, got ${options.costBps}`);
  const ppy = options.periodsPerYear ?? 252;
  const positions = positionsFrom(signal, rule, options.threshold);
  const returns = run(prices, positions, cost);
  const hold = new Float64Array(prices.length).fill(1);
  const holdReturns = run(prices, hold, cost);
  const growth = (r: Float64Array) => {
    const e = new Float64Array(r.length);
    let v = 1;
    r.forEach((x, i) => (e[i] = v *= 1 + x));
    return e;
  };
  const strategy = performanceStats(returns, positions, ppy, options.dates);
  const buyAndHold = performanceStats(holdReturns, hold, ppy, options.dates);
  const statRows = () => (Object.keys(strategy) as (keyof PerformanceStats)[]).map((k) => [k, strategy[k] ?? '', buyAndHold[k] ?? '']);
  return {
    positions,
    returns,
    equity: growth(returns),
    benchmarkEquity: growth(holdReturns),
    strategy,
    buyAndHold,
    tabulate: () => ({
      header: ['', 'strategy', 'buy & hold'],
      rows: statRows(),
      caption: `backtest (${rule}, costs ${options.costBps ?? 0} bps per unit turnover)`,
    }),
    toString: () => textTable(['', 'strategy', 'buy & hold'], statRows()),
  };
}
