/**
 * The row scan of the CSV reader: one pass over the data rows that parses every plain decimal straight into one
 * Float64Array per column and records where each row starts (and where each field that is not a number starts),
 * so numeric columns never become strings and text is found again only for the columns asked for as text.
 */
import { InputError } from '../util/errors';
import { fieldEnd as importedFieldEnd, quotedEnd as importedQuotedEnd } from './csv-fields';
import * as bytes from './csv-bytes';
import { DecimalRead, plainDecimal as importedPlainDecimal, readDecimal as importedReadDecimal } from './plain-decimal';
import { nativeRowScan, ScanStop } from '../kernels/csv-row-scan';

// Local bindings for the scan's per-field calls: through the import bindings each call paid for a property getter (tsx's CommonJS output).
const fieldEnd = importedFieldEnd;
const quotedEnd = importedQuotedEnd;
const readDecimal = importedReadDecimal;
const plainDecimal = importedPlainDecimal;
const { COMMA, CR, LF, QUOTE } = bytes;

/** What stays the same over one file's scan. */
export interface ScanContext {
  b: Uint8Array;
  /** The delimiter's byte, and the delimiter as the user gave it (for errors). */
  dc: number;
  delim: string;
  /** The decimal mark's byte: `.` or, for a decimal-comma file, `,`. */
  mark: number;
  /** Fields per row (the header's). */
  width: number;
  /** Names the input in errors. */
  source: string;
}

/**
 * What the scan fills: one Float64Array per column (NaN where a field is not a plain decimal) and each row's
 * start — replaced by longer arrays when the rows outgrow them — and the rows holding a quoted field (their
 * fields are found again with the quote-aware `readRow`). `next`, `nextLine` and `rows` are where the scan is.
 */
export interface Scanned {
  cols: Float64Array[];
  rowStarts: Int32Array;
  /** 1 for each row holding a quoted field (a flag per row: a Set of 200,000 rows cost half the scan). */
  quotedRows: Uint8Array | undefined;
  /** Per column, where each field that is not a plain decimal starts (0 for the others), from its first such field on. */
  textStarts: (Int32Array | undefined)[];
  /** The next row's first byte and line, and the rows scanned so far. */
  next: number;
  nextLine: number;
  rows: number;
}

function badWidth(ctx: ScanContext, line: number, got: number): never {
  const { width, delim } = ctx;
  // A header of one field before wider rows is usually a title or metadata line above the table.
  const above = width === 1 && got > 1 ? '; if the file starts with a title or metadata lines, pass { skipRows: <lines above the header> }' : '';
  throw new InputError(
    `${ctx.source}: line ${line} has ${got} fields but the header has ${width}` +
      ` (delimiter "${delim === '\t' ? '\\t' : delim}"); check quoting, or pass { delimiter } if it was guessed wrong${above}`,
  );
}

/** Empty arrays for `width` columns and about as many rows as follow byte `start`, the scan to begin there. */
export function newScanned(b: Uint8Array, start: number, line: number, width: number, maxRows: number): Scanned {
  const capacity = Math.min(estimateRows(b, start), maxRows + 1);
  return {
    cols: Array.from({ length: width }, () => new Float64Array(capacity)),
    rowStarts: new Int32Array(capacity),
    quotedRows: undefined,
    textStarts: new Array(width).fill(undefined),
    next: start,
    nextLine: line,
    rows: 0,
  };
}

/** Longer arrays for the scan, the rows so far copied over. */
function grow(out: Scanned): void {
  const capacity = Math.ceil(out.rowStarts.length * 1.5) + 16;
  out.cols = out.cols.map((c) => grown(c, capacity));
  out.rowStarts = grown(out.rowStarts, capacity);
  out.textStarts = out.textStarts.map((t) => t && grown(t, capacity));
  if (out.quotedRows) out.quotedRows = grown(out.quotedRows, capacity);
}

function grown<T extends Uint8Array | Int32Array | Float64Array>(a: T, size: number): T {
  const out = new (a.constructor as new (n: number) => T)(size);
  out.set(a);
  return out;
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
  for (let p = i; p < end; p++) if (b[p] === LF) lines++;
  return lines;
}

