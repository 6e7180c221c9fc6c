/**
 * Finding and reading one CSV field in the bytes, quote-aware: where a field starts and ends, its text, a whole
 * row's fields. Shared by the row scan (csv-scan.ts), text columns and the byte-level date parser.
 */
import { InputError } from '../util/errors';
import * as bytes from './csv-bytes';

// Local bindings for the byte constants (an import binding is a property getter in tsx's CommonJS output).
const { CR, LF, QUOTE, SPACE, TAB } = bytes;

/** Whether bytes [s, e) hold only whitespace (or nothing). */
export function isBlank(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] !== SPACE && b[i] !== TAB && b[i] !== LF && b[i] !== CR) return false;
  return true;
}

/** The end of the unquoted field starting at s: its delimiter, line end or the end of the input. */
export function fieldEnd(b: Uint8Array, s: number, dc: number): number {
  while (s < b.length && b[s] !== dc && b[s] !== LF && b[s] !== CR) s++;
  return s;
}

/**
 * What the row scan recorded about a file, which is all that reading one of its fields again needs: the bytes and
 * delimiter, each row's start, per column the start of each field that is not a plain decimal, and the rows
 * holding a quoted field.
 */
export interface CsvIndex {
  b: Uint8Array;
  dc: number;
  rows: number;
  rowStarts: Int32Array;
  textStarts: readonly (Int32Array | undefined)[];
  quotedRows: Uint8Array | undefined;
}

/**
 * Where field c of row r starts, from what the scan noted: the row's start for the first column, the recorded
 * start of a field that is not a plain decimal, else after the row's c-th delimiter — or -1 in a row with quotes,
 * where only the quote-aware readRow finds a field the scan read as a number.
 */
export function fieldStart(index: CsvIndex, r: number, c: number): number {
  if (c === 0) return index.rowStarts[r];
  return index.textStarts[c]?.[r] || (index.quotedRows?.[r] ? -1 : fieldStartOf(index.b, index.dc, index.rowStarts[r], c));
}

/** Where field c of an unquoted row starts, from the row's start: after its c-th delimiter. */
export function fieldStartOf(b: Uint8Array, dc: number, rowStart: number, c: number): number {
  let s = rowStart;
  for (let k = 0; k < c; k++) {
    while (b[s] !== dc) s++;
    s++;
  }
  return s;
}

/**
 * The end of the quoted field starting at i (on its opening quote): the index after the quote that closes it,
 * the first quote not doubled.
 */
export function quotedEnd(b: Uint8Array, i: number, source: string, line: number): number {
  const n = b.length;
  let j = i + 1;
  for (;;) {
    // A loop, not b.indexOf: most quoted fields are short, and a call into indexOf per field costs more than the scan.
    while (j < n && b[j] !== QUOTE) j++;
    if (j >= n) throw new InputError(`${source}: unclosed quote starting at line ${line}; close the quote or remove it`);
    if (b[j + 1] !== QUOTE) return j + 1;
    j += 2;
  }
}

/** The text of the field starting at s, quoted or not (quotes removed, doubled quotes undoubled, as readRow). */
export function fieldText(b: Uint8Array, s: number, dc: number, decode: (s: number, e: number) => string, source: string): string {
  if (b[s] !== QUOTE) return decode(s, fieldEnd(b, s, dc));
  const closed = quotedEnd(b, s, source, 0);
  return quotedText(b, s, closed, fieldEnd(b, closed, dc), decode);
}

/**
 * A quoted field's text: between the quotes, doubled quotes undoubled, then whatever follows the closing quote up
 * to the field's end, as it is — pandas reads `"12"34` as 1234 and `"5"x` as 5x (quotes there are literal).
 */
function quotedText(b: Uint8Array, s: number, closed: number, end: number, decode: (s: number, e: number) => string): string {
  const inside = decode(s + 1, closed - 1).replaceAll('""', '"');
  return end === closed ? inside : inside + decode(closed, end);
}

/** One row's fields as text, quote-aware, and the index after its line end. */
export function readRow(
  b: Uint8Array,
  i: number,
  dc: number,
  decode: (s: number, e: number) => string,
  source: string,
  line: number,
): { fields: string[]; next: number } {
  const n = b.length;
  const fields: string[] = [];
  for (;;) {
    if (b[i] === QUOTE) {
      const e = quotedEnd(b, i, source, line);
      const end = fieldEnd(b, e, dc);
      fields.push(quotedText(b, i, e, end, decode));
      i = end;
    } else {
      const s = i;
      i = fieldEnd(b, i, dc);
      fields.push(decode(s, i));
    }
    if (i < n && b[i] === dc) {
      i++;
      if (i < n) continue;
      fields.push(''); // a trailing delimiter ends the input: the last field is empty
    }
    if (i < n) i += b[i] === CR && b[i + 1] === LF ? 2 : 1;
    return { fields, next: i };
  }
}
