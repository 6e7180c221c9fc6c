/** `trainTestSplit`: a seeded random split, optionally stratified by a label column (like scikit-learn's). */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkFraction } from '../util/check';
import { permutation, seededRng } from '../util/rng';
import type { Split } from './split-by-time';
import { groupShuffleSplit } from './group-splits';
import { checkTable } from '../data/check-table';
import { checkList } from '../util/check';

export interface TrainTestSplitOptions {
  /** Fraction of rows in the test split. Defaults to 0.25 (scikit-learn's default). */
  testSize?: number;
  /** Seed of the shuffle. Defaults to 42. */
  seed?: number;
  /** Label column to stratify by: each class keeps its share in both splits. Defaults to none. */
  stratify?: string;
  /**
   * Shuffle the rows of both splits (seeded), as scikit-learn does by default: a file sorted by class then
   * gives training rows of every class in any slice, e.g. the validation rows `fitModel` takes. `false` keeps
   * file order with no randomness — the first rows train, the last `testSize` test — and cannot stratify.
   * Defaults to true.
   */
  shuffle?: boolean;
  /**
   * A column of group IDs (a patient ID where rows repeat a patient): whole groups go to one side, so no patient is
   * in both splits; `testSize` is then the share of the groups (as scikit-learn's GroupShuffleSplit). Defaults to none.
   */
  group?: string;
}

/** Class label of each row as text (numbers formatted), for stratification. */
export function labelsOf(table: Table, column: string): string[] {
  return table.strings(column).map((v) => (v === null ? 'null' : v));
}

/** Row indices of a seeded random or stratified split, each side in a seeded random order (file order with `shuffle: false`). */
export function splitIndices(labels: readonly string[] | number, options: TrainTestSplitOptions = {}): { train: Int32Array; test: Int32Array } {
  if (typeof labels !== 'number') checkList('splitIndices: labels (or a row count)', labels);
  const n = typeof labels === 'number' ? labels : labels.length;
  const testSize = checkFraction('testSize', options.testSize ?? 0.25);
  const rng = seededRng(options.seed ?? 42);
  const nTest = Math.ceil(n * testSize);
  if (nTest >= n || nTest === 0) throw new InputError(`testSize ${testSize} of ${n} rows leaves an empty split; use more rows or another testSize`);
  if (options.shuffle === false) {
    if (typeof labels !== 'number') throw new InputError('stratify needs shuffle: true (a split in file order cannot keep class shares); drop one of them');
    return { train: Int32Array.from({ length: n - nTest }, (_, i) => i), test: Int32Array.from({ length: nTest }, (_, i) => n - nTest + i) };
  }
  const test: number[] = [];
  if (typeof labels === 'number') {
    // Not push(...rows): spreading 120,000 or more arguments overflows the call stack.
    for (const i of permutation(n, rng).subarray(0, nTest)) test.push(i);
  } else {
    const byClass = new Map<string, number[]>();
    labels.forEach((l, i) => (byClass.get(l) ?? byClass.set(l, []).get(l)!).push(i));
    const classes = [...byClass].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [label, rows] of classes) {
      if (rows.length < 2) {
        throw new InputError(
          `class ${JSON.stringify(label)} has ${rows.length} row; a stratified split needs at least 2 per class (merge rare classes or drop stratify)`,
        );
      }
    }
    // Test rows per class: exactly nTest in total, like scikit-learn (each class its floored share of nTest,
    // the rest to the largest remainders), then at least one row of each class on each side.
    const want = classes.map(([, rows]) => (rows.length * nTest) / n);
    const k = want.map(Math.floor);
    const order = want.map((w, i) => i).sort((a, b) => want[b] - k[b] - (want[a] - k[a]) || a - b);
    for (let r = nTest - k.reduce((a, b) => a + b, 0), j = 0; r > 0; r--, j++) k[order[j % order.length]]++;
    classes.forEach(([, rows], c) => {
      const take = Math.min(rows.length - 1, Math.max(1, k[c]));
      const perm = permutation(rows.length, rng);
      for (let i = 0; i < take; i++) test.push(rows[perm[i]]);
    });
  }
  const inTest = new Uint8Array(n);
  for (const i of test) inTest[i] = 1;
  const testIdx = Int32Array.from(test).sort();
  const trainIdx = new Int32Array(n - test.length);
  for (let i = 0, j = 0; i < n; i++) if (!inTest[i]) trainIdx[j++] = i;
  // Both sides in a seeded random order: no slice of either follows the file's order (a class-sorted file).
  return { train: shuffled(trainIdx, rng), test: shuffled(testIdx, rng) };
}

function shuffled(rows: Int32Array, rng: () => number): Int32Array {
  const order = permutation(rows.length, rng);
  return Int32Array.from(order, (i) => rows[i]);
}

/**
 * Splits rows at random (seeded), keeping class shares when `stratify` names a label column. Both splits come
 * back shuffled, as scikit-learn's do; `shuffle: false` keeps file order.
 * @example const { train, test } = trainTestSplit(cancer, { testSize: 0.2, stratify: 'diagnosis', seed: 7 });
 */
export function trainTestSplit(table: Table, options: TrainTestSplitOptions = {}): Split {
  checkTable('trainTestSplit', table);
  if (options.group !== undefined) {
    if (options.stratify !== undefined)
      throw new InputError('trainTestSplit: group and stratify together are not supported yet; split by group alone, or use groupKFold');
    if (options.shuffle === false) throw new InputError('trainTestSplit: a group split draws groups at random; drop shuffle: false');
    const g = groupShuffleSplit(table.strings(options.group), { testSize: options.testSize ?? 0.25, seed: options.seed });
    return { train: table.take(g.train), test: table.take(g.test) };
  }
  const idx = splitIndices(options.stratify ? labelsOf(table, options.stratify) : table.numRows, options);
  return { train: table.take(idx.train), test: table.take(idx.test) };
}