/**
 * The scan over the data rows from `out.next`, filling `out` until the input ends or `maxRows` rows are in. One
 * loop with every piece of state in locals (a closure over them would keep them in memory rather than
 * registers). Each field is read as a plain decimal while looking for its end (plain-decimal.ts) and written to
 * its column.
 *
 * Nothing but the final stores follows the loop: V8 compiles the loop on the stack (OSR) on the first call, and
 * code after it that has never run has no type feedback, so that call deoptimises there — and Node 20 kept
 * re-entering the stale compiled loop (`node --trace-deopt`). The caller trims the arrays (see also
 * kernels/unrolled-end.ts).
 */
export function scanRows(ctx: ScanContext, out: Scanned, maxRows: number): void {
  const { b, dc, mark } = ctx;
  const width = ctx.width;
  const n = b.length;
  const read: DecimalRead = { end: 0, value: NaN };
  let cols = out.cols;
  let rowStarts = out.rowStarts;
  let capacity = rowStarts.length;
  let quotedRows = out.quotedRows;
  let textStarts = out.textStarts;
  let rows = out.rows;
  let line = out.nextLine;
  let i = out.next;
  let col = 0;
  let rowStart = i;
  let empty: boolean; // the last field was empty and unquoted
  out.next = n;
  while (i < n) {
    const fieldStart = i;
    let value = NaN;
    if (b[i] === QUOTE) {
      i = quotedEnd(b, i, ctx.source, line);
      for (let p = fieldStart; p < i; p++) if (b[p] === LF) line++;
      // A quoted plain decimal ("12.5": some exports quote every field) reads as the same decimal unquoted.
      const closed = i;
      i = fieldEnd(b, i, dc);
      // Text after the closing quote is part of the field ("12"34 is 1234, as pandas): the field path reads it.
      value = i === closed ? plainDecimal(b, fieldStart + 1, closed - 1, mark, read) : NaN;
      if (quotedRows === undefined) out.quotedRows = quotedRows = new Uint8Array(capacity);
      quotedRows[rows] = 1;
    } else {
      readDecimal(b, i, n, mark, read);
      let j = read.end;
      const c = b[j];
      if (j >= n || c === dc || c === LF || c === CR) value = read.value;
      else j = fieldEnd(b, j, dc);
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
    if (i < n) i += b[i] === CR && b[i + 1] === LF ? 2 : 1;
    if (col === 1 && empty && width !== 1) {
      // a blank line carries no data
    } else if (col !== width) {
      badWidth(ctx, line, col);
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
  out.rows = rows;
}

/**
 * All data rows: with the C helper (native/scan-csv.c, the same loop as scanRows in C, and faster), its scan
 * does the rows and hands each row it leaves — an unclosed quote, a blank line, a wrong width — to scanRows, which
 * also makes every error the same; without the helper, scanRows does them all.
 */
export function scanAll(ctx: ScanContext, out: Scanned, maxRows: number): void {
  const nativeScan = nativeRowScan(ctx.b.length);
  if (!nativeScan) return scanRows(ctx, out, maxRows);
  const { b, dc, width } = ctx;
  const n = b.length;
  const state = new Float64Array([out.next, 0, out.nextLine, 0]); // next byte, rows, next line, column
  let rows = 0;
  let handBack = 1; // rows for the TypeScript scan when the C scan hands one back
  while (state[0] < n && rows < maxRows) {
    const stop = nativeScan(b, state, dc, ctx.mark === COMMA ? 1 : 0, width, maxRows, out.cols, out.rowStarts, out.textStarts, out.quotedRows);
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
      // (| 0: small integers, not the doubles a Float64Array holds, which V8 indexes the bytes with more slowly)
      out.next = state[0] | 0;
      out.nextLine = state[2] | 0;
      out.rows = rows;
      scanRows(ctx, out, Math.min(maxRows, rows + handBack));
      rows = out.rows;
      if (out.next === n) break; // the TypeScript scan reached the end
      state[0] = out.next;
      state[1] = rows;
      state[2] = out.nextLine;
    }
  }
  out.rows = rows;
}
