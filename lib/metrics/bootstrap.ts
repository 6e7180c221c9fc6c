/** `bootstrapCi`: a seeded percentile bootstrap confidence interval for any metric of paired arrays. */
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { seededRng } from '../util/rng';
import { quantileSorted } from '../util/stats';
import { describeArgument } from '../util/check';

export interface BootstrapOptions {
  /** Resamples. Defaults to 1000. */
  resamples?: number;
  /** Confidence level. Defaults to 0.95. */
  level?: number;
  /** Seed of the resampling. Defaults to 42. */
  seed?: number;
}

export interface ConfidenceInterval {
  estimate: number;
  lower: number;
  upper: number;
  level: number;
  /** Resamples where the metric was undefined (e.g. one class only for AUC), skipped. */
  skipped: number;
}

/** The central `level` percentile interval of resampled statistics around `estimate`. */
export function percentileInterval(values: readonly number[], estimate: number, level: number, skipped = 0): ConfidenceInterval {
  const sorted = Float64Array.from(values).sort();
  return { estimate, lower: quantileSorted(sorted, (1 - level) / 2), upper: quantileSorted(sorted, 1 - (1 - level) / 2), level, skipped };
}

/** Calls `metric` on a resample, counting it as skipped when the metric is undefined there (an InputError: one class only for AUC). */
export function tryMetric(metric: () => number, values: number[]): boolean {
  try {
    values.push(metric());
    return true;
  } catch (err) {
    if (!(err instanceof InputError)) throw err;
    return false;
  }
}

/**
 * Resamples rows with replacement and reports the metric's percentile interval.
 * @example bootstrapCi(rocAuc, yTest, pTest, { seed: 7 })  // { estimate: 0.99, lower: 0.97, upper: 1, ... }
 */
export function bootstrapCi(
  metric: (a: ArrayLike<number>, b: ArrayLike<number>) => number,
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: BootstrapOptions = {},
): ConfidenceInterval {
  if (typeof metric !== 'function')
    throw new InputError(`bootstrapCi takes the metric first, a function such as rocAuc, then actual and predicted; got ${describeArgument(metric)}`);
  const resamples = checkPositiveInt('resamples', options.resamples ?? 1000, 10);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`level must be in (0, 1), got ${level}`);
  const estimate = metric(actual, predicted);
  const rng = seededRng(options.seed ?? 42);
  const n = actual.length;
  const a = new Float64Array(n);
  const p = new Float64Array(n);
  const values: number[] = [];
  let skipped = 0;
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) {
      const j = Math.floor(rng() * n);
      a[i] = actual[j];
      p[i] = predicted[j];
    }
    if (!tryMetric(() => metric(a, p), values)) skipped++;
  }
  return percentileInterval(values, estimate, level, skipped);
}

/**
 * Resamples row indices with replacement and reports the percentile interval of a statistic of those rows — for
 * metrics of several arrays at once (survival times, events and risk scores).
 * @example bootstrapRowsCi(n, (rows) => concordanceIndex(pick(t, rows), pick(e, rows), pick(risk, rows)).cIndex)
 */
export function bootstrapRowsCi(n: number, statistic: (rows: Int32Array) => number, options: BootstrapOptions = {}): ConfidenceInterval {
  if (!Number.isInteger(n) || n < 1 || typeof statistic !== 'function')
    throw new InputError(
      `bootstrapRowsCi takes the number of rows and a statistic of row indices, got ${describeArgument(n)} and ${describeArgument(statistic)}`,
    );
  const resamples = checkPositiveInt('resamples', options.resamples ?? 1000, 10);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`level must be in (0, 1), got ${level}`);
  const estimate = statistic(Int32Array.from({ length: n }, (_, i) => i));
  const rng = seededRng(options.seed ?? 42);
  const rows = new Int32Array(n);
  const values: number[] = [];
  let skipped = 0;
  for (let r = 0; r < resamples; r++) {
    for (let i = 0; i < n; i++) rows[i] = Math.floor(rng() * n);
    if (!tryMetric(() => statistic(rows), values)) skipped++;
  }
  return percentileInterval(values, estimate, level, skipped);
}
