/** A text column read as numbers (`Table.numbers` on text), or an error naming the first value that is not one. */
import { InputError } from '../util/errors';
import { formatValue } from '../util/format';
import { numberFormatHint, parseNumber, PLAIN_DECIMALS } from './number-format';

/** Each value as a plain decimal, NaN where missing (null or blank); the error names the row, value and a fix. */
export function textAsNumbers(name: string, col: readonly (string | null)[]): Float64Array {
  const out = new Float64Array(col.length);
  for (let i = 0; i < col.length; i++) {
    const s = col[i];
    const v = s === null ? NaN : parseNumber(s, PLAIN_DECIMALS);
    if (Number.isNaN(v) && s !== null && s.trim() !== '') {
      const hint = numberFormatHint(s) ?? 'clean it, encode it (labelEncoder / oneHotEncoder), or drop the column';
      throw new InputError(`column "${name}" is not numeric: row ${i} holds ${formatValue(s)}; ${hint}`);
    }
    out[i] = v;
  }
  return out;
}
