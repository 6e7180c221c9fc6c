/**
 * Threshold curves of a binary classifier, computed exactly as scikit-learn does: `rocCurve` (with
 * drop_intermediate), `rocAuc`, `precisionRecallCurve`, `averagePrecision`, and the multi-class one-vs-rest
 * `rocAucOvr`. A single class in `actual` makes ROC AUC undefined: an error, as in scikit-learn.
 */
import { InputError } from '../util/errors';
import { checkBinaryLabels, checkPair } from './check';
import { checkList } from '../util/check';

interface ClfCurve {
  fps: number[];
  tps: number[];
  thresholds: number[];
}

/**
 * Cumulative false and true positives at each distinct score, highest score first. The scores of positives and
 * of negatives are sorted apart by the native typed-array sort and merged (a comparator sort of row indices is far
 * slower on large inputs; docs/performance.md).
 */
function binaryClfCurve(actual: ArrayLike<number>, score: ArrayLike<number>): ClfCurve {
  let nPos = 0;
  for (let i = 0; i < actual.length; i++) nPos += actual[i];
  const pos = new Float64Array(nPos);
  const neg = new Float64Array(actual.length - nPos);
  for (let i = 0, p = 0, q = 0; i < actual.length; i++) {
    if (actual[i] === 1) pos[p++] = score[i];
    else neg[q++] = score[i];
  }
  pos.sort();
  neg.sort();
  const fps: number[] = [];
  const tps: number[] = [];
  const thresholds: number[] = [];
  let tp = 0;
  let fp = 0;
  for (let i = pos.length - 1, j = neg.length - 1; i >= 0 || j >= 0;) {
    const s = i < 0 ? neg[j] : j < 0 ? pos[i] : Math.max(pos[i], neg[j]);
    for (; i >= 0 && pos[i] === s; i--) tp++;
    for (; j >= 0 && neg[j] === s; j--) fp++;
    tps.push(tp);
    fps.push(fp);
    thresholds.push(s);
  }
  return { fps, tps, thresholds };
}

export interface RocCurveOptions {
  /** Drop thresholds that do not change the curve's shape, as scikit-learn's `drop_intermediate`. Defaults to true. */
  dropIntermediate?: boolean;
}

/** ROC curve points: false positive rate, true positive rate, and the threshold of each point (first is +∞). */
export function rocCurve(
  actual: ArrayLike<number>,
  score: ArrayLike<number>,
  options: RocCurveOptions = {},
): { fpr: number[]; tpr: number[]; thresholds: number[] } {
  checkPair('rocCurve', actual, score);
  checkBinaryLabels('rocCurve', actual);
  let { fps, tps, thresholds } = binaryClfCurve(actual, score);
  if ((options.dropIntermediate ?? true) && fps.length > 2) {
    // Keep the corners only: drop points that lie on a straight segment.
    const keep = fps.map((_, i) => i === 0 || i === fps.length - 1 || fps[i + 1] - 2 * fps[i] + fps[i - 1] !== 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] !== 0);
    fps = fps.filter((_, i) => keep[i]);
    tps = tps.filter((_, i) => keep[i]);
    thresholds = thresholds.filter((_, i) => keep[i]);
  }
  fps = [0, ...fps];
  tps = [0, ...tps];
  thresholds = [Infinity, ...thresholds];
  const nNeg = fps[fps.length - 1];
  const nPos = tps[tps.length - 1];
  return { fpr: fps.map((v) => (nNeg === 0 ? NaN : v / nNeg)), tpr: tps.map((v) => (nPos === 0 ? NaN : v / nPos)), thresholds };
}

/** Area under a curve by the trapezoidal rule (x must be monotonic). */
export function trapezoid(x: readonly number[], y: readonly number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return Math.abs(area);
}

/** Area under the ROC curve. */
export function rocAuc(actual: ArrayLike<number>, score: ArrayLike<number>): number {
  checkPair('rocAuc', actual, score);
  checkBinaryLabels('rocAuc', actual);
  let pos = 0;
  for (let i = 0; i < actual.length; i++) pos += actual[i];
  if (pos === 0 || pos === actual.length) {
    throw new InputError(
      `rocAuc is undefined when actual holds one class only (all ${pos === 0 ? 0 : 1}); score on data with both classes (a stratified split keeps both)`,
    );
  }
  const { fpr, tpr } = rocCurve(actual, score);
  return trapezoid(fpr, tpr);
}

/** Precision-recall curve: precision and recall per threshold (recall decreasing), ending at (recall 0, precision 1). */
export function precisionRecallCurve(actual: ArrayLike<number>, score: ArrayLike<number>): { precision: number[]; recall: number[]; thresholds: number[] } {
  checkPair('precisionRecallCurve', actual, score);
  checkBinaryLabels('precisionRecallCurve', actual);
  const { fps, tps, thresholds } = binaryClfCurve(actual, score);
  const nPos = tps[tps.length - 1];
  const precision = tps.map((tp, i) => (tp + fps[i] === 0 ? 0 : tp / (tp + fps[i])));
  const recall = tps.map((tp) => (nPos === 0 ? 1 : tp / nPos));
  return { precision: [...precision.reverse(), 1], recall: [...recall.reverse(), 0], thresholds: thresholds.reverse() };
}

/** Average precision: Σ (Rₙ − Rₙ₋₁) Pₙ, scikit-learn's average_precision_score. */
export function averagePrecision(actual: ArrayLike<number>, score: ArrayLike<number>): number {
  const { precision, recall } = precisionRecallCurve(actual, score);
  let ap = 0;
  for (let i = 0; i < recall.length - 1; i++) ap -= (recall[i + 1] - recall[i]) * precision[i];
  return ap;
}

/** Multi-class ROC AUC, one-vs-rest, macro-averaged; `probabilities` is row-major [n × k]. */
export function rocAucOvr(actual: ArrayLike<number>, probabilities: ArrayLike<number>, k: number): number {
  checkList('rocAucOvr: actual', actual);
  if (probabilities.length !== actual.length * k)
    throw new InputError(`rocAucOvr: probabilities has ${probabilities.length} values, expected ${actual.length} × ${k}`);
  let total = 0;
  for (let c = 0; c < k; c++) {
    const y = Float64Array.from(actual, (v) => (v === c ? 1 : 0));
    const s = Float64Array.from({ length: actual.length }, (_, i) => probabilities[i * k + c]);
    total += rocAuc(y, s);
  }
  return total / k;
}
