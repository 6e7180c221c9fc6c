/**
 * A fast CSV reader into columns of strings: RFC 4180 quoting (quoted delimiters, doubled quotes, quoted
 * newlines), CRLF or LF, a byte-order mark, and `,` `;` or tab detected from the header line.
 */
import { InputError } from '../util/errors';

export interface ParsedCsv {
  header: string[];
  /** One array of field strings per column, each of length `numRows` (built on first access). */
  readonly columns: string[][];
  numRows: number;
  delimiter: string;
  /**
   * One column's field strings (cached).
   */
  column(column: number): string[];
  /**
   * The column as numbers when every field is a plain decimal (`-12.5`, `3`, at most 15 digits), parsed
   * while scanning without making strings — exactly what `Number(field)` gives — else undefined.
   */
  numbers(column: number): Float64Array | undefined;
}

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles up to 1e22

/** Growable per-column buffers: field offsets, the fast-parsed number (NaN if not plain), quoted text. */
class ColumnBuffer {
  start = new Int32Array(16);
  end = new Int32Array(16);
  num = new Float64Array(16);
  plain = true;
  quoted: Map<number, string> | undefined;
  /** Records row `row`'s field: its span in the text, its fast-parsed value, and its text if it was quoted. */
  record(row: number, start: number, end: number, value: number, quotedText?: string): void {
    this.grow(row);
    this.start[row] = start;
    this.end[row] = end;
    this.num[row] = value;
    if (value !== value) this.plain = false;
    if (quotedText !== undefined) (this.quoted ??= new Map()).set(row, quotedText);
  }
  private grow(rows: number): void {
    if (rows < this.start.length) return;
    const cap = Math.max(rows + 1, this.start.length * 2);
    const s = new Int32Array(cap);
    s.set(this.start);
    const e = new Int32Array(cap);
    e.set(this.end);
    const v = new Float64Array(cap);
    v.set(this.num);
    this.start = s;
    this.end = e;
    this.num = v;
  }
}

