/**
 * How a file writes its numbers: the decimal mark and the thousands separator (pandas' `decimal` and
 * `thousands`). European exports write 1.234,56 where American ones write 1,234.56; a number written one way
 * and read the other is either refused with a hint (`numberFormatHint`) or, with the format given, read exactly.
 */
import { InputError } from '../util/errors';

export interface NumberFormat {
  /** The decimal mark: "." (1234.5) or "," (1234,5). */
  decimal: '.' | ',';
  /** The thousands separator removed before reading, e.g. "," in 1,234.5 or "." in 1.234,5; none when undefined. */
  thousands?: string;
}

/**
 * Space-like thousands separators, any of which `{ thousands: " " }` removes: a space, a no-break space (U+00A0)
 * and a narrow no-break space (U+202F, what French number formatting writes), which look alike in a spreadsheet.
 */
const SPACES = [' ', '\u00a0', '\u202f'];
const SPACE_GROUPED = /^[+-]?\d{1,3}([ \u00a0\u202f]\d{3})+([.,]\d+)?$/;

/** Numbers as `Number` reads them: "." decimals, no thousands separator. */
export const PLAIN_DECIMALS: NumberFormat = { decimal: '.' };

export interface NumberFormatOptions {
  /** Decimal mark: "." or ",". Defaults to ".". */
  decimal?: string;
  /** Thousands separator, one character other than the decimal mark. Defaults to none. */
  thousands?: string;
}

/** The format from loader options, checked: the decimal mark is "." or ",", the thousands separator another single character. */
export function numberFormat(options: NumberFormatOptions): NumberFormat {
  const decimal = options.decimal ?? '.';
  if (decimal !== '.' && decimal !== ',') {
    throw new InputError(`decimal ${JSON.stringify(decimal)} is not a decimal mark; pass "." (1234.5) or "," (1234,5)`);
  }
  const thousands = options.thousands || undefined;
  if (thousands !== undefined && (thousands.length !== 1 || /[0-9+\-eE]/.test(thousands))) {
    throw new InputError(`thousands ${JSON.stringify(thousands)} must be one character that is not a digit or sign, such as "," "." or " "`);
  }
  if (thousands === decimal) {
    throw new InputError(`thousands and decimal are both ${JSON.stringify(decimal)}; a file uses different marks (1,234.5 or 1.234,5)`);
  }
  return { decimal, thousands };
}

/**
 * The number `text` holds in this format, or NaN when it holds none (empty or text) or is an integer a Float64
 * cannot hold exactly (`beyondExactIntegers`). Decimals as `Number` reads them (exponents, Infinity); with a ","
 * decimal mark a "." that is not the thousands separator is refused, so 1.5 is never read as 15 or 1.5 by accident.
 * Hexadecimal, binary and octal literals are text (`radixPrefixed`).
 */
export function parseNumber(text: string, format: NumberFormat): number {
  let s = text.trim();
  if (format.thousands !== undefined) s = SPACES.includes(format.thousands) ? s.replace(/[ \u00a0\u202f]/g, '') : s.split(format.thousands).join('');
  if (format.decimal === ',') {
    if (s.includes('.')) return NaN;
    s = s.replace(',', '.');
  }
  if (s.length <= 9 && INFINITY.test(s)) return s.charCodeAt(0) === 45 ? -Infinity : Infinity;
  return s === '' || beyondExactIntegers(s) || radixPrefixed(s) ? NaN : Number(s);
}

/**
 * Whether `text` starts like a hexadecimal, binary or octal literal ("0x1F", "0b101", "0o17"), which `Number`
 * reads as 31, 5 and 15. pandas keeps such values as text, and so does the loader: they are codes, not amounts.
 */
export function radixPrefixed(text: string): boolean {
  const c = text.charCodeAt(1) | 32; // lower case
  return text.charCodeAt(0) === 48 && (c === 120 || c === 98 || c === 111);
}

