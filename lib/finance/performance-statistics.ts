/**
 * Performance statistics of a return series (simple, non-cumulative returns), one definition each, as
 * empyrical-reloaded defines them (`periodsPerYear` = its `annualization`; risk-free rate 0):
 * - annualReturn: compound annual growth, (Π(1 + r))^(periods / n) − 1;
 * - annualVolatility: standard deviation (n − 1) × √periods;
 * - sharpeRatio: mean / standard deviation (n − 1) × √periods — arithmetic, so it can be positive while the
 *   compounded return is negative (volatility drag);
 * - downsideRisk: √mean(min(r, 0)²) × √periods; sortinoRatio: mean × periods / downsideRisk;
 * - maxDrawdown: the deepest fall of the compounded value from its running peak, measured from the first
 *   period's value (empyrical's convention: a loss in the very first period is not a drawdown);
 * - calmarRatio: annualReturn / |maxDrawdown|; omegaRatio: Σ gains / Σ |losses| (threshold 0);
 * - against a benchmark b: beta = cov(r, b) / var(b) (population moments), alpha = (1 + mean(r − beta·b))^periods − 1,
 *   upCapture / downCapture = annualReturn(r) / annualReturn(b) over the periods where b rose / fell,
 *   excessSharpe = mean(r − b) / standard deviation (n − 1) of r − b (not annualised).
 */
import { InputError } from '../util/errors';
import { returnSeries } from './return-series';
import { moments } from './value-at-risk';

const series = (caller: string, r: ArrayLike<number>) => returnSeries(caller, r, 2);
const mean = (x: ArrayLike<number>) => moments(x).mean;
const sd = (x: ArrayLike<number>) => moments(x).sd;

export function annualReturn(returns: ArrayLike<number>, periodsPerYear = 252): number {
  const r = series('annualReturn', returns);
  let v = 1;
  for (const x of r) v *= 1 + x;
  return v ** (periodsPerYear / r.length) - 1;
}

export function annualVolatility(returns: ArrayLike<number>, periodsPerYear = 252): number {
  return sd(series('annualVolatility', returns)) * Math.sqrt(periodsPerYear);
}

export function sharpeRatio(returns: ArrayLike<number>, periodsPerYear = 252): number {
  const r = series('sharpeRatio', returns);
  return (mean(r) / sd(r)) * Math.sqrt(periodsPerYear);
}

export function downsideRisk(returns: ArrayLike<number>, periodsPerYear = 252): number {
  const r = series('downsideRisk', returns);
  let s = 0;
  for (const x of r) s += Math.min(x, 0) ** 2;
  return Math.sqrt(s / r.length) * Math.sqrt(periodsPerYear);
}

export function sortinoRatio(returns: ArrayLike<number>, periodsPerYear = 252): number {
  const r = series('sortinoRatio', returns);
  return (mean(r) * periodsPerYear) / downsideRisk(r, periodsPerYear);
}

export function maxDrawdown(returns: ArrayLike<number>): number {
  const r = series('maxDrawdown', returns);
  let value = 1;
  let peak = -Infinity;
  let worst = 0;
  for (const x of r) {
    value *= 1 + x;
    if (value > peak) peak = value;
    worst = Math.min(worst, value / peak - 1);
  }
  return worst;
}

export function calmarRatio(returns: ArrayLike<number>, periodsPerYear = 252): number {
  const dd = maxDrawdown(returns);
  return dd < 0 ? annualReturn(returns, periodsPerYear) / Math.abs(dd) : NaN;
}

export function omegaRatio(returns: ArrayLike<number>): number {
  const r = series('omegaRatio', returns);
  let gains = 0;
  let losses = 0;
  for (const x of r) {
    if (x > 0) gains += x;
    else losses -= x;
  }
  return losses > 0 ? gains / losses : NaN;
}

function pair(caller: string, returns: ArrayLike<number>, benchmark: ArrayLike<number>): [Float64Array, Float64Array] {
  const r = series(caller, returns);
  const b = series(`${caller} (benchmark)`, benchmark);
  if (r.length !== b.length) throw new InputError(`${caller}: ${r.length} returns but ${b.length} benchmark returns; align them by period`);
  return [r, b];
}

/** Alpha (annualised, compounded) and beta against a benchmark. */
export function alphaBeta(returns: ArrayLike<number>, benchmark: ArrayLike<number>, periodsPerYear = 252): { alpha: number; beta: number } {
  const [r, b] = pair('alphaBeta', returns, benchmark);
  const mb = mean(b);
  let cov = 0;
  let v = 0;
  for (let i = 0; i < r.length; i++) {
    cov += (b[i] - mb) * r[i];
    v += (b[i] - mb) ** 2;
  }
  const beta = cov / v;
  return { alpha: (1 + mean(Float64Array.from(r, (x, i) => x - beta * b[i]))) ** periodsPerYear - 1, beta };
}

function capture(caller: string, returns: ArrayLike<number>, benchmark: ArrayLike<number>, up: boolean, periodsPerYear: number): number {
  const [r, b] = pair(caller, returns, benchmark);
  const keep = Array.from(b.keys()).filter((i) => (up ? b[i] > 0 : b[i] < 0));
  if (keep.length < 2) return NaN;
  return (
    annualReturn(
      keep.map((i) => r[i]),
      periodsPerYear,
    ) /
    annualReturn(
      keep.map((i) => b[i]),
      periodsPerYear,
    )
  );
}

export function upCapture(returns: ArrayLike<number>, benchmark: ArrayLike<number>, periodsPerYear = 252): number {
  return capture('upCapture', returns, benchmark, true, periodsPerYear);
}

export function downCapture(returns: ArrayLike<number>, benchmark: ArrayLike<number>, periodsPerYear = 252): number {
  return capture('downCapture', returns, benchmark, false, periodsPerYear);
}

export function excessSharpe(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const [r, b] = pair('excessSharpe', returns, benchmark);
  const d = Float64Array.from(r, (x, i) => x - b[i]);
  return mean(d) / sd(d);
}
