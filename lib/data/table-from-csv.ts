/**
 * `tableFromCsv`: the parsed fields of a CSV as a `Table` — missing markers, numbers in the file's format, date
 * columns by name or content, text and categories, the schema checked and the rows sorted by date.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { allFinite } from '../util/check';
import { beyondExactIntegers, NumberFormat, numberFormatHint, parseNumber, radixPrefixed } from './number-format';
import { ParsedCsv } from './parse-csv';
import { detectDateFormat, parseDates } from './parse-date';
import { notice } from '../util/notice';
import { sortByDate } from './sort-by-date';
import { Column, ColumnKind, Table } from './table';
import type { LoadCsvOptions, SchemaType } from './load-csv';

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
  if (options.schema && Object.prototype.hasOwnProperty.call(options.schema, name) && options.schema[name] === 'date')
    return `convert it, or declare "${name}" "category" in schema to load it as text`;
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
function datesByContent(texts: readonly (string | null)[], name: string, options: LoadCsvOptions, hooks: CsvReadHooks): Float64Array | undefined {
  const first = texts.find((v) => v !== null && v.trim() !== '');
  if (first === undefined || first === null || !detectDateFormat(first)) return undefined;
  try {
    return parseDates(texts, name, {
      dayFirst: hooks.dayFirst?.(name) ?? options.dayFirst,
      twoDigitYearStart: options.twoDigitYearStart,
      onSlashOrder: (dayFirst) => hooks.onSlashOrder?.(name, dayFirst),
    });
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    throw new InputError(
      `${e.message} (the column was read as dates because its first value, ${JSON.stringify(first)}, is one; to load it as text, pass { dates: [...] } listing the date columns, or { dates: false })`,
    );
  }
}

/** What a caller reading one file in parts (scanCsv) learns from the first part, to read the rest the same way. */
export interface CsvReadHooks {
  /** The order chosen for a column of slash dates (true: day first). */
  onSlashOrder?: (column: string, dayFirst: boolean) => void;
  /** The order to read a column's slash dates in, when already chosen (else `options.dayFirst`). */
  dayFirst?: (column: string) => boolean | undefined;
}

export function tableFromCsv(parsed: ParsedCsv, options: LoadCsvOptions, source: string, format: NumberFormat, hooks: CsvReadHooks = {}): Table {
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
  // A null-prototype copy: a column named "constructor" or "__proto__" looks up its own entry, nothing inherited.
  const schema: Record<string, SchemaType> = Object.assign(Object.create(null), options.schema ?? {});
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

  const columns = new Map<string, Column>();
  const kinds = new Map<string, ColumnKind>();
  parsed.header.forEach((name, c) => {
    if (!kept(name)) return;
    const want = schema[name];
    if (dateCols.includes(name)) {
      const read = () =>
        parsed.isoDates(c) ??
        parseDates(parsed.texts(c, na), name, {
          dayFirst: hooks.dayFirst?.(name) ?? options.dayFirst,
          twoDigitYearStart: options.twoDigitYearStart,
          unknownFormatFix: (first) => notADateFix(name, dateCols, options, first),
          onSlashOrder: (dayFirst) => hooks.onSlashOrder?.(name, dayFirst),
        });
      // Chosen by its name alone ("time" of survival days, decimal years): numbers that are not dates stay numbers.
      const byNameOnly = !(options.dates && options.dates.includes(name)) && want !== 'date';
      let dates: Float64Array;
      try {
        dates = read();
      } catch (err) {
        // Only when its first value is in no date format: a "date" of 20010229 (YYYYMMDD, no such day) stays an error.
        const first = parsed.texts(c, na).find((v) => v !== null && v.trim() !== '') ?? '';
        const numbersOnly = byNameOnly && err instanceof InputError && !format.thousands && !detectDateFormat(first);
        const nums = numbersOnly ? numericFromParsed(parsed, c, na, format) : undefined;
        if (!nums || nums.present === 0) throw err;
        notice(
          `${source}: column "${name}" is named like a date but holds numbers that are not dates ("${first}", …): kept as numbers; if they are epoch seconds or milliseconds or spreadsheet serial days, convert them with numbersToDates(table.numbers("${name}"), "s" | "ms" | "spreadsheet")`,
        );
        columns.set(name, nums.values);
        kinds.set(name, 'number');
        dateCols.splice(dateCols.indexOf(name), 1); // not a date column after all: not the one to sort by
        return;
      }
      columns.set(name, dates);
      kinds.set(name, 'date');
      return;
    }
    if (want !== 'category' && !format.thousands) {
      // The scan read plain decimals with the file's decimal mark; fields it could not read are looked at again.
      const nums = numericFromParsed(parsed, c, na, format);
      if (nums && nums.present > 0) {
        columns.set(name, nums.values);
        kinds.set(name, 'number');
        return;
      }
      if (want === undefined) {
        // Text (or nothing but missing markers): dates when every value is one, else the field strings.
        const iso = options.dates === undefined ? parsed.isoDates(c) : undefined;
        const texts = iso ? undefined : parsed.texts(c, na);
        const dates = iso ?? (options.dates === undefined ? datesByContent(texts!, name, options, hooks) : undefined);
        if (dates) {
          columns.set(name, dates);
          kinds.set(name, 'date');
          dateCols.push(name);
          return;
        }
        noticeNumbersAsText(texts!, name, na, format, source);
        columns.set(name, texts!);
        kinds.set(name, 'string');
        return;
      }
    }
    if (want === 'category') {
      columns.set(name, parsed.texts(c, na));
      kinds.set(name, 'string');
      return;
    }
    const raw = parsed.column(c);
    const nums = numericColumn(raw, na, format);
    if (want === 'number' && !nums) failNumeric(name, raw, na, format);
    // A declared number column stays numeric when every value is missing (a batch of scanCsv can be all NA).
    if (nums && (want === 'number' || raw.some((s) => !na.has(s.trim())))) {
      columns.set(name, nums);
      kinds.set(name, 'number');
    } else {
      columns.set(name, parsed.texts(c, na));
      kinds.set(name, 'string');
    }
  });
  let result = new Table(columns, kinds);

  result = sortByDate(result, options.sortBy === undefined ? dateCols[0] : options.sortBy, dateCols, source, 'loadCsv');
  return result;
}
