/**
 * `adaptiveConformal`: conformal intervals for a stream of forecasts whose errors drift (Gibbs & Candès, 2021,
 * "Adaptive conformal inference under distribution shift"). Split conformal assumes the test period looks like the
 * calibration rows; when volatility rises, its fixed band under-covers. Here the level moves with the misses:
 * after each step the working miscoverage αₜ₊₁ = αₜ + γ(α − missₜ), so a run of misses widens the band and a run of
 * hits narrows it, and over a long stream the share of misses approaches α whatever the series does. The interval
 * for step t uses the actual values before t only (the calibration rows' errors and the steps already seen).
 */
import { InputError } from '../util/errors';
import { checkPair } from './check';
import { checkAlpha } from './conformal-quantile';
import type { ConformalBand } from './split-conformal';

export interface AdaptiveConformalOptions {
  /** Target miscoverage. Defaults to 0.1. */
  alpha?: number;
  /** Step size γ of the level's update: larger adapts faster and wobbles more. Defaults to 0.005 (the paper's). */
  gamma?: number;
  /** Past errors each step's quantile is taken over (the most recent). Defaults to all. */
  window?: number;
}

export interface AdaptiveBand extends ConformalBand {
  /** The working miscoverage αₜ used at each step. */
  alphas: Float64Array;
}

/** The k-th smallest of `sorted` with k = ⌈(n + 1)(1 − a)⌉; Infinity when k > n (a ≤ 0 or too few errors), 0 when a ≥ 1. */
function levelQuantile(sorted: Float64Array, a: number): number {
  if (a >= 1) return 0;
  const k = Math.ceil((sorted.length + 1) * (1 - a) - 1e-9);
  return k > sorted.length || k < 1 ? (k < 1 ? 0 : Infinity) : sorted[k - 1];
}

/**
 * Intervals for `predicted[t]`, each from the calibration errors and the errors of steps before t.
 * @example const band = adaptiveConformal(test.y, forecasts, { calibrationActual: cal.y, calibrationPredicted: calForecasts });
 */
export function adaptiveConformal(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: AdaptiveConformalOptions & { calibrationActual: ArrayLike<number>; calibrationPredicted: ArrayLike<number> },
): AdaptiveBand {
  checkPair('adaptiveConformal', actual, predicted);
  checkPair('adaptiveConformal (calibration)', options.calibrationActual, options.calibrationPredicted);
  const alpha = checkAlpha('adaptiveConformal', options.alpha ?? 0.1);
  const gamma = options.gamma ?? 0.005;
  if (!(gamma > 0 && gamma < 1)) throw new InputError(`adaptiveConformal: gamma must be in (0, 1), got ${gamma}`);
  const window = options.window ?? Infinity;
  if (!(window >= 1)) throw new InputError(`adaptiveConformal: window must be ≥ 1 past errors, got ${window}`);
  const errors: number[] = Array.from(options.calibrationActual, (y, i) => Math.abs(y - options.calibrationPredicted[i]));
  const n = actual.length;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const alphas = new Float64Array(n);
  let a = alpha;
  for (let t = 0; t < n; t++) {
    const recent = Float64Array.from(errors.length > window ? errors.slice(errors.length - window) : errors).sort();
    const w = levelQuantile(recent, a);
    alphas[t] = a;
    lower[t] = predicted[t] - w;
    upper[t] = predicted[t] + w;
    const miss = actual[t] < lower[t] || actual[t] > upper[t] ? 1 : 0;
    a += gamma * (alpha - miss);
    errors.push(Math.abs(actual[t] - predicted[t]));
  }
  return { lower, upper, alphas };
}