/** Picks the delimiter that splits the header (outside quotes) into the most fields. */
export function detectDelimiter(text: string): string {
  const end = text.indexOf('\n');
  const line = end < 0 ? text : text.slice(0, end);
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t', '|']) {
    let count = 0;
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (c === '"') quoted = !quoted;
      else if (c === d && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/**
 * Parses CSV text. `source` names the file in errors.
 * @example parseCsv('a,b\n1,2\n').columns  // [['1'], ['2']]
 */
export function parseCsv(text: string, options: { delimiter?: string; source?: string } = {}): ParsedCsv {
  const source = options.source ?? 'CSV';
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') throw new InputError(`${source} is empty: expected a header line and at least one row`);
  const delim = options.delimiter ?? detectDelimiter(text);
  const dc = delim.charCodeAt(0);
  const n = text.length;
  // Fields are recorded as offsets into the text per column (no per-row arrays, no strings yet); plain decimal
  // numbers are parsed during the scan, so numeric columns never become strings at all.
  let header: string[] | undefined;
  let buffers: ColumnBuffer[] = [];
  let width = 0;
  let numRows = 0;
  let line = 1; // physical line of the current row, for errors
  const headerRow: string[] = [];
  let col = 0;
  let i = 0;
  const badWidth = (got: number): never => {
    throw new InputError(
      `${source}: line ${line} has ${got} fields but the header has ${width}` +
        ` (delimiter "${delim === '\t' ? '\\t' : delim}"); check quoting, or pass { delimiter } if it was guessed wrong`,
    );
  };
  let blank = false; // the current row is one empty field so far
  const endRow = () => {
    if (!header) {
      if (!(headerRow.length === 1 && headerRow[0] === '')) {
        header = headerRow.map((h) => h.trim());
        width = header.length;
        buffers = header.map(() => new ColumnBuffer());
      } else headerRow.length = 0;
    } else if (col === 1 && blank && width !== 1) {
      // a blank line carries no data
    } else {
      if (col !== width) badWidth(col);
      numRows++;
    }
    col = 0;
  };
  while (i < n) {
    const fieldStart = i;
    let quotedText: string | undefined;
    let value = NaN;
    if (text.charCodeAt(i) === 34 /* " */) {
      // Quoted field: runs to the next quote not followed by another quote.
      let j = i + 1;
      let parts = '';
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) throw new InputError(`${source}: unclosed quote starting at line ${line}; close the quote or remove it`);
        if (text.charCodeAt(q + 1) === 34) {
          parts += text.slice(j, q + 1);
          j = q + 2;
        } else {
          parts += text.slice(j, q);
          i = q + 1;
          break;
        }
      }
      for (let k = parts.indexOf('\n'); k >= 0; k = parts.indexOf('\n', k + 1)) line++;
      quotedText = parts;
      // Skip anything between the closing quote and the delimiter (tolerated, like pandas).
      while (i < n && text.charCodeAt(i) !== dc && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
    } else {
      // Unquoted: scan to the delimiter, parsing [-]digits[.digits] on the way (Clinger's fast path: an
      // integer mantissa below 2^53 divided by an exact power of ten is correctly rounded, as Number() is).
      let j = i;
      let mant = 0;
      let digits = 0;
      let frac = -1;
      let ok = true;
      if (j < n && text.charCodeAt(j) === 45) j++;
      for (; j < n; j++) {
        const c = text.charCodeAt(j);
        if (c >= 48 && c <= 57) {
          mant = mant * 10 + (c - 48);
          digits++;
          if (frac >= 0) frac++;
        } else if (c === 46 && frac < 0) frac = 0;
        else if (c === dc || c === 10 || c === 13) break;
        else {
          ok = false;
          for (; j < n; j++) {
            const d = text.charCodeAt(j);
            if (d === dc || d === 10 || d === 13) break;
          }
          break;
        }
      }
      if (ok && digits > 0 && digits <= 15) value = (text.charCodeAt(i) === 45 ? -mant : mant) / POW10[frac > 0 ? frac : 0];
      i = j;
    }
    if (!header) headerRow.push(quotedText ?? text.slice(fieldStart, i));
    else if (col < width) buffers[col].record(numRows, fieldStart, i, value, quotedText);
    if (col === 0) blank = i === fieldStart;
    col++;
    if (i >= n) break;
    const c = text.charCodeAt(i);
    if (c === dc) {
      i++;
      blank = false;
      if (i >= n) {
        // A trailing delimiter ends the text: the last field is empty.
        if (header && col < width) buffers[col].record(numRows, i, i, NaN);
        col++;
      }
    } else {
      // End of line: CRLF, LF or CR.
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRow();
      line++;
    }
  }
  if (col > 0) endRow();
  if (!header) throw new InputError(`${source} is empty: expected a header line and at least one row`);
  const names = header as string[];
  const seen = new Set<string>();
  for (const h of names) {
    if (h === '') throw new InputError(`${source}: the header has an empty column name (position ${names.indexOf(h) + 1}); name every column`);
    if (seen.has(h)) throw new InputError(`${source}: duplicate column name "${h}" in the header; rename one of them`);
    seen.add(h);
  }
  const rows = numRows;
  const strings = (c: number): string[] => {
    const b = buffers[c];
    const out = new Array<string>(rows);
    for (let r = 0; r < rows; r++) out[r] = b.quoted?.get(r) ?? text.slice(b.start[r], b.end[r]);
    return out;
  };
  const cache: string[][] = [];
  const column = (c: number) => (cache[c] ??= strings(c));
  return {
    header: names,
    numRows: rows,
    delimiter: delim,
    get columns() {
      return names.map((_, c) => column(c));
    },
    column,
    numbers: (c: number) => (rows > 0 && buffers[c].plain ? buffers[c].num.slice(0, rows) : undefined),
  };
}
