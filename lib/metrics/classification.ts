/**
 * Classification metrics with scikit-learn's definitions: the confusion matrix and everything derived from
 * it (accuracy, balanced accuracy, precision, recall, specificity, F1 — binary, or macro / micro / weighted
 * averages for several classes), log loss and the Brier score.
 */
import { textTable } from '../util/text-table';
import type { Tabular } from '../util/tabular';
import { InputError } from '../util/errors';
import { notice } from '../util/notice';
import { checkBinaryLabels, checkPair, checkProbabilities } from './check';
import { checkList } from '../util/check';
import { checkSameLength } from '../util/check';

/** Distinct labels of both arrays, sorted numerically. */
export function labelsOf(...arrays: ArrayLike<number>[]): number[] {
  const s = new Set<number>();
  for (const a of arrays) for (let i = 0; i < a.length; i++) s.add(a[i]);
  return [...s].sort((a, b) => a - b);
}

/** Confusion matrix: rows are actual classes, columns predicted, in the order of `labels` (default: sorted). */
export function confusionMatrix(actual: ArrayLike<number>, predicted: ArrayLike<number>, given?: readonly number[]): number[][] {
  checkSameLength('confusionMatrix: actual', actual, 'predicted', predicted);
  const labels = given ?? labelsOf(actual, predicted);
  checkList('confusionMatrix: actual', actual);
  checkPair('confusionMatrix', actual, predicted);
  const index = new Map(labels.map((l, i) => [l, i]));
  const m = labels.map(() => new Array<number>(labels.length).fill(0));
  for (let i = 0; i < actual.length; i++) {
    const a = index.get(actual[i]);
    const p = index.get(predicted[i]);
    if (a !== undefined && p !== undefined) m[a][p]++;
  }
  return m;
}

/** Share of correct predictions. */
export function accuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair('accuracy', actual, predicted);
  let hit = 0;
  for (let i = 0; i < actual.length; i++) if (actual[i] === predicted[i]) hit++;
  return hit / actual.length;
}

export type Average = 'binary' | 'macro' | 'micro' | 'weighted';

export interface ClassMetricOptions {
  /** "binary" scores the positive class; the others average over classes. Defaults to "binary". */
  average?: Average;
  /** The positive class for average "binary". Defaults to 1. */
  posLabel?: number;
}

interface PerClass {
  labels: number[];
  tp: number[];
  fp: number[];
  fn: number[];
  tn: number[];
  support: number[];
}

function perClass(actual: ArrayLike<number>, predicted: ArrayLike<number>): PerClass {
  const labels = labelsOf(actual, predicted);
  const m = confusionMatrix(actual, predicted, labels);
  const n = actual.length;
  const tp = labels.map((_, i) => m[i][i]);
  const support = m.map((row) => row.reduce((a, b) => a + b, 0));
  const predictedCount = labels.map((_, j) => m.reduce((s, row) => s + row[j], 0));
  const fp = predictedCount.map((c, i) => c - tp[i]);
  const fn = support.map((c, i) => c - tp[i]);
  const tn = labels.map((_, i) => n - tp[i] - fp[i] - fn[i]);
  return { labels, tp, fp, fn, tn, support };
}

/** scikit-learn's zero_division = "warn" → 0. */
const ratio = (a: number, b: number) => (b === 0 ? 0 : a / b);

function scored(
  metric: string,
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: ClassMetricOptions,
  f: (tp: number, fp: number, fn: number, tn: number) => number,
): number {
  checkPair(metric, actual, predicted);
  const average = options.average ?? 'binary';
  const pc = perClass(actual, predicted);
  if (average === 'binary') {
    const pos = options.posLabel ?? 1;
    if (pc.labels.length > 2)
      throw new InputError(`${metric}: ${pc.labels.length} classes found (${pc.labels.join(', ')}); pass { average: "macro" | "micro" | "weighted" }`);
    const i = pc.labels.indexOf(pos);
    if (i < 0 && pc.labels.length === 2) {
      // Labels 0/2, or 1/2 scored with posLabel 0: scoring a class that is not there would silently give 0.
      throw new InputError(
        `${metric}: posLabel ${pos} is not one of the labels (${pc.labels.join(', ')}); pass { posLabel: ${pc.labels[1]} } or encode the labels as 0/1`,
      );
    }
    if (i < 0) return f(0, 0, 0, actual.length);
    return f(pc.tp[i], pc.fp[i], pc.fn[i], pc.tn[i]);
  }
  if (average === 'micro') return f(sum(pc.tp), sum(pc.fp), sum(pc.fn), sum(pc.tn));
  const scores = pc.labels.map((_, i) => f(pc.tp[i], pc.fp[i], pc.fn[i], pc.tn[i]));
  if (average === 'macro') return sum(scores) / scores.length;
  if (average === 'weighted')
    return ratio(
      scores.reduce((s, v, i) => s + v * pc.support[i], 0),
      sum(pc.support),
    );
  throw new InputError(`unknown average "${average}" (valid: binary, macro, micro, weighted)`);
}

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

/** Precision: TP / (TP + FP). */
export function precision(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: ClassMetricOptions = {}): number {
  return scored('precision', actual, predicted, options, (tp, fp) => ratio(tp, tp + fp));
}

