/**
 * `timeSeriesSplit`: walk-forward folds (expanding, or sliding with `maxTrainSize`), with scikit-learn's
 * TimeSeriesSplit layout, including `gap` (an embargo between the end of training and the test rows).
 */
import { InputError } from '../util/errors';
import { checkPositiveInt, checkRowCount } from '../util/check';
import type { Fold } from './k-fold';

export interface TimeSeriesSplitOptions {
  /** Number of folds. Defaults to 5. */
  nSplits?: number;
  /** Rows per test fold. Defaults to floor(n / (nSplits + 1)). */
  testSize?: number;
  /** Rows left out between training and test (embargo). Defaults to 0. */
  gap?: number;
  /** Keep only the latest rows of training (sliding window). Defaults to all earlier rows (expanding). */
  maxTrainSize?: number;
}

/**
 * Walk-forward folds over `n` time-ordered rows: each test fold lies after all its training rows.
 * @example timeSeriesSplit(12, { nSplits: 3 }).map((f) => f.test[0])  // [3, 6, 9]
 */
export function timeSeriesSplit(n: number, options: TimeSeriesSplitOptions = {}): Fold[] {
  checkRowCount('timeSeriesSplit', n);
  const nSplits = checkPositiveInt('nSplits', options.nSplits ?? 5, 2);
  const gap = checkPositiveInt('gap', options.gap ?? 0, 0);
  const testSize = options.testSize === undefined ? Math.floor(n / (nSplits + 1)) : checkPositiveInt('testSize', options.testSize);
  if (nSplits + 1 > n) throw new InputError(`nSplits = ${nSplits} needs more than ${nSplits} rows, got ${n}; lower nSplits`);
  if (n - gap - testSize * nSplits <= 0) {
    throw new InputError(`too few rows (${n}) for nSplits = ${nSplits}, testSize = ${testSize} and gap = ${gap}; lower one of them`);
  }
  const folds: Fold[] = [];
  for (let testStart = n - nSplits * testSize; testStart < n; testStart += testSize) {
    const trainEnd = testStart - gap;
    const trainStart = options.maxTrainSize !== undefined && options.maxTrainSize < trainEnd ? trainEnd - options.maxTrainSize : 0;
    folds.push({
      train: Int32Array.from({ length: trainEnd - trainStart }, (_, i) => trainStart + i),
      test: Int32Array.from({ length: Math.min(testSize, n - testStart) }, (_, i) => testStart + i),
    });
  }
  return folds;
}
