/**
 * Regression metrics, numbers in and numbers out, with scikit-learn's definitions where it has one:
 * MSE, RMSE, MAE, MAPE (a fraction, like scikit-learn), sMAPE, MASE, R², and directional accuracy.
 */
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { checkPair } from './check';
import { checkList } from '../util/check';

/** Mean squared error. */
export function mse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair('mse', actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (actual[i] - predicted[i]) ** 2;
  return s / actual.length;
}

/** Root mean squared error, in the target's units. */
export function rmse(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  return Math.sqrt(mse(actual, predicted));
}

/** Mean absolute error. */
export function mae(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair('mae', actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += Math.abs(actual[i] - predicted[i]);
  return s / actual.length;
}

export interface MapeOptions {
  /** |actual| at or below this is refused as zero, where a percentage error is undefined. Defaults to 1e-12. */
  minAbsActual?: number;
}

/**
 * Mean absolute percentage error as a fraction (0.05 = 5%). Refuses actual values at or near zero, where the
 * percentage explodes (scikit-learn divides by machine epsilon and returns ~1e15 instead).
 */
export function mape(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: MapeOptions = {}): number {
  checkPair('mape', actual, predicted);
  const guard = options.minAbsActual ?? 1e-12;
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    if (Math.abs(actual[i]) <= guard) {
      throw new InputError(
        `mape: actual value ${actual[i]} at index ${i} is zero (or near it), where a percentage error is undefined; use mae, smape or mase instead`,
      );
    }
    s += Math.abs((actual[i] - predicted[i]) / actual[i]);
  }
  return s / actual.length;
}

/** Symmetric MAPE as a fraction in [0, 2]: mean of 2|F − A| / (|A| + |F|), 0 where both are 0. */
export function smape(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair('smape', actual, predicted);
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const d = Math.abs(actual[i]) + Math.abs(predicted[i]);
    s += d === 0 ? 0 : (2 * Math.abs(predicted[i] - actual[i])) / d;
  }
  return s / actual.length;
}

export interface MaseOptions {
  /** Season of the naive forecast that scales the error (12 for monthly data with a yearly cycle). Defaults to 1: persistence. */
  season?: number;
}

/**
 * Mean absolute scaled error (Hyndman & Koehler): the MAE divided by the in-sample MAE of the seasonal naive
 * forecast on the training series. Below 1 beats the naive forecast.
 */
export function mase(actual: ArrayLike<number>, predicted: ArrayLike<number>, train: ArrayLike<number>, options: MaseOptions = {}): number {
  checkList('mase: actual', actual);
  const m = checkPositiveInt('season', options.season ?? 1);
  if (train.length <= m) throw new InputError(`mase needs a training series longer than the season (${m}), got ${train.length} values`);
  let s = 0;
  for (let t = m; t < train.length; t++) s += Math.abs(train[t] - train[t - m]);
  const scale = s / (train.length - m);
  if (scale === 0) throw new InputError('mase: the training series is constant, so the naive forecast has zero error and the scale is undefined');
  return mae(actual, predicted) / scale;
}

/** Coefficient of determination, scikit-learn's r2_score (1 for a perfect fit, 0 for predicting the mean). */
export function r2(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair('r2', actual, predicted);
  let mean = 0;
  for (let i = 0; i < actual.length; i++) mean += actual[i];
  mean /= actual.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < actual.length; i++) {
    ssRes += (actual[i] - predicted[i]) ** 2;
    ssTot += (actual[i] - mean) ** 2;
  }
  // scikit-learn: a constant target scores 1 if predicted exactly, else 0.
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/**
 * Share of steps whose predicted change has the same sign as the actual change, both measured from the
 * previous actual value (the information available when forecasting). Steps with no actual change are skipped.
 */
export function directionalAccuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>, previous?: ArrayLike<number>): number {
  checkPair('directionalAccuracy', actual, predicted);
  let hits = 0;
  let n = 0;
  const start = previous ? 0 : 1;
  for (let i = start; i < actual.length; i++) {
    const base = previous ? previous[i] : actual[i - 1];
    const da = actual[i] - base;
    if (da === 0) continue;
    n++;
    if (Math.sign(predicted[i] - base) === Math.sign(da)) hits++;
  }
  if (n === 0) throw new InputError('directionalAccuracy: the actual series never changes, so no direction can be scored');
  return hits / n;
}
