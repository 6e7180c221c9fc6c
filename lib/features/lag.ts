/**
 * `lag` and `diff`: pandas' `shift(k)` and `diff(k)`; the first k values are NaN (no past to look at). `lead`, the
 * value k rows ahead, is for targets only.
 */
import { checkAligned, checkPositiveInt } from '../util/check';
import { checkList } from '../util/check';

/** The value k rows earlier. */
export function lag(x: ArrayLike<number>, k = 1): Float64Array {
  checkList('lag: x', x);
  checkPositiveInt('k', k);
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = k; t < x.length; t++) out[t] = x[t - k];
  return out;
}

/**
 * The value k rows later (pandas' `shift(-k)`): for building a target ("tomorrow's return"), never a feature. The
 * last k values are NaN. Split with `splitByTime({ gap: k })` so that no training label is a test-period value.
 */
export function lead(x: ArrayLike<number>, k = 1): Float64Array {
  checkList('lead: x', x);
  checkPositiveInt('k', k);
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = 0; t + k < x.length; t++) out[t] = x[t + k];
  return out;
}

/** x[t] - x[t-k]. */
export function diff(x: ArrayLike<number>, k = 1): Float64Array {
  checkList('diff: x', x);
  checkPositiveInt('k', k);
  const out = new Float64Array(x.length).fill(NaN);
  for (let t = k; t < x.length; t++) out[t] = x[t] - x[t - k];
  return out;
}

/** a - b, element by element (e.g. the 10-year minus 1-year yield spread). */
export function spread(a: ArrayLike<number>, b: ArrayLike<number>): Float64Array {
  checkAligned('spread', a, b);
  return Float64Array.from(a, (v, i) => v - b[i]);
}
