/**
 * Honest baselines, each using only information available at forecast time: persistence (last value),
 * seasonal naive, moving average, drift, and the majority class. Forecasts are for `targetRows` of a full
 * series (as `makeWindows` reports them), made `horizon` rows ahead.
 */
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { checkList } from '../util/check';

export interface ForecastBaselineOptions {
  /** Rows between the last observed value and the target. Defaults to 1. */
  horizon?: number;
}

function lastKnown(row: number, horizon: number, what: string): number {
  const last = row - horizon;
  if (last < 0) throw new InputError(`${what}: target row ${row} has no observation ${horizon} row(s) before it`);
  return last;
}

/** Persistence: the forecast is the last observed value. */
export function persistenceForecast(series: ArrayLike<number>, targetRows: ArrayLike<number>, options: ForecastBaselineOptions = {}): Float64Array {
  checkList('persistenceForecast: series', series);
  const h = checkPositiveInt('horizon', options.horizon ?? 1);
  return Float64Array.from(targetRows, (r) => series[lastKnown(r, h, 'persistenceForecast')]);
}

/** Seasonal naive: the value one season earlier (the latest such value known at forecast time). */
export function seasonalNaiveForecast(
  series: ArrayLike<number>,
  targetRows: ArrayLike<number>,
  options: ForecastBaselineOptions & { season: number },
): Float64Array {
  checkList('seasonalNaiveForecast: series', series);
  const h = checkPositiveInt('horizon', options.horizon ?? 1);
  const m = checkPositiveInt('season', options.season);
  const back = m * Math.ceil(h / m);
  return Float64Array.from(targetRows, (r) => series[lastKnown(r, back, 'seasonalNaiveForecast')]);
}

/** Moving average of the last `window` observed values. */
export function movingAverageForecast(
  series: ArrayLike<number>,
  targetRows: ArrayLike<number>,
  options: ForecastBaselineOptions & { window: number },
): Float64Array {
  checkList('movingAverageForecast: series', series);
  const h = checkPositiveInt('horizon', options.horizon ?? 1);
  const w = checkPositiveInt('window', options.window);
  return Float64Array.from(targetRows, (r) => {
    const last = lastKnown(r, h, 'movingAverageForecast');
    if (last - w + 1 < 0) throw new InputError(`movingAverageForecast: target row ${r} has fewer than ${w} observations before it`);
    let s = 0;
    for (let i = last - w + 1; i <= last; i++) s += series[i];
    return s / w;
  });
}

/** Drift: the last value plus the average change so far, times the horizon. */
export function driftForecast(series: ArrayLike<number>, targetRows: ArrayLike<number>, options: ForecastBaselineOptions = {}): Float64Array {
  checkList('driftForecast: series', series);
  const h = checkPositiveInt('horizon', options.horizon ?? 1);
  return Float64Array.from(targetRows, (r) => {
    const last = lastKnown(r, h, 'driftForecast');
    const slope = last === 0 ? 0 : (series[last] - series[0]) / last;
    return series[last] + h * slope;
  });
}

/** The most frequent class of the training labels, and its share (a classifier must beat this accuracy). */
export function majorityClass(trainLabels: ArrayLike<number>): { label: number; share: number } {
  checkList('majorityClass: trainLabels', trainLabels);
  if (trainLabels.length === 0) throw new InputError('majorityClass: no training labels');
  const counts = new Map<number, number>();
  for (let i = 0; i < trainLabels.length; i++) counts.set(trainLabels[i], (counts.get(trainLabels[i]) ?? 0) + 1);
  const [label, count] = [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
  return { label, share: count / trainLabels.length };
}
