/**
 * `loadCsv`: a CSV file to a `Table`, with dates parsed, rows sorted by date and an optional schema checked
 * on load. `readCsv` does the same for CSV text already in memory.
 */
import * as fs from 'fs';
import * as zlib from 'zlib';
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { allFinite, checkPositiveInt } from '../util/check';
import { isUtf8 } from 'buffer';
import { beyondExactIntegers, numberFormat, NumberFormat, numberFormatHint, parseNumber, radixPrefixed } from './number-format';
import { parseCsv, ParsedCsv } from './parse-csv';
import { checkTwoDigitYearStart, detectDateFormat, parseDates } from './parse-date';
import { notice } from '../util/notice';
import { sortByDate } from './sort-by-date';
import { checkInputFile } from './check-input-file';
import { Column, ColumnKind, Table } from './table';

/** What a column must hold: checked on load, with the row and value named when it does not. */
export type SchemaType = 'number' | 'date' | 'category';

export interface LoadCsvOptions {
  /**
   * Columns to parse as dates. Defaults to columns named date, datetime, time or timestamp (any case), and any
   * other text column whose values are dates in one format ("trade_date" of "2012-03-30", "Day" of "30/03/2012",
   * "period" of "2020Q1" or "Jan 2000"); a numeric column (20120330, 2012) is never guessed. `false`: none.
   */
  dates?: readonly string[] | false;
  /**
   * Sort rows by this date column (stable), with a notice when that changes the file's order (a newest-first
   * export). Defaults to the first date column; `false` keeps file order.
   */
  sortBy?: string | false;
  /** Expected type per column, checked on load. Defaults to inferring each column. */
  schema?: Record<string, SchemaType>;
  /** Field delimiter. Defaults to the one of `,` `;` tab `|` that splits the header most. */
  delimiter?: string;
  /** Thousands separator inside numbers, e.g. `","` for "1,234.5", `"."` for "1.234,5", `" "` for "1 234,5" (also matching no-break spaces). Defaults to none. */
  thousands?: string;
  /** Decimal mark: `"."` (1234.5) or `","` (1234,5, as European exports write it). Defaults to ".". */
  decimal?: '.' | ',';
  /**
   * Read slash dates (03/04/2020) day first: 3 April. Defaults to the order the column's own values allow: day
   * first when a first number is above 12 (13/04/2020), else month first (pandas' default).
   */
  dayFirst?: boolean;
  /**
   * The first of the hundred years that two-digit years ("1/2/20", Oracle's "01-JAN-99") fall in: 1950 reads
   * "50"–"99" as 1950–1999 and "00"–"49" as 2000–2049. No default: a file with two-digit years is refused, naming
   * this option, since no century is right for every file (pandas reads "55" as 2055 in 2026).
   */
  twoDigitYearStart?: number;
  /**
   * More text read as a missing value (after trimming spaces), added to the defaults — pandas' list: "", NA, N/A,
   * n/a, NaN, nan, -NaN, -nan, null, NULL, None, <NA>, #N/A, #N/A N/A, #NA, 1.#IND, -1.#IND, 1.#QNAN, -1.#QNAN —
   * plus "-" (a dash for "no value" in finance exports). `["?"]` for UCI files. Defaults to none.
   */
  naValues?: readonly string[];
  /** Keep the default missing markers beside `naValues` (pandas' `keep_default_na`); false uses `naValues` alone, to keep, say, "None" as a category. Defaults to true. */
  keepDefaultNa?: boolean;
  /** File encoding. Defaults to "utf8". UTF-16 files are recognised by their byte-order mark and read whatever this says. */
  encoding?: 'utf8' | 'latin1';
  /** Lines to skip before the header: a title or metadata lines above the table (pandas' `skiprows` as a count). Defaults to 0. */
  skipRows?: number;
  /** Refuse files with more columns than this. Defaults to 10,000. */
  maxColumns?: number;
  /** Load only these columns, kept in file order (pandas' `usecols`). Defaults to all. */
  columns?: readonly string[];
  /**
   * Load only the first n data rows, in file order before sorting (pandas' `nrows`). `loadCsv` then reads only
   * as much of the file as those rows take, so it can peek into files of any size. Defaults to all rows.
   */
  nrows?: number;
}

