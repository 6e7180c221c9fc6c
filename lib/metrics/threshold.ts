/**
 * Choosing a decision threshold on validation data (never on the test split): Youden's J, or the highest
 * threshold that reaches a target sensitivity (what a screening test needs).
 */
import { InputError } from '../util/errors';
import { rocCurve } from './curves';

export interface ThresholdChoice {
  threshold: number;
  sensitivity: number;
  specificity: number;
}

/** The threshold maximising sensitivity + specificity − 1 (Youden's J) on the ROC curve. */
export function youdenThreshold(actual: ArrayLike<number>, score: ArrayLike<number>): ThresholdChoice {
  const { fpr, tpr, thresholds } = rocCurve(actual, score, { dropIntermediate: false });
  let best = 1;
  for (let i = 1; i < thresholds.length; i++) if (tpr[i] - fpr[i] > tpr[best] - fpr[best]) best = i;
  return { threshold: thresholds[best], sensitivity: tpr[best], specificity: 1 - fpr[best] };
}

/** The highest threshold whose sensitivity (recall) is at least `target` — the most specific such rule. */
export function thresholdForSensitivity(actual: ArrayLike<number>, score: ArrayLike<number>, target: number): ThresholdChoice {
  if (!(target > 0 && target <= 1)) throw new InputError(`target sensitivity must be in (0, 1], got ${target}`);
  const { fpr, tpr, thresholds } = rocCurve(actual, score, { dropIntermediate: false });
  const i = tpr.findIndex((t) => t >= target);
  if (i < 0) throw new InputError(`no threshold reaches sensitivity ${target}`);
  return { threshold: thresholds[i], sensitivity: tpr[i], specificity: 1 - fpr[i] };
}
