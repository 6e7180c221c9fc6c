/**
 * `kaplanMeier`: the Kaplan–Meier estimate of survival from follow-up times and event flags (0 = censored), with
 * Greenwood's variance on the log(−log) scale for its confidence band (lifelines' default, "exponential
 * Greenwood": the band stays inside [0, 1]) and the median survival time (the first time survival is at or below
 * 0.5, as lifelines' `median_survival_time_`; Infinity if it never gets there).
 */
import { InputError } from '../util/errors';
import { normalQuantile } from '../util/distributions';
import { eventTable } from './event-table';
import { survivalData } from './survival-data';

export interface KaplanMeierOptions {
  /** Confidence level of the band. Defaults to 0.95. */
  level?: number;
}

export interface KaplanMeierResult {
  /** Distinct observed times, ascending, with 0 first (survival 1). */
  times: Float64Array;
  survival: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  /** At risk just before each time, events and censorings at it. */
  atRisk: Int32Array;
  events: Int32Array;
  censored: Int32Array;
  /** First time with survival ≤ 0.5 (Infinity when survival stays above). */
  median: number;
}

/**
 * The survival curve of one group.
 * @example const km = kaplanMeier(t.numbers('time'), t.numbers('status')); km.median
 */
export function kaplanMeier(time: ArrayLike<number>, event: ArrayLike<number | boolean>, options: KaplanMeierOptions = {}): KaplanMeierResult {
  const { t, e } = survivalData('kaplanMeier', time, event);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`kaplanMeier: level must be in (0, 1), got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const table = eventTable(t, e);
  const times = [0];
  const surv = [1];
  const lo = [1];
  const hi = [1];
  const risk = [t.length];
  const ev = [0];
  const cens = [0];
  let s = 1;
  let greenwood = 0; // Σ d / (n (n − d))
  let median = Infinity;
  for (let k = 0; k < table.times.length; k++) {
    const now = table.times[k];
    const atRisk = table.atRisk[k];
    const d = table.events[k];
    if (now === 0) {
      // events at time 0 belong to the first row (lifelines' timeline starts at 0)
      for (const column of [times, surv, lo, hi, risk, ev, cens]) column.pop();
    }
    s *= 1 - d / atRisk;
    if (d > 0 && atRisk > d) greenwood += d / (atRisk * (atRisk - d));
    let lower = s;
    let upper = s;
    if (s > 0 && s < 1) {
      const sd = Math.sqrt(greenwood) / Math.abs(Math.log(s));
      const c0 = Math.log(-Math.log(s));
      lower = Math.exp(-Math.exp(c0 + z * sd));
      upper = Math.exp(-Math.exp(c0 - z * sd));
    } else if (s === 0) lower = upper = 0;
    times.push(now);
    surv.push(s);
    lo.push(lower);
    hi.push(upper);
    risk.push(atRisk);
    ev.push(d);
    cens.push(table.censored[k]);
    if (median === Infinity && s <= 0.5) median = now;
  }
  return {
    times: Float64Array.from(times),
    survival: Float64Array.from(surv),
    lower: Float64Array.from(lo),
    upper: Float64Array.from(hi),
    atRisk: Int32Array.from(risk),
    events: Int32Array.from(ev),
    censored: Int32Array.from(cens),
    median,
  };
}