/** Recall (sensitivity): TP / (TP + FN). */
export function recall(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: ClassMetricOptions = {}): number {
  return scored('recall', actual, predicted, options, (tp, _fp, fn) => ratio(tp, tp + fn));
}

/** Specificity: TN / (TN + FP), the recall of the negative class. */
export function specificity(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: ClassMetricOptions = {}): number {
  return scored('specificity', actual, predicted, options, (_tp, fp, _fn, tn) => ratio(tn, tn + fp));
}

/** F1: harmonic mean of precision and recall. */
export function f1(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: ClassMetricOptions = {}): number {
  return scored('f1', actual, predicted, options, (tp, fp, fn) => ratio(2 * tp, 2 * tp + fp + fn));
}

/** Balanced accuracy: the mean recall over classes (scikit-learn's balanced_accuracy_score). */
export function balancedAccuracy(actual: ArrayLike<number>, predicted: ArrayLike<number>): number {
  checkPair('balancedAccuracy', actual, predicted);
  const pc = perClass(actual, predicted);
  const present = pc.labels.map((_, i) => i).filter((i) => pc.support[i] > 0);
  return sum(present.map((i) => pc.tp[i] / pc.support[i])) / present.length;
}

/** Binary log loss (cross-entropy) of probabilities of class 1, clipped like scikit-learn to [eps, 1 − eps]. */
export function logLoss(actual: ArrayLike<number>, probability: ArrayLike<number>): number {
  checkPair('logLoss', actual, probability);
  checkBinaryLabels('logLoss', actual);
  checkProbabilities('logLoss', probability);
  const eps = 2.220446049250313e-16;
  let s = 0;
  for (let i = 0; i < actual.length; i++) {
    const p = Math.min(Math.max(probability[i], eps), 1 - eps);
    s -= actual[i] === 1 ? Math.log(p) : Math.log(1 - p);
  }
  return s / actual.length;
}

/** Brier score: mean squared difference between the probability of class 1 and the 0/1 outcome. */
export function brierScore(actual: ArrayLike<number>, probability: ArrayLike<number>): number {
  checkPair('brierScore', actual, probability);
  checkBinaryLabels('brierScore', actual);
  checkProbabilities('brierScore', probability);
  let s = 0;
  for (let i = 0; i < actual.length; i++) s += (probability[i] - actual[i]) ** 2;
  return s / actual.length;
}

/** One row of a classification report. */
export interface ReportRow {
  label: string;
  precision: number;
  recall: number;
  f1: number;
  support: number;
}

/** Per-class precision, recall, F1 and support, plus macro and weighted averages (scikit-learn's report). */
export interface ClassificationReportOptions {
  /** Class names, in code order. Defaults to the codes. */
  names?: readonly string[];
}

export function classificationReport(
  actual: ArrayLike<number>,
  predicted: ArrayLike<number>,
  options: ClassificationReportOptions = {},
): { rows: ReportRow[]; accuracy: number; balancedAccuracy: number; tabulate(): Tabular; toString(): string } {
  checkPair('classificationReport', actual, predicted);
  const pc = perClass(actual, predicted);
  const rows: ReportRow[] = pc.labels.map((l, i) => {
    const p = ratio(pc.tp[i], pc.tp[i] + pc.fp[i]);
    const r = ratio(pc.tp[i], pc.tp[i] + pc.fn[i]);
    return {
      label: options.names?.[l] ?? String(l),
      precision: p,
      recall: r,
      f1: ratio(2 * pc.tp[i], 2 * pc.tp[i] + pc.fp[i] + pc.fn[i]),
      support: pc.support[i],
    };
  });
  const total = sum(pc.support);
  const avg = (k: 'precision' | 'recall' | 'f1', w: boolean) =>
    w ? rows.reduce((s, r) => s + r[k] * r.support, 0) / total : rows.reduce((s, r) => s + r[k], 0) / rows.length;
  const macro = { label: 'macro avg', precision: avg('precision', false), recall: avg('recall', false), f1: avg('f1', false), support: total };
  const weighted = { label: 'weighted avg', precision: avg('precision', true), recall: avg('recall', true), f1: avg('f1', true), support: total };
  rows.push(macro, weighted);
  const acc = accuracy(actual, predicted);
  const header = ['', 'precision', 'recall', 'f1', 'support'];
  const body = () => rows.map((r) => [r.label, r.precision, r.recall, r.f1, r.support]);
  // Beyond 95:5, accuracy is close to what always answering the majority class scores: say so beside it.
  const majority = Math.max(...pc.support) / total;
  const balanced = balancedAccuracy(actual, predicted);
  const caveat =
    majority > 0.95
      ? `; classes are imbalanced (the largest is ${(100 * majority).toFixed(1)} % of cases, so always predicting it scores accuracy ${majority.toFixed(4)}): read balanced accuracy ${balanced.toFixed(4)}, recall per class and PR-AUC`
      : '';
  if (caveat) notice(`classificationReport: accuracy ${acc.toFixed(4)}${caveat}`);
  return {
    rows,
    accuracy: acc,
    balancedAccuracy: balanced,
    tabulate: () => ({ header, rows: body(), caption: `accuracy ${acc.toFixed(4)} on ${total} cases${caveat}` }),
    toString: () => textTable(header, body()) + (caveat ? `\naccuracy ${acc.toFixed(4)}${caveat}` : ''),
  };
}
