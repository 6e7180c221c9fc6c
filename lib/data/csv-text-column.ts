/** A CSV column as text, decoded from the bytes with each distinct short value made into a string once. */
import { CsvIndex, fieldStart as importedFieldStart } from './csv-fields';
import * as bytes from './csv-bytes';

// Local bindings for the byte constants (an import binding is a property getter in tsx's CommonJS output).
const { CR, LF, QUOTE } = bytes;

// A local binding for the per-row call: through the import binding each call paid for a property getter (tsx's CommonJS output).
const fieldStart = importedFieldStart;

/** How text comes out of the bytes: a short field, a long one (it may decode the whole input first), any field. */
export interface TextDecoders {
  decode: (s: number, e: number) => string;
  decodeLong: (s: number, e: number) => string;
  /** The text of field c of a row, quote-aware (the rows a start alone cannot read). */
  field: (row: number) => string;
}

/**
 * Column c as text, null for a missing marker. A field of up to 6 bytes is looked up by its bytes packed into
 * one number (a leading 1, then 8 bits per byte: exact below 2^53) in a small table of the values seen, so a
 * category column of 200,000 rows makes a handful of strings instead of 200,000 and checks each distinct value
 * against `missing` once (after 512 distinct short values the rest are decoded per row). A quoted field's
 * content is looked up the same way; `field` gives the text of the fields this cannot read from their start (in
 * a row with quotes: a doubled quote, text after the closing quote, a field the scan read as a number).
 */
export function textColumn(index: CsvIndex, c: number, missing: ReadonlySet<string>, decoders: TextDecoders): (string | null)[] {
  const { b, dc, rows } = index;
  const { decode, decodeLong, field } = decoders;
  const n = b.length;
  const out = new Array<string | null>(rows);
  // An open-addressing table of the short values seen: packed key, its text; 1,024 slots, half of them used at most.
  const keys = new Float64Array(1024);
  const texts: (string | null)[] = new Array(1024).fill(null);
  let used = 0;
  const orNull = (text: string) => (missing.has(text.trim()) ? null : text);
  for (let r = 0; r < rows; r++) {
    let s = fieldStart(index, r, c);
    let e = s;
    let key = 1;
    let h = 7;
    if (s >= 0 && b[s] === QUOTE) {
      // A quoted field: its content, shared like an unquoted value's, unless it holds a doubled quote or something
      // follows the closing quote (then readRow's text).
      s++;
      for (e = s; e < n; e++) {
        const ch = b[e];
        if (ch === QUOTE) break;
        key = key * 256 + ch;
        h = (Math.imul(h, 31) + ch) | 0;
      }
      const after = b[e + 1];
      if (e >= n || !(e + 1 === n || after === dc || after === LF || after === CR)) s = -1;
    } else if (s >= 0) {
      // The field's end, its bytes packed (exact up to 6 bytes) and a hash of them, in one pass.
      for (; e < n; e++) {
        const ch = b[e];
        if (ch === dc || ch === LF || ch === CR) break;
        key = key * 256 + ch;
        h = (Math.imul(h, 31) + ch) | 0;
      }
    }
    if (s < 0) {
      out[r] = orNull(field(r));
      continue;
    }
    if (e - s > 6) {
      out[r] = orNull(decodeLong(s, e));
      continue;
    }
    let slot = h & 1023;
    while (keys[slot] !== 0 && keys[slot] !== key) slot = (slot + 1) & 1023;
    if (keys[slot] === key) {
      out[r] = texts[slot];
      continue;
    }
    const text = orNull(decode(s, e));
    out[r] = text;
    if (used < 512) {
      keys[slot] = key;
      texts[slot] = text;
      used++;
    }
  }
  return out;
}
