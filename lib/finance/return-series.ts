/** `returnSeries`: the check every finance function makes of its returns — a list of at least `min` finite numbers — and a copy to compute on. */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';

/** A Float64Array copy of `returns`, refused naming the caller when it is shorter than `min` or holds NaN or ±Infinity. */
export function returnSeries(caller: string, returns: ArrayLike<number>, min: number, why = ''): Float64Array {
  checkList(`${caller}: returns`, returns);
  const r = Float64Array.from(returns);
  if (r.length < min) throw new InputError(`${caller} needs at least ${min} returns${why}, got ${r.length}`);
  for (let i = 0; i < r.length; i++) if (!Number.isFinite(r[i])) throw new InputError(`${caller}: returns hold ${r[i]} at ${i}; drop missing periods first`);
  return r;
}
