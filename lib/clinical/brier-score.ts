/**
 * `brierScore` and `integratedBrierScore`: the squared error of predicted survival probabilities at each time t,
 * with the censored patients' share carried by inverse-probability-of-censoring weights from the training set —
 * S(t)² / G(T) for an event by t, (1 − S(t))² / G(t) for a patient still event-free — and its trapezoid integral
 * over the times, divided by their span (scikit-survival's `brier_score` and `integrated_brier_score`). 0 is
 * perfect; 0.25 is a constant 0.5.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { survivalData } from './survival-data';
import { censoringAt, censoringSurvival, type SurvivalOutcome } from './censoring-survival';
import { evaluationTimes } from './cumulative-dynamic-auc';

/**
 * The Brier score at each time; `survival[i][k]` is row i's predicted survival probability at `times[k]`.
 * @example brierScore(train, test, cox.predictSurvival(testTable, [365, 730]).survival, [365, 730])
 */
export function brierScore(
  train: SurvivalOutcome,
  test: SurvivalOutcome,
  survival: ArrayLike<number>[],
  times: ArrayLike<number>,
): { times: Float64Array; score: Float64Array } {
  const caller = 'brierScore';
  const g = censoringSurvival(train, caller);
  const { t, e } = survivalData(caller, test?.time, test?.event);
  const at = evaluationTimes(times, t, caller);
  checkList(`${caller}: survival`, survival);
  if (survival.length !== t.length) throw new InputError(`${caller}: ${t.length} test rows but ${survival.length} rows of predicted survival`);
  survival.forEach((row, i) => {
    if (!row || row.length !== at.length) throw new InputError(`${caller}: row ${i} of survival holds ${row?.length} values; give one per time (${at.length})`);
  });
  // G = 0 makes a term 0 (scikit-survival divides by infinity there).
  const inverse = (v: number) => (v === 0 ? 0 : 1 / v);
  // Only events by the last time are weighted by G(T).
  const gT = Float64Array.from(t, (ti, i) => (e[i] && ti <= at[at.length - 1] ? inverse(censoringAt(g, ti, caller)) : 0));
  const score = Float64Array.from(at, (tau, k) => {
    const gTau = inverse(censoringAt(g, tau, caller));
    let sum = 0;
    for (let i = 0; i < t.length; i++) {
      const s = survival[i][k];
      if (!(s >= 0 && s <= 1)) throw new InputError(`${caller}: survival[${i}][${k}] is ${s}; predicted survival probabilities lie in [0, 1]`);
      if (t[i] <= tau && e[i]) sum += s * s * gT[i];
      else if (t[i] > tau) sum += (1 - s) * (1 - s) * gTau;
    }
    return sum / t.length;
  });
  return { times: at, score };
}

/**
 * The Brier score integrated over `times` (at least two) by the trapezoid rule, over their span.
 * @example integratedBrierScore(train, test, curves.survival, curves.times)
 */
export function integratedBrierScore(train: SurvivalOutcome, test: SurvivalOutcome, survival: ArrayLike<number>[], times: ArrayLike<number>): number {
  const { times: at, score } = brierScore(train, test, survival, times);
  if (at.length < 2) throw new InputError('integratedBrierScore needs at least two distinct times');
  let area = 0;
  for (let k = 1; k < at.length; k++) area += ((score[k] + score[k - 1]) / 2) * (at[k] - at[k - 1]);
  return area / (at[at.length - 1] - at[0]);
}
