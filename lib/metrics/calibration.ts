/** `calibrationCurve`: reliability bins of predicted probabilities, scikit-learn's calibration_curve. */
import { checkPositiveInt, checkOneOf } from '../util/check';
import { checkBinaryLabels, checkPair, checkProbabilities } from './check';
import { quantileSorted } from '../util/stats';

export interface CalibrationOptions {
  /** Number of bins. Defaults to 5 (scikit-learn's default). */
  bins?: number;
  /** "uniform" bins of equal width, or "quantile" bins of equal count. Defaults to "uniform". */
  strategy?: 'uniform' | 'quantile';
}

/** Per non-empty bin: the fraction of positives, the mean predicted probability, and the count. */
export function calibrationCurve(
  actual: ArrayLike<number>,
  probability: ArrayLike<number>,
  options: CalibrationOptions = {},
): { fractionPositive: number[]; meanPredicted: number[]; count: number[] } {
  checkPair('calibrationCurve', actual, probability);
  checkBinaryLabels('calibrationCurve', actual);
  checkProbabilities('calibrationCurve', probability);
  const n = checkPositiveInt('bins', options.bins ?? 5);
  const strategy = checkOneOf('strategy', options.strategy ?? 'uniform', ['uniform', 'quantile'] as const);
  // Edges as scikit-learn makes them, to the last bit (a probability equal to an edge goes to the bin below it):
  // np.linspace(0, 1, n + 1), or np.percentile at those fractions × 100 (which divides by 100 again).
  const fractions = Array.from({ length: n + 1 }, (_, i) => (i === n ? 1 : i * (1 / n)));
  const sorted = strategy === 'quantile' ? Float64Array.from(probability).sort() : undefined; // sorted once, not per edge
  const edges = sorted ? fractions.map((f) => quantileSorted(sorted, (f * 100) / 100)) : fractions;
  const inner = edges.slice(1, -1);
  const sums = new Array<number>(n).fill(0);
  const trues = new Array<number>(n).fill(0);
  const totals = new Array<number>(n).fill(0);
  for (let i = 0; i < probability.length; i++) {
    // np.searchsorted(inner, p, side="left"): the number of inner edges strictly below p.
    let b = 0;
    while (b < inner.length && inner[b] < probability[i]) b++;
    sums[b] += probability[i];
    trues[b] += actual[i];
    totals[b]++;
  }
  const out = { fractionPositive: [] as number[], meanPredicted: [] as number[], count: [] as number[] };
  for (let b = 0; b < n; b++) {
    if (totals[b] === 0) continue;
    out.fractionPositive.push(trues[b] / totals[b]);
    out.meanPredicted.push(sums[b] / totals[b]);
    out.count.push(totals[b]);
  }
  return out;
}
