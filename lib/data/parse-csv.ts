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
import { fieldEnd as importedFieldEnd, fieldStart, fieldText, isBlank, quotedEnd as importedQuotedEnd, readRow } from './csv-fields';
import { isoDates } from './csv-iso-dates';
import { textColumn } from './csv-text-column';
import { nativeRowScan, ScanStop } from '../kernels/csv-row-scan';

// Local bindings for the scan's per-field calls: through the import bindings each call paid for a property getter (tsx's CommonJS output).
const fieldEnd = importedFieldEnd;
const quotedEnd = importedQuotedEnd;

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