/** What readCsv and loadCsv read from the options before parsing, checked: the number format, nrows, skipRows (and twoDigitYearStart, checked here for every file). */
function scanOptions(options: LoadCsvOptions): { format: NumberFormat; maxRows: number | undefined; skipRows: number } {
  checkTwoDigitYearStart(options.twoDigitYearStart); // here too: ISO date columns never reach parseDates
  return {
    format: numberFormat(options),
    maxRows: options.nrows === undefined ? undefined : checkPositiveInt('nrows', options.nrows),
    skipRows: checkPositiveInt('skipRows', options.skipRows ?? 0, 0),
  };
}

/** Node's limit for reading a file into one buffer (2 GiB - 1). */
const MAX_FILE_BYTES = 2 ** 31 - 1;
const DEFAULT_NA = [
  '',
  'NA',
  'N/A',
  'n/a',
  'NaN',
  'nan',
  '-NaN',
  '-nan',
  'null',
  'NULL',
  'None',
  '<NA>',
  '#N/A',
  '#N/A N/A',
  '#NA',
  '1.#IND',
  '-1.#IND',
  '1.#QNAN',
  '-1.#QNAN',
  '-',
];
const DATE_NAMES = /^(date|datetime|time|timestamp)$/i;

/** A field's number, NaN for a missing marker, undefined for text. */
function toNumber(s: string, na: Set<string>, format: NumberFormat): number | undefined {
  // Fast path: a plain decimal number (Number() would also accept "" and " " as 0, hence the first-char test).
  const c = s.charCodeAt(0);
  if (format.decimal === '.' && format.thousands === undefined && ((c >= 48 && c <= 57) || c === 45 || c === 46)) {
    const v = Number(s);
    if (v === v && !(Math.abs(v) >= 9007199254740992 && beyondExactIntegers(s)) && !radixPrefixed(s)) return v;
  }
  if (na.has(s.trim())) return NaN;
  const v = parseNumber(s, format);
  return v === v ? v : undefined;
}

function numericColumn(values: string[], na: Set<string>, format: NumberFormat): Float64Array | undefined {
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = toNumber(values[i], na, format);
    if (v === undefined) return undefined;
    out[i] = v;
  }
  return out;
}

function failNumeric(name: string, values: string[], na: Set<string>, format: NumberFormat): never {
  const i = values.findIndex((s) => toNumber(s, na, format) === undefined);
  const hint = numberFormatHint(values[i], format) ?? 'clean the value, add it to naValues, or declare the column "category"';
  throw new InputError(`column "${name}" should be a number but row ${i} holds ${JSON.stringify(values[i])}; ${hint}`);
}

function notUtf8(source: string): InputError {
  return new InputError(`${source} is not valid UTF-8 (it holds undecodable bytes); pass { encoding: "latin1" } or re-save the file as UTF-8`);
}

/**
 * Reads CSV text into a `Table`. `source` names it in errors.
 * @example readCsv('date,close\n2000-01-03,1455.2\n').numbers('close')  // Float64Array [1455.2]
 */
export function readCsv(text: string, options: LoadCsvOptions = {}, source = 'CSV text'): Table {
  if (text.includes('\uFFFD')) throw notUtf8(source);
  const { format, maxRows, skipRows } = scanOptions(options);
  return tableFromCsv(parseCsv(text, { delimiter: options.delimiter, source, decimal: format.decimal, maxRows, skipRows }), options, source, format);
}

/** A numeric column from the fast-parsed values: each field that was not a plain decimal is read as a missing
 * marker or with `Number`; undefined when one is text. */
function numericFromParsed(parsed: ParsedCsv, c: number, na: Set<string>, format: NumberFormat): { values: Float64Array; present: number } | undefined {
  const values = parsed.values(c);
  if (allFinite(values)) return { values, present: values.length }; // every field was a plain decimal
  let present = 0;
  for (let r = 0; r < values.length; r++) {
    if (values[r] === values[r]) {
      present++;
      continue;
    }
    const v = toNumber(parsed.field(c, r), na, format);
    if (v === undefined) return undefined;
    values[r] = v;
    if (v === v) present++;
  }
  return { values, present };
}

/**
 * The fix named when a date column's first value (`first`) is no known date format. A column read as dates only
 * because of its name (an epoch-seconds "timestamp", a "Time" of day beside a "Date") can load as numbers or text
 * by leaving it out of `dates`.
 */
