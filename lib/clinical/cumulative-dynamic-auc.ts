/**
 * `cumulativeDynamicAuc`: time-dependent ROC-AUC — at each time τ, how well risk separates the patients with an
 * event by τ (cases, weighted by the inverse probability of censoring from the training set) from those still
 * event-free after τ (controls); and its mean over the times weighted by the test set's Kaplan–Meier drops
 * (scikit-survival's `cumulative_dynamic_auc`).
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { kaplanMeier } from './kaplan-meier';
import { survivalData } from './survival-data';
import { censoringSurvival, censoringWeights, stepAt, type SurvivalOutcome } from './censoring-survival';

export interface CumulativeDynamicAucResult {
  times: Float64Array;
  auc: Float64Array;
  /** The AUCs averaged with weights S(τ_{k−1}) − S(τ_k) of the test set's survival, over 1 − S(τ_last). */
  meanAuc: number;
}

/** Evaluation times checked: increasing (predictions are given in their order), within [first, last) test follow-up. */
export function evaluationTimes(times: ArrayLike<number>, t: Float64Array, caller: string): Float64Array {
  checkList(`${caller}: times`, times);
  const at = Float64Array.from(times);
  for (let k = 1; k < at.length; k++)
    if (!(at[k] > at[k - 1])) throw new InputError(`${caller}: times must increase (each prediction column belongs to one), got ${at[k - 1]} then ${at[k]}`);
  const lo = Math.min(...t);
  const hi = Math.max(...t);
  for (const v of at)
    if (!(v >= lo && v < hi)) throw new InputError(`${caller}: time ${v} is outside the test follow-up [${lo}, ${hi}); evaluate at times inside it`);
  return at;
}

/**
 * AUC(τ) of risk scores (one per test row, or one row of scores per time) at each of `times`.
 * @example cumulativeDynamicAuc(train, test, risk, [180, 365, 540]).auc
 */
export function cumulativeDynamicAuc(
  train: SurvivalOutcome,
  test: SurvivalOutcome,
  risk: ArrayLike<number> | ArrayLike<number>[],
  times: ArrayLike<number>,
): CumulativeDynamicAucResult {
  const caller = 'cumulativeDynamicAuc';
  const g = censoringSurvival(train, caller);
  const { t, e } = survivalData(caller, test?.time, test?.event);
  const at = evaluationTimes(times, t, caller);
  // Only cases (events by the last time) are weighted.
  const w = censoringWeights(g, t, e, caller, at[at.length - 1]);
  const n = t.length;
  const perTime = Array.isArray(risk) && typeof risk[0] !== 'number';
  const scoreAt = (k: number): ArrayLike<number> => (perTime ? (risk as ArrayLike<number>[])[k] : (risk as ArrayLike<number>));
  const auc = Float64Array.from(at, (tau, k) => {
    const s = scoreAt(k);
    checkList(`${caller}: risk`, s);
    if (s.length !== n) throw new InputError(`${caller}: ${n} test rows but ${s.length} risk scores`);
    const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => s[b] - s[a]);
    let cases = 0;
    let controls = 0;
    for (let i = 0; i < n; i++) {
      if (t[i] <= tau && e[i]) cases += w[i];
      else if (t[i] > tau) controls++;
    }
    if (cases === 0 || controls === 0)
      throw new InputError(`${caller}: at time ${tau} there are ${cases ? 'no controls' : 'no cases'}; choose a time with events before and patients after it`);
    // The ROC curve with one point per distinct score (tied scores move together), then the trapezoid rule.
    let tp = 0;
    let fp = 0;
    let prevTp = 0;
    let prevFp = 0;
    let area = 0;
    for (let r = 0; r < n; r++) {
      const i = order[r];
      if (t[i] <= tau && e[i]) tp += w[i];
      else if (t[i] > tau) fp++;
      if (r + 1 < n && Math.abs(s[order[r + 1]] - s[i]) <= 1e-8) continue;
      area += ((fp - prevFp) / controls) * ((tp + prevTp) / (2 * cases));
      prevTp = tp;
      prevFp = fp;
    }
    return area;
  });
  let meanAuc = auc[0];
  if (at.length > 1) {
    const km = kaplanMeier(t, e);
    const surv = { times: km.times, values: km.survival };
    let previous = 1;
    let integral = 0;
    at.forEach((tau, k) => {
      const sk = stepAt(surv, tau);
      integral += auc[k] * (previous - sk);
      previous = sk;
    });
    meanAuc = integral / (1 - previous);
  }
  return { times: at, auc, meanAuc };
}
