/**
 * `survivalData`: follow-up times and event flags checked and copied — finite times ≥ 0, events 0/1 (or
 * true/false), one of each per patient — the input check of every survival function here.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';

/** Follow-up times and event flags checked: non-negative finite times, events 0/1 (true/false). */
export function survivalData(caller: string, time: ArrayLike<number>, event: ArrayLike<number | boolean>): { t: Float64Array; e: Uint8Array } {
  checkList(`${caller}: time`, time);
  checkList(`${caller}: event`, event);
  if (time.length !== event.length) throw new InputError(`${caller}: ${time.length} times but ${event.length} event flags; give one of each per patient`);
  if (time.length === 0) throw new InputError(`${caller} needs at least one patient`);
  const t = Float64Array.from(time);
  const e = new Uint8Array(t.length);
  for (let i = 0; i < t.length; i++) {
    if (!(t[i] >= 0) || !Number.isFinite(t[i]))
      throw new InputError(`${caller}: time holds ${t[i]} at ${i}; follow-up times are finite and ≥ 0 (drop or fix the row)`);
    const v = event[i];
    if (v !== 0 && v !== 1 && v !== true && v !== false) throw new InputError(`${caller}: event holds ${v} at ${i}; code events 1 (happened) and 0 (censored)`);
    e[i] = v ? 1 : 0;
  }
  return { t, e };
}