/**
 * Whether `text` is an integer written out in digits beyond 2^53 (9,007,199,254,740,992), where Float64 — the
 * only numeric storage here — no longer holds every integer: a 16–20 digit card, account or transaction number
 * would silently lose its last digits. Such columns stay text, with every digit. Numbers written with a
 * decimal point or exponent are measurements, and rounding them is expected.
 */
export function beyondExactIntegers(text: string): boolean {
  // A loop, not a regular expression: a field of ten million digits overflowed the regex engine's stack.
  const s = text.trim();
  let i = s.charCodeAt(0) === 43 || s.charCodeAt(0) === 45 ? 1 : 0;
  while (i < s.length && s.charCodeAt(i) === 48) i++;
  if (s.length - i < 16) return false;
  for (let j = i; j < s.length; j++) {
    const c = s.charCodeAt(j);
    if (c < 48 || c > 57) return false;
  }
  return s.length - i > 16 || s.slice(i) > '9007199254740992';
}

/** pandas' spellings of infinity, any case: inf, +inf, -inf, infinity, +infinity, -infinity. */
const INFINITY = /^[+-]?inf(inity)?$/i;

const THOUSANDS_COMMA = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d+(\.\d{3})*,\d+$/;

/**
 * For a value that is a number written with marks the format it was read with does not expect, the loader
 * option that reads it (or, for an integer beyond 2^53, why it stays text); otherwise undefined. "1,234" is
 * either 1234 or 1.234, and the hint says so.
 */
export function numberFormatHint(value: string, format: NumberFormat = PLAIN_DECIMALS): string | undefined {
  const v = value.trim();
  if (beyondExactIntegers(v)) {
    return 'it is an integer beyond 2^53, which a Float64 cannot hold exactly (an ID?); keep the column as text (schema "category" when loading)';
  }
  if (radixPrefixed(v))
    return 'it is a hexadecimal, binary or octal literal, kept as text as pandas keeps it; convert it with parseInt through withColumn if it is a number';
  if (/^[+-]?[\d.,]*\d\s*%$/.test(v)) return 'it is a percentage: strip the "%" (and divide by 100) with withColumn, or load the column as text';
  if (/^[+-]?[$€£¥]\s*[\d.,]*\d$|^[+-]?[\d.,]*\d\s*[$€£¥]$/.test(v))
    return 'it carries a currency symbol: strip it with withColumn, or load the column as text';
  if (/^\(\s*[\d.,]*\d\s*\)$/.test(v))
    return 'it is an accounting-style negative in parentheses: rewrite "(x)" as "-x" with withColumn, or load the column as text';
  if (/^[\d.,]*\d-$/.test(v))
    return 'it is a negative with a trailing minus (SAP and mainframe exports): move the "-" to the front with withColumn, or load the column as text';
  if (SPACE_GROUPED.test(v) && !(format.thousands !== undefined && SPACES.includes(format.thousands))) {
    const comma = /,\d+$/.test(v) && format.decimal !== ',';
    return `it is a number with spaces between its thousands: pass { thousands: " " }${comma ? ' and { decimal: "," }' : ''} to loadCsv`;
  }
  if (format.decimal === ',') {
    return format.thousands !== '.' && Number.isFinite(Number(v)) && v.includes('.')
      ? 'it has a "." decimal mark but was read with { decimal: "," }; fix the value or the option'
      : undefined;
  }
  if (format.thousands !== undefined) return undefined;
  const thousands = THOUSANDS_COMMA.test(v);
  const decimal = DECIMAL_COMMA.test(v);
  if (thousands && decimal) return `it is a number with a thousands separator or a decimal comma: pass { thousands: "," } or { decimal: "," } to loadCsv`;
  if (thousands) return 'pass { thousands: "," } to loadCsv';
  if (decimal) return `it is a number with a decimal comma: pass { decimal: "," } to loadCsv${v.includes('.') ? ' with { thousands: "." }' : ''}`;
  return undefined;
}