function notADateFix(name: string, dateCols: readonly string[], options: LoadCsvOptions, first: string): string {
  if (options.schema?.[name] === 'date') return `convert it, or declare "${name}" "category" in schema to load it as text`;
  if (options.dates !== undefined) return `convert it, or leave "${name}" out of dates to load it as it is`;
  const numeric = first !== '' && Number.isFinite(Number(first));
  const others = dateCols.filter((d) => d !== name).map((d) => JSON.stringify(d));
  return (
    `the column is read as dates only because of its name; pass { dates: [${others.join(', ')}] } to load it as ${numeric ? 'numbers' : 'text'}` +
    (numeric ? ' (epoch seconds or milliseconds, or spreadsheet serial days? then numbersToDates(table.numbers(...), "s" | "ms" | "spreadsheet"))' : '')
  );
}

/**
 * A notice for a text column whose values are numbers but for a few markers ("?", "missing", "."): it loaded as
 * text, and would be encoded as categories; naValues makes those markers missing values.
 */
function noticeNumbersAsText(texts: readonly (string | null)[], name: string, na: Set<string>, format: NumberFormat, source: string): void {
  // A sample of about 1,000 values first: a text column (symbols, sides) is left at once, not read whole.
  const step = Math.max(1, Math.floor(texts.length / 1000));
  let sampled = 0;
  let sampledNumbers = 0;
  for (let i = 0; i < texts.length; i += step) {
    const v = texts[i];
    if (v === null) continue;
    sampled++;
    if (toNumber(v, na, format) !== undefined) sampledNumbers++;
  }
  if (sampledNumbers * 2 < sampled) return;
  const markers = new Map<string, number>();
  let numbers = 0;
  for (const v of texts) {
    if (v === null) continue;
    if (toNumber(v, na, format) !== undefined) numbers++;
    else if (markers.size <= 3) markers.set(v, (markers.get(v) ?? 0) + 1);
    else return;
  }
  const others = [...markers.values()].reduce((a, b) => a + b, 0);
  if (numbers === 0 || markers.size > 3 || others > numbers) return;
  const list = [...markers.keys()];
  notice(
    `${source}: column "${name}" loaded as text because of ${list.map((m) => JSON.stringify(m)).join(', ')} among ${numbers} numbers; if ${list.length === 1 ? 'it marks' : 'they mark'} missing values, pass { naValues: ${JSON.stringify(list)} }`,
  );
}

/**
 * A text column's dates, when its first value is a date in a known format (then every value must be one, or the
 * error names the row and the way out); undefined for other text.
 */
function datesByContent(texts: readonly (string | null)[], name: string, options: LoadCsvOptions): Float64Array | undefined {
  const first = texts.find((v) => v !== null && v.trim() !== '');
  if (first === undefined || first === null || !detectDateFormat(first)) return undefined;
  try {
    return parseDates(texts, name, { dayFirst: options.dayFirst, twoDigitYearStart: options.twoDigitYearStart });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(
      `${e.message} (the column was read as dates because its first value, ${JSON.stringify(first)}, is one; to load it as text, pass { dates: [...] } listing the date columns, or { dates: false })`,
    );
  }
}

