/**
 * A fast CSV reader over bytes: RFC 4180 quoting (quoted delimiters, doubled quotes, quoted newlines), CRLF or
 * LF, a byte-order mark, and `,` `;` tab or `|` detected from the header line.
 *
 * The header is read here; the rows by one scan (csv-scan.ts) that parses plain decimals (plain-decimal.ts)
 * straight into one Float64Array per column and records where each row starts. Numeric columns never become
 * strings, and text is decoded only for the columns asked for as text (csv-text-column.ts, csv-iso-dates.ts), by
 * finding the field again from its row's start (csv-fields.ts).
 */
import { isAscii } from 'buffer';
import { InputError } from '../util/errors';
import { allFinite } from '../util/check';
import { CsvIndex, fieldStart, fieldText, isBlank, readRow } from './csv-fields';
import { isoDates } from './csv-iso-dates';
import { textColumn } from './csv-text-column';
import * as bytes from './csv-bytes';
import { newScanned, scanAll } from './csv-scan';
import { describeArgument } from '../util/check';

// Local bindings for the byte constants (an import binding is a property getter in tsx's CommonJS output).
const { COMMA, CR, DOT, LF, QUOTE } = bytes;

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

/** Picks the delimiter that splits the header line (outside quotes) into the most fields. */
export function detectDelimiter(text: string | Uint8Array): string {
  const bytes = typeof text === 'string' ? Buffer.from(text.slice(0, 65536)) : text;
  let end = bytes.indexOf(LF);
  if (end < 0) end = bytes.length;
  let best = ',';
  let bestCount = -1;
  for (const d of [',', ';', '\t', '|']) {
    const dc = d.charCodeAt(0);
    let count = 0;
    let quoted = false;
    for (let i = 0; i < end; i++) {
      const c = bytes[i];
      if (c === QUOTE) quoted = !quoted;
      else if (c === dc && !quoted) count++;
    }
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
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
  if (typeof input !== 'string' && !(input instanceof Uint8Array)) throw new InputError(`parseCsv takes CSV text or bytes, got ${describeArgument(input)}`);
  const source = options.source ?? 'CSV';
  const encoding = options.encoding ?? 'utf8';
  const text = typeof input === 'string' ? input : undefined;
  const buf = typeof input === 'string' ? Buffer.from(input, 'utf8') : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  // One element type in the scan loop, whatever the caller passed.
  const b = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  // Every leading byte-order mark: a file saved twice by a BOM-adding tool starts with two.
  let start = 0;
  while (b[start] === 0xef && b[start + 1] === 0xbb && b[start + 2] === 0xbf) start += 3;
  const skipRows = options.skipRows ?? 0;
  let line = 1;
  for (; line <= skipRows; line++) {
    const end = b.indexOf(LF, start);
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
    // Only empty fields up to the end (a file holding `""`): no header, and no progress to make.
    if (start >= b.length)
      throw new InputError(`${source} has no header: its only line holds nothing but an empty field; expected a header line and at least one row`);
    const row = readRow(b, start, dc, decode, source, line);
    for (let p = start; p < row.next; p++) if (b[p] === LF) line++;
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
  if (b[start - 1] !== LF && b[start - 1] !== CR) line--; // the header ended the input
  // A "," decimal mark that is also the delimiter is in quoted fields, read from their text.
  const mark = options.decimal === ',' && dc !== COMMA ? COMMA : DOT;
  const maxRows = options.maxRows ?? Infinity;
  const scanned = newScanned(b, start, line, width, maxRows);
  scanAll({ b, dc, delim, mark, width, source }, scanned, maxRows);
  const rows = scanned.rows;
  const cols = scanned.cols.map((c) => trimmed(c, rows));
  const index: CsvIndex = { b, dc, rows, rowStarts: scanned.rowStarts, textStarts: scanned.textStarts, quotedRows: scanned.quotedRows };

  const field = (c: number, r: number): string => {
    const s = fieldStart(index, r, c);
    return s < 0 ? readRow(b, index.rowStarts[r], dc, decode, source, 0).fields[c] : fieldText(b, s, dc, decode, source);
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
    return textColumn(index, c, missing, { decode, decodeLong, field: (r) => field(c, r) });
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
    isoDates: (c: number) => isoDates(index, c),
  };
}
