/**
 * `censoringSurvival`: G(t), the probability of still being under follow-up (not yet censored) at t — the
 * Kaplan–Meier estimate with censorings as the events (scikit-survival's `CensoringDistributionEstimator`; events
 * at a time leave the risk set before the censorings there). Its inverse weights a held-out event so that a
 * censored test set scores like a complete one (IPCW: Uno's C, time-dependent AUC, the Brier score).
 */
import { InputError } from '../util/errors';
import { describeArgument, isArrayLike } from '../util/check';
import { eventTable } from './event-table';
import { survivalData } from './survival-data';

/** Follow-up of a set of patients: times and event flags (1 = event, 0 = censored). */
export interface SurvivalOutcome {
  time: ArrayLike<number>;
  event: ArrayLike<number | boolean>;
}

/** A right-continuous step function: `values[k]` from `times[k]` on, 1 before the first time. */
export interface StepFunction {
  times: Float64Array;
  values: Float64Array;
}

/** The value of a step function at t: that of the last time ≤ t (1 before the first). */
export function stepAt(f: StepFunction, t: number): number {
  if (!f || !isArrayLike(f.times) || !isArrayLike(f.values) || typeof t !== 'number')
    throw new InputError(`stepAt takes a step function { times, values } and a time, got ${describeArgument(f)} and ${describeArgument(t)}`);
  let lo = 0;
  let hi = f.times.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (f.times[mid] <= t) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? 1 : f.values[lo - 1];
}

/**
 * G(t) of a training set, the reference for inverse-probability-of-censoring weights.
 * @example const g = censoringSurvival({ time, event }); stepAt(g, 365)
 */
export function censoringSurvival(outcome: SurvivalOutcome, caller = 'censoringSurvival'): StepFunction {
  const { t, e } = survivalData(caller, outcome?.time, outcome?.event);
  const table = eventTable(t, e);
  let g = 1;
  const values = Float64Array.from(table.times, (_, k) => {
    const atRisk = table.atRisk[k] - table.events[k];
    if (table.censored[k] > 0) g *= 1 - table.censored[k] / atRisk;
    return g;
  });
  return { times: table.times, values };
}

/** G at t, refusing a time beyond the training follow-up while G is still above 0 (nothing is known there). */
export function censoringAt(g: StepFunction, t: number, caller: string): number {
  const last = g.times[g.times.length - 1];
  if (t > last && g.values[g.values.length - 1] > 0)
    throw new InputError(`${caller}: time ${t} is beyond the training follow-up (last ${last}); evaluate at times within it, or train on longer follow-up`);
  return stepAt(g, t);
}

/**
 * Inverse-probability-of-censoring weights of a test set: 1 / G(T) for events, 0 for censored rows. Events after
 * `until` get 0 too: a score at times up to `until` never weights them (scikit-survival computes them anyway, and
 * refuses a test event after the training follow-up even then).
 */
export function censoringWeights(g: StepFunction, t: Float64Array, e: Uint8Array, caller: string, until = Infinity): Float64Array {
  return Float64Array.from(t, (ti, i) => {
    if (!e[i] || ti > until) return 0;
    const gi = censoringAt(g, ti, caller);
    if (gi === 0) throw new InputError(`${caller}: no training patient is still followed at time ${ti} (G = 0); evaluate up to an earlier time (tau)`);
    return 1 / gi;
  });
}
