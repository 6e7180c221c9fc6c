/**
 * The plain-decimal grammar, written once for TypeScript (native/plain-decimal.h is its C twin, tested equal):
 *
 *   plain decimal = ["-"] digits [mark digits]      mark: "." or, for a decimal-comma file, ","
 *
 * with at least one digit, a mantissa (the digits without the mark) of at most 2^53 − 1 and at most 22 digits
 * after the mark. Its value is the mantissa over 10^(digits after the mark): Clinger's fast path — an exact
 * integer over an exact power of ten is correctly rounded — so it is exactly what `Number(text)` gives. Anything
 * else (a "+", an exponent, spaces, a second mark, more digits) is not one, and is left to the slower readers.
 */
import * as bytes from './csv-bytes';

// Local bindings: through the import bindings each use paid for a property getter (tsx's CommonJS output).
const { DIGIT_0, DIGIT_9, MINUS } = bytes;

/** 10^0 … 10^22, each exact as a double. */
export const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k);

/** 2^53 − 1: the mantissa is exact up to here and, once past it, never falls back below (rounding is monotonic). */
export const MAX_EXACT_MANTISSA = 9007199254740991;

/** Where `readDecimal` stopped and what it read: reused across calls (one object per scan, not one per field). */
export interface DecimalRead {
  /** The first byte at or after the start that is not part of the grammar (or `limit`). */
  end: number;
  /** The value, NaN when the bytes read are no plain decimal (no digit, too many digits). */
  value: number;
}

/**
 * Reads the longest run of the grammar at byte i, before `limit`, into `out`. The caller decides whether the
 * field ended there (a delimiter, a line end): only then is `out.value` the field's value.
 */
export function readDecimal(b: Uint8Array, i: number, limit: number, mark: number, out: DecimalRead): void {
  const neg = b[i] === MINUS;
  let j = neg ? i + 1 : i;
  let mant = 0;
  let dot = -1;
  for (; j < limit; j++) {
    const c = b[j];
    if (c >= DIGIT_0 && c <= DIGIT_9) mant = mant * 10 + (c - DIGIT_0);
    else if (c === mark && dot < 0) dot = j;
    else break;
  }
  out.end = j;
  const digits = j - i - (dot >= 0 ? 1 : 0) - (neg ? 1 : 0);
  const fracDigits = dot >= 0 ? j - dot - 1 : 0;
  out.value = digits > 0 && mant <= MAX_EXACT_MANTISSA && fracDigits <= 22 ? (neg ? -mant : mant) / POW10[fracDigits] : NaN;
}

/** Bytes [s, e) as a plain decimal, else NaN (a quoted field's content). */
export function plainDecimal(b: Uint8Array, s: number, e: number, mark: number, scratch: DecimalRead): number {
  readDecimal(b, s, e, mark, scratch);
  return scratch.end === e ? scratch.value : NaN;
}
