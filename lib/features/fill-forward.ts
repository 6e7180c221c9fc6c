/**
 * `fillForward`: each missing value (NaN) replaced by the last value before it, as pandas' `ffill(limit=…)` — the
 * usual way to carry a price over a holiday or a reading over a sensor gap. Backward-looking by construction, so it
 * is safe before a split and for features. Values before the first present one stay NaN. There is deliberately no
 * backward fill or interpolation here: both take values from later rows (look-ahead); impute with a fitted
 * `simpleImputer` instead when a value must exist.
 */
import { checkPositiveInt } from '../util/check';
import { checkList } from '../util/check';

export interface FillForwardOptions {
  /** Fill at most this many missing values in a row after a present one (pandas' `limit`). Defaults to no limit. */
  limit?: number;
}

/** @example const close = fillForward(prices.numbers('close'), { limit: 3 }); */
export function fillForward(x: ArrayLike<number>, options: FillForwardOptions = {}): Float64Array {
  checkList('fillForward: x', x);
  const limit = options.limit === undefined ? Infinity : checkPositiveInt('limit', options.limit);
  const out = Float64Array.from(x);
  let last = NaN;
  let run = 0;
  for (let t = 0; t < out.length; t++) {
    if (out[t] === out[t]) {
      last = out[t];
      run = 0;
    } else if (++run <= limit) out[t] = last;
  }
  return out;
}
