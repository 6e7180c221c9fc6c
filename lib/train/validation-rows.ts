/**
 * `validationRows`: which training samples `fitModel`'s `validationSplit` holds out. Time-ordered data gives
 * its last rows; other data a seeded random sample, stratified by class for classifiers, because a file sorted
 * by class would otherwise validate on one class and early stopping would keep a useless model.
 */
import { InputError } from '../util/errors';
import { checkFraction } from '../util/check';
import { permutation, Rng } from '../util/rng';
import { notice } from '../util/notice';
import type { Task } from '../models/model';
import type { TrainingData } from './check-training-data';

export interface ArraysOf {
  x: Float32Array;
  xShape: number[];
  y: Float32Array;
  yShape: number[];
}

/** The rows `rows` of `data`, copied in that order. */
export function gatherRows(data: TrainingData, rows: ArrayLike<number>): ArraysOf {
  const n = data.xShape[0];
  const take = (arr: Float32Array, shape: readonly number[]) => {
    const width = n === 0 ? 0 : arr.length / n;
    const out = new Float32Array(rows.length * width);
    for (let i = 0; i < rows.length; i++) out.set(arr.subarray(rows[i] * width, (rows[i] + 1) * width), i * width);
    return { data: out, shape: [rows.length, ...shape.slice(1)] };
  };
  const x = take(data.x, data.xShape);
  const y = take(data.y, data.yShape);
  return { x: x.data, xShape: x.shape, y: y.data, yShape: y.shape };
}

/** Rows start..end-1 of `data` as views of its arrays. */
function sliceRows(data: TrainingData, start: number, end: number): ArraysOf {
  const n = data.xShape[0];
  const xw = data.x.length / n;
  const yw = data.y.length / n;
  return {
    x: data.x.subarray(start * xw, end * xw),
    xShape: [end - start, ...data.xShape.slice(1)],
    y: data.y.subarray(start * yw, end * yw),
    yShape: [end - start, ...data.yShape.slice(1)],
  };
}

/** Whether the samples are in time order: windows (they carry target rows) or a dataset from a dated table. */
export function isTimeOrdered(data: TrainingData): boolean {
  const d = data as TrainingData & { targetRows?: unknown; ordered?: boolean };
  return d.targetRows !== undefined || d.ordered === true;
}

export interface ValidationRows {
  train: ArraysOf;
  val: ArraysOf;
  /** In words, for the history and the progress line. */
  description: string;
}

/** Splits `data` into training and validation samples by `fraction`. */
export function validationRows(data: TrainingData, fraction: number, task: Task, from: 'end' | 'sample' | undefined, rng: Rng): ValidationRows {
  const frac = checkFraction('validationSplit', fraction);
  const n = data.xShape[0];
  const nVal = Math.max(1, Math.floor(n * frac));
  if (n - nVal < 1) throw new InputError(`validationSplit ${frac} leaves no training samples out of ${n}; use more samples or a smaller validationSplit`);
  const mode = from ?? (isTimeOrdered(data) ? 'end' : 'sample');
  if (mode !== 'end' && mode !== 'sample') throw new InputError(`validationFrom "${String(mode)}" is unknown (valid: "end", "sample")`);
  const pct = `${+(100 * frac).toFixed(1)}%`;
  if (mode === 'end') {
    // Views, not copies: windows can be hundreds of megabytes.
    return { train: sliceRows(data, 0, n - nVal), val: sliceRows(data, n - nVal, n), description: `the last ${pct} of the samples (${nVal}, time order)` };
  }
  const isVal = new Uint8Array(n);
  if (task === 'regression') {
    for (const i of permutation(n, rng).subarray(0, nVal)) isVal[i] = 1;
  } else {
    // Stratified: each class gives its share of nVal (at least one row when it has two or more).
    const byClass = new Map<number, number[]>();
    for (let i = 0; i < n; i++) (byClass.get(data.y[i]) ?? byClass.set(data.y[i], []).get(data.y[i])!).push(i);
    for (const rows of [...byClass.entries()].sort((a, b) => a[0] - b[0]).map(([, r]) => r)) {
      const take = rows.length < 2 ? 0 : Math.min(rows.length - 1, Math.max(1, Math.round((rows.length * nVal) / n)));
      const perm = permutation(rows.length, rng);
      for (let i = 0; i < take; i++) isVal[rows[perm[i]]] = 1;
    }
  }
  const trainIdx: number[] = [];
  const valIdx: number[] = [];
  for (let i = 0; i < n; i++) (isVal[i] ? valIdx : trainIdx).push(i);
  const kind = task === 'regression' ? 'a random' : 'a stratified random';
  return { train: gatherRows(data, trainIdx), val: gatherRows(data, valIdx), description: `${kind} ${pct} sample (${valIdx.length} samples, seeded)` };
}

/** Counts of each class label in `y`. */
function classCounts(y: Float32Array): Map<number, number> {
  const counts = new Map<number, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
}

const countsText = (c: Map<number, number>) =>
  [...c.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');

/**
 * Refuses training labels of one class, and gives a notice when the validation samples lack a class that
 * training has (or hold one it lacks): early stopping would then judge the model on part of the problem.
 */
export function checkClassCoverage(trainY: Float32Array, valY: Float32Array | undefined, what: string): void {
  const train = classCounts(trainY);
  if (train.size < 2) {
    throw new InputError(
      `the training labels are all one class (${countsText(train)}); a classifier needs at least two. Check the label column, the filter that made the table, and the split (a class-sorted file split without shuffling gives one class per side)`,
    );
  }
  if (!valY) return;
  const val = classCounts(valY);
  const missing = [...train.keys()].filter((k) => !val.has(k));
  const extra = [...val.keys()].filter((k) => !train.has(k));
  if (missing.length || extra.length) {
    notice(
      `${what} ${missing.length ? `has no samples of class ${missing.join(', ')}` : `holds class ${extra.join(', ')} that training lacks`} (training: ${countsText(train)}; validation: ${countsText(val)}); ` +
        'early stopping then judges the model on part of the problem. Use a stratified split (trainTestSplit with stratify) or a larger validation set',
    );
  }
}
