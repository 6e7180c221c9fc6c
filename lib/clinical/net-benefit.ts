/**
 * `netBenefit`: decision curve analysis (Vickers & Elkin 2006) — the net benefit of treating the patients whose
 * predicted risk reaches a threshold pₜ, against treating everyone and no one: NB = TP/n − FP/n · pₜ/(1 − pₜ). The
 * threshold is the risk at which a clinician is indifferent between treating and not, so pₜ/(1 − pₜ) weighs a
 * false positive against a true one. As dcurves' `dca` computes it.
 */
import { InputError } from '../util/errors';
import { checkPair, checkBinaryLabels, checkProbabilities } from '../metrics/check';

export interface NetBenefitOptions {
  /** Threshold probabilities. Defaults to 0.01, 0.02, …, 0.99. */
  thresholds?: readonly number[];
}

export interface NetBenefitRow {
  threshold: number;
  /** Net benefit of treating those at or above the threshold. */
  model: number;
  /** Net benefit of treating everyone (treat none is 0 at every threshold). */
  treatAll: number;
  /** The model's net benefit as a share of the prevalence (standardised net benefit, between 0 and 1 for a useful model). */
  standardized: number;
}

/**
 * Net benefit at each threshold, with treat-all beside it.
 * @example netBenefit(yTest, pTest, { thresholds: [0.05, 0.1, 0.2] })
 */
export function netBenefit(actual: ArrayLike<number>, proba: ArrayLike<number>, options: NetBenefitOptions = {}): NetBenefitRow[] {
  checkPair('netBenefit', actual, proba);
  checkBinaryLabels('netBenefit', actual);
  checkProbabilities('netBenefit', proba);
  const thresholds = options.thresholds ?? Array.from({ length: 99 }, (_, i) => (i + 1) / 100);
  const n = actual.length;
  let positives = 0;
  for (let i = 0; i < n; i++) positives += actual[i];
  const prevalence = positives / n;
  return thresholds.map((pt) => {
    if (!(pt > 0 && pt < 1)) throw new InputError(`netBenefit: thresholds must lie strictly between 0 and 1, got ${pt}`);
    let tp = 0;
    let fp = 0;
    for (let i = 0; i < n; i++) {
      if (proba[i] >= pt) {
        if (actual[i] === 1) tp++;
        else fp++;
      }
    }
    const odds = pt / (1 - pt);
    const model = tp / n - (fp / n) * odds;
    return { threshold: pt, model, treatAll: prevalence - (1 - prevalence) * odds, standardized: prevalence > 0 ? model / prevalence : NaN };
  });
}
