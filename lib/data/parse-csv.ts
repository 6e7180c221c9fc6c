/**
 * A fast CSV reader over bytes: RFC 4180 quoting (quoted delimiters, doubled quotes, quoted newlines), CRLF or
 * LF, a byte-order mark, and `,` `;` tab or `|` detected from the header line.
 *
 * One pass over the bytes parses plain decimal numbers straight into one Float64Array per column and
 * records where each row starts; numeric columns never become strings, and text is decoded only for the
 * columns asked for as text (by finding the field again from its row's start).
 */
import { isAscii } from 'buffer';
import { InputError } from '../util/errors';
import { allFinite } from '../util/check';
import { daysFromCivil, daysInMonth } from './parse-date';
import { nativeRowScan, ScanStop } from '../kernels/csv-row-scan';

export interface ParsedCsv {
  header: string[];
  /** One array of field strings per column, each of length `numRows` (built on first access). */
  readonly columns: string[][];
  numRows: number;
  delimiter: string;
  /** One column's field strings (cached). */
  column(column: number): string[];
  /** One field's text (quotes removed). */
  field(column: number, row: number): string;
  /**
   * The column as text, null where the trimmed field is one of `missing`. Short fields (up to 6 bytes: codes,
   * tickers, categories) are decoded once per distinct value and shared, not once per row.
   */
  texts(column: number, missing: ReadonlySet<string>): (string | null)[];
  /**
   * The column as numbers when every field is a plain decimal (`-12.5`, `3`; digits below 2^53, with the
   * `decimal` mark) — exactly what `Number(field)` gives, a decimal comma read as "." — else undefined.
   */
  numbers(column: number): Float64Array | undefined;
  /**
   * The column's fields parsed as plain decimals, NaN where a field is not one (empty, `NA`, `1e5`, text),
   * in an array the caller owns. Check the NaN rows with `field` to tell a missing value from text.
   */
  values(column: number): Float64Array;
  /**
   * The column as UTC epoch milliseconds when every field is an ISO day (`2000-01-03`) or an ISO date and time
   * without a UTC offset (`2000-01-03 09:30`, `2000-01-03T09:30:00.250Z`), each a real day and time; else
   * undefined (other formats, offsets, missing values and errors are for `parseDates`).
   */
  isoDates(column: number): Float64Array | undefined;
}

export interface ParseCsvOptions {
  /** Field delimiter. Defaults to the one of `,` `;` tab `|` that splits the header most. */
  delimiter?: string;
  /** Names the input in errors. */
  source?: string;
  /** How bytes decode to text. Defaults to "utf8". */
  encoding?: 'utf8' | 'latin1';
  /** The decimal mark of the plain decimals `numbers` and `values` read: "." (12.5) or "," (12,5). Defaults to ".". */
  decimal?: '.' | ',';
  /** Stop after this many data rows. Defaults to all. */
  maxRows?: number;
  /** Lines to skip before the header (a title or metadata lines above the table). Defaults to 0. */
  skipRows?: number;
}

const POW10 = Float64Array.from({ length: 23 }, (_, k) => 10 ** k); // exact doubles up to 1e22

