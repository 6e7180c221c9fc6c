/**
 * `loadCsv`: a CSV file to a `Table`, with dates parsed, rows sorted by date and an optional schema checked
 * on load. `readCsv` does the same for CSV text already in memory.
 */
import * as fs from 'fs';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { isUtf8 } from 'buffer';
import { numberFormat, NumberFormat } from './number-format';
import { parseCsv } from './parse-csv';
import { checkTwoDigitYearStart } from './parse-date';
import { checkInputFile } from './check-input-file';
import { Table } from './table';
import { tableFromCsv, type CsvReadHooks } from './table-from-csv';
import { compression, gunzipped, hasUtf16Bom, lineEndPrefix, MAX_FILE_BYTES, readInto, utf16AsUtf8 } from './csv-file-bytes';
import { checkString } from '../util/check';

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

function notUtf8(source: string): InputError {
  return new InputError(`${source} is not valid UTF-8 (it holds undecodable bytes); pass { encoding: "latin1" } or re-save the file as UTF-8`);
}

/** Options of `readCsv`: those of `loadCsv`, and a name for the text in errors. */
export interface ReadCsvOptions extends LoadCsvOptions {
  /** Names the text in errors (where it came from: a URL, a request, a cell). Defaults to "CSV text". */
  source?: string;
}

/**
 * Reads CSV text into a `Table`, as `loadCsv` reads a file.
 * @example readCsv('date,close\n2000-01-03,1455.2\n').numbers('close')  // Float64Array [1455.2]
 */
export function readCsv(text: string, options?: ReadCsvOptions): Table;
/** @deprecated Name the text with the `source` option: `readCsv(text, { ...options, source })`. */
export function readCsv(text: string, options: LoadCsvOptions, source: string): Table;
export function readCsv(text: string, options: ReadCsvOptions = {}, positionalSource?: string): Table {
  checkString('readCsv: text', text);
  return readCsvWith(text, { ...options, source: positionalSource ?? options.source });
}

/** `readCsv` telling `hooks` what it chose (scanCsv reads every batch as its first batch was read). */
export function readCsvWith(text: string, options: ReadCsvOptions, hooks: CsvReadHooks = {}): Table {
  const source = options.source ?? 'CSV text';
  if (text.includes('\uFFFD')) throw notUtf8(source);
  const { format, maxRows, skipRows } = scanOptions(options);
  const parsed = parseCsv(text, { delimiter: options.delimiter, source, decimal: format.decimal, maxRows, skipRows });
  return tableFromCsv(parsed, options, source, format, hooks);
}

/**
 * Loads a CSV file into a `Table`: dates parsed (UTC), rows sorted by date, numbers as Float64. A gzip-compressed
 * file (.csv.gz) is decompressed first, and a UTF-16 one recognised by its byte-order mark.
 * @example
 * const prices = loadCsv('datasets/sp500-daily-ohlcv-2000-2020.csv');
 * prices.numbers('close');
 */
export function loadCsv(file: string, options: LoadCsvOptions = {}): Table {
  checkString('loadCsv: file', file);
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