function tableFromCsv(parsed: ParsedCsv, options: LoadCsvOptions, source: string, format: NumberFormat): Table {
  const maxColumns = options.maxColumns ?? 10_000;
  if (parsed.header.length > maxColumns) {
    throw new InputError(`${source} has ${parsed.header.length} columns (limit ${maxColumns}); check the delimiter, or raise { maxColumns }`);
  }
  if (parsed.numRows === 0) throw new InputError(`${source} has a header (${formatList(parsed.header)}) but no data rows`);
  const na = new Set(options.keepDefaultNa === false ? (options.naValues ?? []) : [...DEFAULT_NA, ...(options.naValues ?? [])]);
  const keep = options.columns === undefined ? undefined : new Set(options.columns);
  for (const name of keep ?? []) {
    if (!parsed.header.includes(name)) throw new InputError(`columns names unknown column "${name}" (columns of ${source}: ${formatList(parsed.header)})`);
  }
  const kept = (name: string) => keep === undefined || keep.has(name);
  const left = (what: string, option: string, name: string) =>
    new InputError(`${what} "${name}" is left out by { columns } (${formatList([...keep!])}); add it to columns, or leave it out of ${option}`);
  const schema = options.schema ?? {};
  for (const name of Object.keys(schema)) {
    if (!parsed.header.includes(name)) throw new InputError(`schema names unknown column "${name}" (columns: ${formatList(parsed.header)})`);
    if (!kept(name)) throw left('schema column', 'schema', name);
    if (!['number', 'date', 'category'].includes(schema[name])) {
      throw new InputError(`schema type "${schema[name]}" for column "${name}" is unknown (valid: number, date, category)`);
    }
  }
  const dateCols =
    options.dates === false
      ? Object.keys(schema).filter((n) => schema[n] === 'date')
      : [
          ...new Set([
            ...(options.dates ?? parsed.header.filter((h) => DATE_NAMES.test(h) && kept(h))),
            ...Object.keys(schema).filter((n) => schema[n] === 'date'),
          ]),
        ];
  for (const d of dateCols) {
    if (!parsed.header.includes(d)) throw new InputError(`date column "${d}" is not in ${source} (columns: ${formatList(parsed.header)})`);
    if (!kept(d)) throw left('date column', 'dates', d);
  }

  const columns: Record<string, Column> = {};
  const kinds: Record<string, ColumnKind> = {};
  parsed.header.forEach((name, c) => {
    if (!kept(name)) return;
    const want = schema[name];
    if (dateCols.includes(name)) {
      columns[name] =
        parsed.isoDates(c) ??
        parseDates(parsed.texts(c, na), name, {
          dayFirst: options.dayFirst,
          twoDigitYearStart: options.twoDigitYearStart,
          unknownFormatFix: (first) => notADateFix(name, dateCols, options, first),
        });
      kinds[name] = 'date';
      return;
    }
    if (want !== 'category' && !format.thousands) {
      // The scan read plain decimals with the file's decimal mark; fields it could not read are looked at again.
      const nums = numericFromParsed(parsed, c, na, format);
      if (nums && nums.present > 0) {
        columns[name] = nums.values;
        kinds[name] = 'number';
        return;
      }
      if (want === undefined) {
        // Text (or nothing but missing markers): dates when every value is one, else the field strings.
        const iso = options.dates === undefined ? parsed.isoDates(c) : undefined;
        const texts = iso ? undefined : parsed.texts(c, na);
        const dates = iso ?? (options.dates === undefined ? datesByContent(texts!, name, options) : undefined);
        if (dates) {
          columns[name] = dates;
          kinds[name] = 'date';
          dateCols.push(name);
          return;
        }
        noticeNumbersAsText(texts!, name, na, format, source);
        columns[name] = texts!;
        kinds[name] = 'string';
        return;
      }
    }
    if (want === 'category') {
      columns[name] = parsed.texts(c, na);
      kinds[name] = 'string';
      return;
    }
    const raw = parsed.column(c);
    const nums = numericColumn(raw, na, format);
    if (want === 'number' && !nums) failNumeric(name, raw, na, format);
    if (nums && raw.some((s) => !na.has(s.trim()))) {
      columns[name] = nums;
      kinds[name] = 'number';
    } else {
      columns[name] = parsed.texts(c, na);
      kinds[name] = 'string';
    }
  });
  let result = new Table(columns, kinds);

  result = sortByDate(result, options.sortBy === undefined ? dateCols[0] : options.sortBy, dateCols, source, 'loadCsv');
  return result;
}

/**
 * Loads a CSV file into a `Table`: dates parsed (UTC), rows sorted by date, numbers as Float64. A gzip-compressed
 * file (.csv.gz) is decompressed first, and a UTF-16 one recognised by its byte-order mark.
 * @example
 * const prices = loadCsv('datasets/sp500-daily-ohlcv-2000-2020.csv');
 * prices.numbers('close');
 */