/** Picks the delimiter that splits the header line (outside quotes) into the most fields. */
export function detectDelimiter(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? Buffer.from(text.slice(0, 65536)) : text;
  let end = bytes.indexOf(10);
  if (end < 0) end = bytes.length;
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t', '|']) {
    const dc = d.charCodeAt(0);
    let count = 0;
    let quoted = false;
    for (let i = 0; i < end; i++) {
      const c = bytes[i];
      if (c === 34) quoted = !quoted;
      else if (c === dc && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

/** Whether bytes [s, e) hold only whitespace (or nothing). */
function isBlank(b: Uint8Array, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (b[i] !== 32 && b[i] !== 9 && b[i] !== 10 && b[i] !== 13) return false;
  return true;
}

/** The end of the unquoted field starting at s: its delimiter, line end or the end of the input. */
function fieldEnd(b: Uint8Array, s: number, dc: number): number {
  while (s < b.length && b[s] !== dc && b[s] !== 10 && b[s] !== 13) s++;
  return s;
}

/**
 * Where field c of row r starts, from what the scan noted: the row's start for the first column, the recorded
 * start of a field that is not a plain decimal, else after the row's c-th delimiter — or -1 in a row with quotes,
 * where only the quote-aware readRow finds a field the scan read as a number.
 */
function fieldStart(
  b: Uint8Array,
  dc: number,
  rowStarts: Int32Array,
  starts: Int32Array | undefined,
  quotedRows: Uint8Array | undefined,
  r: number,
  c: number,
): number {
  if (c === 0) return rowStarts[r];
  return starts?.[r] || (quotedRows?.[r] ? -1 : fieldStartOf(b, dc, rowStarts[r], c));
}

/** Where field c of an unquoted row starts, from the row's start: after its c-th delimiter. */
function fieldStartOf(b: Uint8Array, dc: number, rowStart: number, c: number): number {
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
function quotedEnd(b: Uint8Array, i: number, source: string, line: number): number {
  const n = b.length;
  let j = i + 1;
  for (;;) {
    // A loop, not b.indexOf: most quoted fields are short, and a call into indexOf per field costs more than the scan.
    while (j < n && b[j] !== 34) j++;
    if (j >= n) throw new InputError(`${source}: unclosed quote starting at line ${line}; close the quote or remove it`);
    if (b[j + 1] !== 34) return j + 1;
    j += 2;
  }
}

/** The text of the field starting at s, quoted or not (quotes removed, doubled quotes undoubled, as readRow). */
function fieldText(b: Uint8Array, s: number, dc: number, decode: (s: number, e: number) => string, source: string): string {
  if (b[s] !== 34) return decode(s, fieldEnd(b, s, dc));
  const e = quotedEnd(b, s, source, 0);
  return decode(s + 1, e - 1).replaceAll('""', '"');
}

/** One row's fields as text, quote-aware, and the index after its line end. */
function readRow(
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
    if (b[i] === 34) {
      const e = quotedEnd(b, i, source, line);
      fields.push(decode(i + 1, e - 1).replaceAll('""', '"'));
      // Anything between the closing quote and the delimiter is skipped (tolerated, like pandas).
      i = fieldEnd(b, e, dc);
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
    if (i < n) i += b[i] === 13 && b[i + 1] === 10 ? 2 : 1;
    return { fields, next: i };
  }
}

function badWidth(source: string, line: number, got: number, width: number, delim: string): never {
  // A header of one field before wider rows is usually a title or metadata line above the table.
  const above = width === 1 && got > 1 ? '; if the file starts with a title or metadata lines, pass { skipRows: <lines above the header> }' : '';
  throw new InputError(
    `${source}: line ${line} has ${got} fields but the header has ${width}` +
      ` (delimiter "${delim === '\t' ? '\\t' : delim}"); check quoting, or pass { delimiter } if it was guessed wrong${above}`,
  );
}

/**
 * What the scan fills: one Float64Array per column (NaN where a field is not a plain decimal) and each row's
 * start — replaced by longer arrays when the rows outgrow them — and the rows holding a quoted field (their
 * fields are found again with the quote-aware `readRow`).
 */
interface Scanned {
  cols: Float64Array[];
  rowStarts: Int32Array;
  /** 1 for each row holding a quoted field (a flag per row: a Set of 200,000 rows cost half the scan). */
  quotedRows: Uint8Array | undefined;
  /** Per column, where each field that is not a plain decimal starts (0 for the others), from its first such field on. */
  textStarts: (Int32Array | undefined)[];
  /** Where a scan that stopped at maxRows left off: the next row's byte and line. */
  next: number;
  nextLine: number;
}

/** Longer arrays for the scan, the rows so far copied over. */
function grow(out: Scanned): void {
  const capacity = Math.ceil(out.rowStarts.length * 1.5) + 16;
  out.cols = out.cols.map((c) => grown(c, capacity));
  out.rowStarts = grown(out.rowStarts, capacity);
  out.textStarts = out.textStarts.map((t) => t && grown(t, capacity));
  if (out.quotedRows) out.quotedRows = grown(out.quotedRows, capacity);
}

/** Rows expected from `i` on, from the mean length of the lines in the next 64 KiB, with 5% to spare. */
function estimateRows(b: Uint8Array, i: number): number {
  const n = b.length;
  const end = Math.min(n, i + 65536);
  const lines = countLines(b, i, end);
  return end === n ? lines + 2 : Math.ceil(((n - i) / ((end - i) / Math.max(1, lines))) * 1.05) + 16;
}

/** Line ends in bytes [i, end) (a loop with nothing after it: see scanRows). */
function countLines(b: Uint8Array, i: number, end: number): number {
  let lines = 0;
  for (let p = i; p < end; p++) if (b[p] === 10) lines++;
  return lines;
}

/**
 * The scan over the data rows, filling `out`; returns the number of rows. One loop with every piece of state in
 * locals (a closure over them would keep them in memory rather than registers). Each field is parsed as
 * [-]digits[.digits] while looking for its end (Clinger's fast path: an integer mantissa below 2^53 divided by
 * an exact power of ten is correctly rounded, as `Number()` is) and written to its column.
 *
 * Nothing but `return rows` follows the loop: V8 compiles the loop on the stack (OSR) on the first call, and
 * code after it that has never run has no type feedback, so that call deoptimises there — and Node 20 kept
 * re-entering the stale compiled loop (`node --trace-deopt`: a deoptimisation at the end of each of the first
 * three calls, a recompile on the fourth). The caller trims the arrays (see also kernels/unrolled-end.ts).
 */
function scanRows(
  b: Uint8Array,
  i: number,
  firstRow: number,
  dc: number,
  comma: boolean,
  width: number,
  maxRows: number,
  delim: string,
  source: string,
  firstLine: number,
  out: Scanned,
): number {
  const n = b.length;
  let cols = out.cols;
  let rowStarts = out.rowStarts;
  let capacity = rowStarts.length;
  let quotedRows = out.quotedRows;
  let textStarts = out.textStarts;
  let rows = firstRow;
  let line = firstLine;
  let col = 0;
  let rowStart = i;
  let empty: boolean; // the last field was empty and unquoted
  while (i < n) {
    const fieldStart = i;
    let value = NaN;
    if (b[i] === 34 /* " */) {
      i = quotedEnd(b, i, source, line);
      for (let p = fieldStart; p < i; p++) if (b[p] === 10) line++;
      // A quoted plain decimal ("12.5": some exports quote every field) reads as the same decimal unquoted.
      value = plainDecimal(b, fieldStart + 1, i - 1, comma);
      i = fieldEnd(b, i, dc);
      if (quotedRows === undefined) out.quotedRows = quotedRows = new Uint8Array(capacity);
      quotedRows[rows] = 1;
    } else {
      const neg = b[i] === 45;
      let j = neg ? i + 1 : i;
      let mant = 0;
      let dot = -1;
      let c = 0;
      for (; j < n; j++) {
        c = b[j];
        if (c >= 48 && c <= 57) mant = mant * 10 + (c - 48);
        else if (c === 46 && dot < 0) dot = j;
        else break;
      }
      let plain = true;
      if (comma) {
        // A decimal-comma file (outside the loop above, which stays as quick as before for the usual "."):
        // a "." is no decimal mark there, a "," is.
        if (dot >= 0) plain = false;
        else if (c === 44 && j < n) {
          dot = j;
          for (j++; j < n; j++) {
            c = b[j];
            if (c >= 48 && c <= 57) mant = mant * 10 + (c - 48);
            else break;
          }
        }
      }
      if (plain && (j >= n || c === dc || c === 10 || c === 13)) {
        const digits = j - fieldStart - (dot >= 0 ? 1 : 0) - (neg ? 1 : 0);
        const fracDigits = dot >= 0 ? j - dot - 1 : 0;
        // mant is exact while below 2^53 (once past it, it cannot fall back below).
        if (digits > 0 && mant <= 9007199254740991 && fracDigits <= 22) value = (neg ? -mant : mant) / POW10[fracDigits];
      } else {
        j = fieldEnd(b, j, dc);
      }
      i = j;
    }
    empty = i === fieldStart;
    if (col < width) {
      cols[col][rows] = value;
      // Text and missing values: their start, so a text column is read without walking each row again (the
      // first column starts with its row).
      if (value !== value && col > 0) (textStarts[col] ??= new Int32Array(capacity))[rows] = fieldStart;
    }
    col++;
    if (i < n && b[i] === dc) {
      i++;
      if (i < n) continue;
      // A trailing delimiter ends the input: the last field is empty.
      if (col < width) cols[col][rows] = NaN;
      col++;
      empty = false;
    }
    // End of row: CRLF, LF, CR or the end of the input.
    if (i < n) i += b[i] === 13 && b[i + 1] === 10 ? 2 : 1;
    if (col === 1 && empty && width !== 1) {
      // a blank line carries no data
    } else if (col !== width) {
      badWidth(source, line, col, width, delim);
    } else {
      rowStarts[rows] = rowStart;
      rows++;
      if (rows === maxRows) {
        out.next = i;
        out.nextLine = line + 1;
        break;
      }
      if (rows === capacity) {
        grow(out);
        ({ cols, rowStarts, textStarts, quotedRows } = out);
        capacity = rowStarts.length;
      }
    }
    col = 0;
    rowStart = i;
    line++;
  }
  return rows;
}

/**
 * All data rows: with the C helper (native/scan-csv.c, the same loop as scanRows in C, and faster), its scan
 * does the rows and hands each row it leaves — an unclosed quote, a blank line, a wrong width — to scanRows, which
 * also makes every error the same; without the helper, scanRows does them all.
 */
function scanAll(
  b: Uint8Array,
  i: number,
  dc: number,
  comma: boolean,
  width: number,
  maxRows: number,
  delim: string,
  source: string,
  line: number,
  out: Scanned,
): number {
  const nativeScan = nativeRowScan(b.length);
  if (!nativeScan) return scanRows(b, i, 0, dc, comma, width, maxRows, delim, source, line, out);
  const n = b.length;
  const state = new Float64Array([i, 0, line, 0]); // next byte, rows, next line, column
  let rows = 0;
  let handBack = 1; // rows for the TypeScript scan when the C scan hands one back
  while (state[0] < n && rows < maxRows) {
    const stop = nativeScan(b, state, dc, comma ? 1 : 0, width, maxRows, out.cols, out.rowStarts, out.textStarts, out.quotedRows);
    const plainRun = state[1] - rows;
    rows = state[1] | 0;
    if (stop === ScanStop.End) break;
    if (stop === ScanStop.Full) grow(out);
    else if (stop === ScanStop.TextStarts) out.textStarts[state[3]] = new Int32Array(out.rowStarts.length);
    else if (stop === ScanStop.QuotedRows) out.quotedRows = new Uint8Array(out.rowStarts.length);
    else {
      // The row by the TypeScript scan (after any blank lines), from where it stopped to the next row's start.
      // Where such rows are common (every field quoted, a quoted name on every other row), a call per row would
      // cost more than the C scan saves: after short plain runs, the TypeScript scan takes more rows at a time
      // (doubling up to 4096) before the C scan is tried again.
      handBack = plainRun < 64 ? Math.min(handBack * 2, 4096) : 1;
      out.next = n;
      // (| 0: small integers, not the doubles a Float64Array holds, which V8 indexes the bytes with more slowly)
      rows = scanRows(b, state[0] | 0, rows, dc, comma, width, Math.min(maxRows, rows + handBack), delim, source, state[2] | 0, out);
      if (out.next === n) break; // the TypeScript scan reached the end
      state[0] = out.next;
      state[1] = rows;
      state[2] = out.nextLine;
    }
  }
  return rows;
}

/**
 * Bytes [s, e) as a plain decimal ([-]digits[.digits], the decimal mark "," when `comma`), NaN when they are not
 * one or fall outside the fast path: the same rule and arithmetic as the scan's own loop in scanRows.
 */
function plainDecimal(b: Uint8Array, s: number, e: number, comma: boolean): number {
  const neg = b[s] === 45;
  const mark = comma ? 44 : 46;
  let mant = 0;
  let dot = -1;
  let digits = 0;
  for (let j = neg ? s + 1 : s; j < e; j++) {
    const c = b[j];
    if (c >= 48 && c <= 57) {
      mant = mant * 10 + (c - 48);
      digits++;
    } else if (c === mark && dot < 0) dot = j;
    else return NaN;
  }
  const fracDigits = dot >= 0 ? e - dot - 1 : 0;
  return digits > 0 && mant <= 9007199254740991 && fracDigits <= 22 ? (neg ? -mant : mant) / POW10[fracDigits] : NaN;
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
}

/** The first `rows` values: a view when little is left over (the guess was close), else a copy. */
function trimmed(a: Float64Array, rows: number): Float64Array {
  if (rows === a.length) return a;
  return rows >= a.length * 0.8 ? a.subarray(0, rows) : a.slice(0, rows);
}

/**
 * Parses CSV text or bytes. `source` names the input in errors.
 * @example parseCsv('a,b\n1,2\n').columns  // [['1'], ['2']]
 */
export function parseCsv(input: string | Uint8Array, options: ParseCsvOptions = {}): ParsedCsv {
  const source = options.source ?? 'CSV';
  const encoding = options.encoding ?? 'utf8';
  const text = typeof input === 'string' ? input : undefined;
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // One element type in the scan loop, whatever the caller passed.
  const b = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  let start = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  const skipRows = options.skipRows ?? 0;
  let line = 1;
  for (; line <= skipRows; line++) {
    const end = b.indexOf(10, start);
    if (end < 0) throw new InputError(`${source}: skipRows ${skipRows} skips past the end of the input, leaving no header; lower it`);
    start = end + 1;
  }
  if (isBlank(b, start, b.length)) throw new InputError(`${source} is empty: expected a header line and at least one row`);
  const delim = options.delimiter ?? detectDelimiter(b.subarray(start, Math.min(b.length, start + 65536)));
  const dc = delim.charCodeAt(0);
  if (delim.length !== 1 || dc > 127) throw new InputError(`delimiter ${JSON.stringify(delim)} must be one ASCII character, such as "," ";" or "\\t"`);

  // Field text: each field decoded on its own, until a whole text column is asked for; from then on, slices of
  // the input decoded once when it is ASCII (byte offsets are then character offsets). The header and a few
  // fields never pay for decoding the whole file.
  let ascii: string | undefined = text !== undefined && text.length === b.length ? text : undefined;
  let checkedAscii = ascii !== undefined;
  const decodeWhole = () => {
    if (checkedAscii) return;
    checkedAscii = true;
    if (isAscii(buf)) ascii = buf.toString('latin1');
  };
  const decode = (s: number, e: number): string => (ascii !== undefined ? ascii.slice(s, e) : buf.toString(encoding, s, e));

  // The header: the first line that is not blank.
  let headerRow: string[];
  for (;;) {
    const row = readRow(b, start, dc, decode, source, line);
    for (let p = start; p < row.next; p++) if (b[p] === 10) line++;
    start = row.next;
    if (!(row.fields.length === 1 && row.fields[0] === '')) {
      headerRow = row.fields;
      break;
    }
  }
  // An empty name becomes "Unnamed: <position from 0>", as pandas names it: the row-index column that
  // pandas' to_csv writes first (",a,b") is the commonest case.
  const names = headerRow.map((h, c) => h.trim() || `Unnamed: ${c}`);
  const width = names.length;
  const seen = new Set<string>();
  for (const h of names) {
    if (seen.has(h)) throw new InputError(`${source}: duplicate column name "${h}" in the header; rename one of them`);
    seen.add(h);
  }
  if (b[start - 1] !== 10 && b[start - 1] !== 13) line--; // the header ended the input
  // A "," decimal mark that is also the delimiter is in quoted fields, read from their text.
  const comma = options.decimal === ',' && dc !== 44;
  const maxRows = options.maxRows ?? Infinity;
  const capacity = Math.min(estimateRows(b, start), maxRows + 1);
  const scanned: Scanned = {
    cols: Array.from({ length: width }, () => new Float64Array(capacity)),
    rowStarts: new Int32Array(capacity),
    quotedRows: undefined,
    textStarts: new Array(width).fill(undefined),
    next: start,
    nextLine: line,
  };
  const rows = scanAll(b, start, dc, comma, width, maxRows, delim, source, line, scanned);
  const cols = scanned.cols.map((c) => trimmed(c, rows));
  const { rowStarts, quotedRows, textStarts } = scanned;

  const field = (c: number, r: number): string => {
    const s = fieldStart(b, dc, rowStarts, textStarts[c], quotedRows, r, c);
    return s < 0 ? readRow(b, rowStarts[r], dc, decode, source, 0).fields[c] : fieldText(b, s, dc, decode, source);
  };
  const strings = (c: number): string[] => {
    decodeWhole();
    const out = new Array<string>(rows);
    for (let r = 0; r < rows; r++) out[r] = field(c, r);
    return out;
  };
  const cache: string[][] = [];
  const column = (c: number) => (cache[c] ??= strings(c));
  const texts = (c: number, missing: ReadonlySet<string>) => {
    // Short fields are decoded once per distinct value, so the whole input is decoded only for a long one.
    const decodeLong = (s: number, e: number) => {
      decodeWhole();
      return decode(s, e);
    };
    return textColumn(b, dc, rowStarts, textStarts[c], rows, c, missing, decode, decodeLong, quotedRows, (r) => field(c, r));
  };
  const handedOut = new Set<number>();
  const values = (c: number) => (handedOut.has(c) ? cols[c].slice() : (handedOut.add(c), cols[c]));
  return {
    header: names,
    numRows: rows,
    delimiter: delim,
    get columns() {
      return names.map((_, c) => column(c));
    },
    column,
    field,
    texts,
    values,
    // The scan never writes ±Infinity, so all finite means no field fell back to NaN.
    numbers: (c: number) => (rows > 0 && allFinite(cols[c]) ? values(c) : undefined),
    isoDates: (c: number) => isoDates(b, dc, rowStarts, textStarts[c], quotedRows, rows, c),
  };
}

/**
 * Column c as text, null for a missing marker. A field of up to 6 bytes is looked up by its bytes packed into
 * one number (a leading 1, then 8 bits per byte: exact below 2^53) in a small table of the values seen, so a
 * category column of 200,000 rows makes a handful of strings instead of 200,000 and checks each distinct value
 * against `missing` once (after 512 distinct short values the rest are decoded per row). A quoted field's
 * content is looked up the same way; `field` gives the text of the fields this cannot read from their start (in
 * a row with quotes: a doubled quote, text after the closing quote, a field the scan read as a number).
 */
function textColumn(
  b: Uint8Array,
  dc: number,
  rowStarts: Int32Array,
  starts: Int32Array | undefined,
  rows: number,
  c: number,
  missing: ReadonlySet<string>,
  decode: (s: number, e: number) => string,
  decodeLong: (s: number, e: number) => string,
  quotedRows: Uint8Array | undefined,
  field: (row: number) => string,
): (string | null)[] {
  const n = b.length;
  const out = new Array<string | null>(rows);
  // An open-addressing table of the short values seen: packed key, its text; 1,024 slots, half of them used at most.
  const keys = new Float64Array(1024);
  const texts: (string | null)[] = new Array(1024).fill(null);
  let used = 0;
  const orNull = (text: string) => (missing.has(text.trim()) ? null : text);
  for (let r = 0; r < rows; r++) {
    let s = fieldStart(b, dc, rowStarts, starts, quotedRows, r, c);
    let e = s;
    let key = 1;
    let h = 7;
    if (s >= 0 && b[s] === 34) {
      // A quoted field: its content, shared like an unquoted value's, unless it holds a doubled quote or something
      // follows the closing quote (then readRow's text).
      s++;
      for (e = s; e < n; e++) {
        const ch = b[e];
        if (ch === 34) break;
        key = key * 256 + ch;
        h = (Math.imul(h, 31) + ch) | 0;
      }
      const after = b[e + 1];
      if (e >= n || !(e + 1 === n || after === dc || after === 10 || after === 13)) s = -1;
    } else if (s >= 0) {
      // The field's end, its bytes packed (exact up to 6 bytes) and a hash of them, in one pass.
      for (; e < n; e++) {
        const ch = b[e];
        if (ch === dc || ch === 10 || ch === 13) break;
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

/**
 * Parses every field as "YYYY-MM-DD", optionally followed by " HH:MM[:SS[.fff]]" or "T…" and a "Z", straight
 * from the bytes — the same milliseconds as `parseDates`, which takes much longer through the text
 * (docs/performance.md) — ; undefined as soon as one field is
 * anything else or no real day or time.
 */
function isoDates(
  b: Uint8Array,
  dc: number,
  rowStarts: Int32Array,
  starts: Int32Array | undefined,
  quotedRows: Uint8Array | undefined,
  rows: number,
  c: number,
): Float64Array | undefined {
  if (rows === 0) return undefined;
  const n = b.length;
  const out = new Float64Array(rows);
  let year = -1;
  let month = -1;
  let monthDays = 0;
  let monthStart = 0;
  for (let r = 0; r < rows; r++) {
    let s = fieldStart(b, dc, rowStarts, starts, quotedRows, r, c);
    if (s < 0) return undefined; // a field of a quoted row that read as a number (its start unknown): no date
    // A quoted date ("2000-01-03", as some exports quote every field): the same date between the quotes.
    const quoted = b[s] === 34;
    if (quoted) s++;
    let e = s + 10;
    if (e > n || b[s + 4] !== 45 || b[s + 7] !== 45) return undefined;
    let time = 0;
    let fraction = 0;
    if (e < n && (b[e] === 32 || b[e] === 84) /* " " or "T" */) {
      time = timeOfDay(b, e + 1);
      if (time !== time) return undefined;
      e = timeEnd;
      fraction = timeFraction;
    }
    if (quoted) {
      if (b[e] !== 34) return undefined;
      e++;
    }
    if (!(e === n || b[e] === dc || b[e] === 10 || b[e] === 13)) return undefined;
    const y0 = b[s] - 48,
      y1 = b[s + 1] - 48,
      y2 = b[s + 2] - 48,
      y3 = b[s + 3] - 48;
    const m0 = b[s + 5] - 48,
      m1 = b[s + 6] - 48,
      d0 = b[s + 8] - 48,
      d1 = b[s + 9] - 48;
    // (c - 48) >>> 0 > 9 catches bytes below '0' too (they wrap to large unsigned values).
    if (y0 >>> 0 > 9 || y1 >>> 0 > 9 || y2 >>> 0 > 9 || y3 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9 || d0 >>> 0 > 9 || d1 >>> 0 > 9) return undefined;
    const y = y0 * 1000 + y1 * 100 + y2 * 10 + y3;
    const m = m0 * 10 + m1;
    const d = d0 * 10 + d1;
    if (y !== year || m !== month) {
      // Consecutive rows mostly share a month: its first day is computed once.
      if (m < 1 || m > 12) return undefined;
      year = y;
      month = m;
      monthDays = daysInMonth(y, m);
      monthStart = (daysFromCivil(y, m, 1) - 1) * 86_400_000;
    }
    if (d < 1 || d > monthDays) return undefined;
    // Whole milliseconds first, the fraction last: the same additions, in the same order, as parseDates.
    out[r] = monthStart + d * 86_400_000 + time + fraction;
  }
  return out;
}

/** Where the last `timeOfDay` ended, and its fraction of a millisecond (more return values without an allocation). */
let timeEnd = 0;
let timeFraction = 0;

/**
 * Whole milliseconds of "HH:MM[:SS]" at byte t, then an optional ".fff" and "Z" (two-digit hours, minutes and
 * seconds, up to 15 fraction digits); NaN when it is not one or out of range. Sets `timeEnd`, and
 * `timeFraction` to the fraction in milliseconds, digits / 10^k · 1000, as `Number("0.fff") * 1000` in
 * `parseDates` (an integer below 2^53 over an exact power of ten is correctly rounded).
 */
function timeOfDay(b: Uint8Array, t: number): number {
  const n = b.length;
  if (t + 5 > n || b[t + 2] !== 58) return NaN;
  const h0 = b[t] - 48,
    h1 = b[t + 1] - 48,
    m0 = b[t + 3] - 48,
    m1 = b[t + 4] - 48;
  if (h0 >>> 0 > 9 || h1 >>> 0 > 9 || m0 >>> 0 > 9 || m1 >>> 0 > 9) return NaN;
  const h = h0 * 10 + h1;
  const m = m0 * 10 + m1;
  if (h > 23 || m > 59) return NaN;
  let ms = (h * 60 + m) * 60_000;
  let e = t + 5;
  timeFraction = 0;
  if (e < n && b[e] === 58) {
    if (e + 3 > n) return NaN;
    const s0 = b[e + 1] - 48,
      s1 = b[e + 2] - 48;
    if (s0 >>> 0 > 9 || s1 >>> 0 > 9 || s0 * 10 + s1 > 59) return NaN;
    ms += (s0 * 10 + s1) * 1000;
    e += 3;
    if (e < n && b[e] === 46) {
      let digits = 0;
      let scale = 1;
      for (e++; e < n && (b[e] - 48) >>> 0 <= 9; e++) {
        digits = digits * 10 + (b[e] - 48);
        scale *= 10;
      }
      if (scale === 1 || scale > 1e15) return NaN;
      timeFraction = (digits / scale) * 1000;
    }
  }
  timeEnd = e < n && b[e] === 90 /* Z */ ? e + 1 : e;
  return ms;
}
