/**
 * Is a Sharpe ratio skill or luck? (Bailey & López de Prado 2012, 2014)
 * - `probabilisticSharpe`: the probability that the true (per-period) Sharpe ratio exceeds `benchmark`, given the
 *   sample's length, skewness γ₃ and kurtosis γ₄ (non-excess):
 *   PSR = Φ((SR − SR*) √(n − 1) / √(1 − γ₃ SR + (γ₄ − 1)/4 · SR²));
 * - `deflatedSharpe`: PSR against the Sharpe ratio the best of `trials` skill-less strategies would show by chance,
 *   SR* = √V · ((1 − γ) Φ⁻¹(1 − 1/N) + γ Φ⁻¹(1 − 1/(N e))), γ the Euler–Mascheroni constant, V the variance of the
 *   trials' Sharpe ratios — the correction for having searched N strategies (or model settings) before picking one.
 * Sharpe ratios here are per period (not annualised), as in the papers.
 */
import { InputError } from '../util/errors';
import { returnSeries } from './return-series';
import { normalCdf, normalQuantile } from '../util/distributions';
import { moments } from './value-at-risk';

export interface ProbabilisticSharpeResult {
  /** Per-period Sharpe ratio of the sample. */
  sharpe: number;
  /** The Sharpe ratio it is tested against (per period). */
  benchmark: number;
  /** Probability that the true Sharpe ratio exceeds the benchmark. */
  probability: number;
}

export interface ProbabilisticSharpeOptions {
  /** The per-period Sharpe ratio to beat. Defaults to 0. */
  benchmark?: number;
}

function sample(caller: string, returns: ArrayLike<number>): { sr: number; n: number; skew: number; kurt: number } {
  const m = moments(returnSeries(caller, returns, 3));
  if (!(m.sd > 0)) throw new InputError(`${caller}: the returns do not vary, so they have no Sharpe ratio`);
  return { sr: m.mean / m.sd, n: returns.length, skew: m.skew, kurt: m.kurt + 3 };
}

/**
 * @example probabilisticSharpe(strategyReturns).probability  // 0.97: a 97 % chance the true Sharpe is above 0
 */
export function probabilisticSharpe(returns: ArrayLike<number>, options: ProbabilisticSharpeOptions = {}): ProbabilisticSharpeResult {
  const { sr, n, skew, kurt } = sample('probabilisticSharpe', returns);
  const benchmark = options.benchmark ?? 0;
  const z = ((sr - benchmark) * Math.sqrt(n - 1)) / Math.sqrt(1 - skew * sr + ((kurt - 1) / 4) * sr * sr);
  return { sharpe: sr, benchmark, probability: normalCdf(z) };
}

export interface DeflatedSharpeOptions {
  /** Number of strategies or settings tried before this one was picked. */
  trials: number;
  /** Variance of the (per-period) Sharpe ratios of those trials. */
  trialSharpeVariance: number;
}

const EULER_GAMMA = 0.5772156649015329;

/** The expected maximum Sharpe ratio of `trials` skill-less strategies whose Sharpe ratios have this variance. */
export function expectedMaxSharpe(trials: number, variance: number): number {
  if (!(Number.isInteger(trials) && trials >= 2)) throw new InputError(`trials must be a whole number ≥ 2 (one trial needs no deflation), got ${trials}`);
  if (!(variance >= 0)) throw new InputError(`trialSharpeVariance must be ≥ 0, got ${variance}`);
  return Math.sqrt(variance) * ((1 - EULER_GAMMA) * normalQuantile(1 - 1 / trials) + EULER_GAMMA * normalQuantile(1 - 1 / (trials * Math.E)));
}

/**
 * @example deflatedSharpe(best.returns, { trials: search.trials.length, trialSharpeVariance: v }).probability
 */
export function deflatedSharpe(returns: ArrayLike<number>, options: DeflatedSharpeOptions): ProbabilisticSharpeResult {
  if (!options || typeof options !== 'object') throw new InputError('deflatedSharpe needs { trials, trialSharpeVariance }');
  return probabilisticSharpe(returns, { benchmark: expectedMaxSharpe(options.trials, options.trialSharpeVariance) });
}