export function loadCsv(file: string, options: LoadCsvOptions = {}): Table {
  const stat = checkInputFile(file, 'loadCsv', 'CSV', 'save the data to a file first, or read the text yourself and pass it to readCsv');
  const { format, maxRows, skipRows } = scanOptions(options);
  const encoding = options.encoding ?? 'utf8';
  const parse = (raw: Uint8Array) => {
    const bytes = utf16AsUtf8(raw, file);
    const enc = bytes === raw ? encoding : 'utf8';
    if (enc === 'utf8' && !isUtf8(bytes)) throw notUtf8(file);
    return parseCsv(bytes, { delimiter: options.delimiter, source: file, encoding: enc, decimal: format.decimal, maxRows, skipRows });
  };
  const head = readInto(file, Buffer.alloc(4), 4);
  const compressed = compression(head);
  if (compressed === 'gzip') {
    if (stat.size > MAX_FILE_BYTES)
      throw new InputError(
        `${file} is a gzip file of ${(stat.size / 2 ** 30).toFixed(1)} GiB; loadCsv reads files up to 2 GiB: decompress it and split it by rows`,
      );
    return tableFromCsv(parse(gunzipped(file)), options, file, format);
  }
  if (compressed !== undefined) {
    throw new InputError(`${file} is ${compressed}-compressed; decompress it first (loadCsv reads plain and gzip-compressed CSV files)`);
  }
  if (maxRows !== undefined && !hasUtf16Bom(head)) {
    // The first rows only: read a part of the file that ends at a line end (never inside a UTF-8 character),
    // then a larger one (by the bytes per row seen so far) until it holds them or is the whole file. A quoted
    // field cut at the end of a part fails to parse; the next, larger part settles it.
    for (let size = 1 << 20; size < stat.size;) {
      const part = lineEndPrefix(file, size);
      let rows = 0;
      try {
        const parsed = parse(part);
        if (parsed.numRows === maxRows) return tableFromCsv(parsed, options, file, format);
        rows = parsed.numRows;
      } catch (e) {
        if (!(e instanceof InputError)) throw e;
      }
      size = Math.max(size * 2, rows > 0 ? Math.ceil((part.length / rows) * maxRows * 1.1) : 0);
    }
  }
  if (stat.size > MAX_FILE_BYTES) {
    throw new InputError(
      `${file} is ${(stat.size / 2 ** 30).toFixed(1)} GiB; loadCsv reads files up to 2 GiB (Node reads a file into one buffer). Split it by rows (e.g. \`split -l\`) or cut the columns you need first; { nrows } reads the first rows of a file of any size`,
    );
  }
  return tableFromCsv(parse(fs.readFileSync(file)), options, file, format);
}

/** The compression a file's first bytes announce (gzip, zip, bzip2, xz, zstd), or undefined for none. */
function compression(b: Uint8Array): string | undefined {
  if (b[0] === 0x1f && b[1] === 0x8b) return 'gzip';
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 3 && b[3] === 4) return 'zip';
  if (b[0] === 0x42 && b[1] === 0x5a && b[2] === 0x68 && b[3] >= 0x31 && b[3] <= 0x39) return 'bzip2'; // "BZh1" to "BZh9"
  if (b[0] === 0xfd && b[1] === 0x37 && b[2] === 0x7a && b[3] === 0x58) return 'xz';
  if (b[0] === 0x28 && b[1] === 0xb5 && b[2] === 0x2f && b[3] === 0xfd) return 'zstd';
  return undefined;
}

/**
 * A gzip-compressed file (.csv.gz, as pandas reads it by its extension) decompressed with Node's zlib. `nrows`
 * still reads the whole stream: a gzip file cannot be cut at a line end before it is decompressed.
 */
function gunzipped(file: string): Buffer {
  try {
    return zlib.gunzipSync(fs.readFileSync(file));
  } catch (e) {
    const why =
      e instanceof RangeError
        ? 'it decompresses to more than Node can hold in one buffer; decompress it and split it by rows'
        : `its gzip stream is damaged (${(e as Error).message})`;
    throw new InputError(`${file} cannot be read: ${why}`);
  }
}

function hasUtf16Bom(b: Uint8Array): boolean {
  return (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff);
}

/**
 * A UTF-16 file — Excel's "Unicode text" export, some database tools — as UTF-8 bytes, recognised by its
 * byte-order mark (FF FE little-endian, FE FF big-endian); any other input unchanged. Without this, its bytes
 * read as invalid UTF-8 and the error pointed at latin1, which would load NUL-riddled text.
 */
function utf16AsUtf8(bytes: Uint8Array, source: string): Uint8Array {
  if (!hasUtf16Bom(bytes)) return bytes;
  if (bytes[0] === 0xff && bytes[2] === 0 && bytes[3] === 0) {
    throw new InputError(`${source} is UTF-32 (its byte-order mark says so); re-save it as UTF-8 or UTF-16`);
  }
  const units = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length & ~1);
  const little = bytes[0] === 0xff ? units : Buffer.from(units).swap16();
  return Buffer.from(little.toString('utf16le'), 'utf8');
}

/** The first `size` bytes of a file, cut back to just after their last line end (all of them if there is none). */
function lineEndPrefix(file: string, size: number): Uint8Array {
  const part = readInto(file, Buffer.allocUnsafe(size), size);
  const end = part.lastIndexOf(10);
  return end >= 0 ? part.subarray(0, end + 1) : part;
}

/** Up to `size` bytes from the start of a file into `buf`: the bytes read (fewer if the file is shorter now). */
function readInto(file: string, buf: Buffer, size: number): Buffer {
  const fd = fs.openSync(file, 'r');
  let got = 0;
  try {
    while (got < size) {
      const n = fs.readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
  } finally {
    fs.closeSync(fd);
  }
  return buf.subarray(0, got);
}
