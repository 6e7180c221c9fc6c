/**
 * `splitConformal`: prediction intervals with a coverage guarantee for any fitted regressor or forecaster. Learn
 * one number from held-out calibration rows — the conformal quantile q of their absolute errors |y − ŷ| — and every
 * later prediction gets ŷ ± q. If the calibration rows and the new rows are exchangeable (for a time series: the
 * calibration rows are the end of the training period, just before the test period, and the series does not change
 * regime), at least 1 − alpha of new values fall inside, whatever the model. With `scale` (a per-row spread such
 * as predictInterval's std), the scores are |y − ŷ| / scale and the band ŷ ± q · scale widens where the model is
 * unsure: the normalised variant.
 */
import { InputError } from '../util/errors';
import { checkPair } from './check';
import { checkAlpha, conformalQuantile } from './conformal-quantile';

export interface SplitConformalOptions {
  /** Miscoverage: 0.1 gives 90% intervals. Defaults to 0.1. */
  alpha?: number;
  /** Per-row spread of the calibration predictions (normalised scores). Defaults to none (absolute scores). */
  scale?: ArrayLike<number>;
}

export interface ConformalBand {
  lower: Float64Array;
  upper: Float64Array;
}

/** A fitted split-conformal regressor: the quantile, and `interval` for new predictions. */
export class FittedSplitConformal {
  constructor(
    /** The conformal quantile of the calibration scores. */
    readonly quantile: number,
    readonly alpha: number,
    /** Calibration rows it was learned from. */
    readonly calibrationSize: number,
    readonly normalised: boolean,
  ) {}

  /** ŷ ± q (or ŷ ± q · scale for the normalised variant, which then needs the new rows' scale). */
  interval(predicted: ArrayLike<number>, scale?: ArrayLike<number>): ConformalBand {
    if (this.normalised && !scale)
      throw new InputError("splitConformal was fitted with scale: pass the new predictions' scale too (e.g. predictInterval(...).std)");
    if (!this.normalised && scale) throw new InputError('splitConformal was fitted without scale: fit it with { scale } to get normalised intervals');
    if (scale && scale.length !== predicted.length) throw new InputError(`interval: scale has ${scale.length} values for ${predicted.length} predictions`);
    const lower = new Float64Array(predicted.length);
    const upper = new Float64Array(predicted.length);
    for (let i = 0; i < predicted.length; i++) {
      if (!Number.isFinite(predicted[i])) throw new InputError(`interval: predicted holds ${predicted[i]} at index ${i}; check the model's output`);
      const w = this.quantile * (scale ? checkScale(scale[i], i) : 1);
      lower[i] = predicted[i] - w;
      upper[i] = predicted[i] + w;
    }
    return { lower, upper };
  }
}

function checkScale(s: number, i: number): number {
  if (!(s > 0 && Number.isFinite(s)))
    throw new InputError(`splitConformal: scale holds ${s} at index ${i}; it must be a positive spread (a standard deviation)`);
  return s;
}

/**
 * Fits split-conformal intervals on calibration rows the model was not trained on.
 * @example const cp = splitConformal(calib.y, await predict(model, calib), { alpha: 0.1 }); const { lower, upper } = cp.interval(await predict(model, test));
 */
export function splitConformal(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: SplitConformalOptions = {}): FittedSplitConformal {
  checkPair('splitConformal', actual, predicted);
  const alpha = checkAlpha('splitConformal', options.alpha ?? 0.1);
  const scale = options.scale;
  if (scale && scale.length !== actual.length) throw new InputError(`splitConformal: scale has ${scale.length} values for ${actual.length} calibration rows`);
  const scores = Float64Array.from(actual, (y, i) => Math.abs(y - predicted[i]) / (scale ? checkScale(scale[i], i) : 1));
  return new FittedSplitConformal(conformalQuantile('splitConformal', scores, alpha), alpha, actual.length, !!scale);
}

/** The share of values inside [lower, upper] (ends included; an infinite end, as adaptive conformal can give, holds all). */
export function intervalCoverage(actual: ArrayLike<number>, band: ConformalBand): number {
  checkPair('intervalCoverage', actual, actual);
  if (band.lower.length !== actual.length || band.upper.length !== actual.length) {
    throw new InputError(`intervalCoverage: ${actual.length} values for a band of ${band.lower.length} lower and ${band.upper.length} upper ends`);
  }
  for (let i = 0; i < actual.length; i++) {
    if (Number.isNaN(band.lower[i]) || Number.isNaN(band.upper[i])) throw new InputError(`intervalCoverage: the band holds NaN at index ${i}`);
  }
  let inside = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] >= band.lower[i] && actual[i] <= band.upper[i]) inside++;
  return inside / actual.length;
}
