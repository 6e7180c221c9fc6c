/**
 * `nelsonAalen`: the Nelson–Aalen estimate of the cumulative hazard H(t) = Σ d / n over event times up to t, with
 * the variance Σ (1 − d/n)(d/n)/n and a band on the log scale, H·exp(±z·√var / H) — lifelines'
 * `NelsonAalenFitter(nelson_aalen_smoothing=False)`. exp(−H) is the Breslow–Fleming–Harrington survival curve.
 */
import { InputError } from '../util/errors';
import { normalQuantile } from '../util/distributions';
import { eventTable } from './event-table';
import { survivalData } from './survival-data';

export interface NelsonAalenOptions {
  /** Confidence level of the band. Defaults to 0.95. */
  level?: number;
}

export interface NelsonAalenResult {
  /** Distinct observed times, ascending, with 0 first (hazard 0). */
  times: Float64Array;
  cumulativeHazard: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
}

/**
 * The cumulative hazard of one group.
 * @example nelsonAalen(t.numbers('time'), t.numbers('status')).cumulativeHazard
 */
export function nelsonAalen(time: ArrayLike<number>, event: ArrayLike<number | boolean>, options: NelsonAalenOptions = {}): NelsonAalenResult {
  const { t, e } = survivalData('nelsonAalen', time, event);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`nelsonAalen: level must be in (0, 1), got ${level}`);
  const z = normalQuantile(1 - (1 - level) / 2);
  const table = eventTable(t, e);
  const first = table.times[0] === 0 ? 0 : 1;
  const n = table.times.length + first;
  const times = new Float64Array(n);
  const h = new Float64Array(n);
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  let cum = 0;
  let variance = 0;
  for (let k = 0; k < table.times.length; k++) {
    const ratio = table.events[k] / table.atRisk[k];
    cum += ratio;
    variance += ((1 - ratio) * ratio) / table.atRisk[k];
    const at = k + first;
    times[at] = table.times[k];
    h[at] = cum;
    const spread = cum > 0 ? Math.exp((z * Math.sqrt(variance)) / cum) : 1;
    lower[at] = cum / spread;
    upper[at] = cum * spread;
  }
  return { times, cumulativeHazard: h, lower, upper };
}
