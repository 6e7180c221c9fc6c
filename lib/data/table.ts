/**
 * `Table`: the library's column store. Numbers and dates live in Float64Array columns (NaN marks a missing
 * value; dates are epoch milliseconds, UTC), text in string arrays (null marks a missing value). Float64
 * keeps six-decimal prices and 1e10 volumes exact, which danfo's float32 storage does not; `toDanfo()`
 * hands a copy to danfo for its own operations.
 *
 * Tables are immutable: every method returns a new table and never writes into the columns it was given.
 */
import { allFinite } from '../util/check';
import { InputError } from '../util/errors';
import { formatList, formatValue } from '../util/format';
import { Tabular, tabularText } from '../util/tabular';
import { numberFormatHint, parseNumber, PLAIN_DECIMALS } from './number-format';
import { sortOrder } from './sort-order';
import { permutation, seededRng } from '../util/rng';

/** The kind of a column. */
export type ColumnKind = 'number' | 'date' | 'string';
/** A column: numbers and dates as Float64Array, text as strings (null = missing). */
export type Column = Float64Array | (string | null)[];

/** Plain rows, as from JSON or a CSV parser. */
export type Row = Record<string, unknown>;

export class Table {
  /** Column names, in order. */
  readonly columnNames: readonly string[];
  /** Number of rows. */
  readonly numRows: number;
  private readonly cols: ReadonlyMap<string, Column>;
  private readonly kindOf: ReadonlyMap<string, ColumnKind>;

  /** Prefer `table(...)`, `loadCsv(...)` or `Table.fromRows(...)`; the constructor takes ownership of `columns`. */
  constructor(columns: Record<string, Column>, kinds: Record<string, ColumnKind> = {}) {
    const names = Object.keys(columns);
    const lengths = names.map((n) => columns[n].length);
    if (new Set(lengths).size > 1) {
      const detail = names.map((n, i) => `${n}: ${lengths[i]}`).join(', ');
      throw new InputError(`columns have different lengths (${detail}); give every column the same number of rows`);
    }
    this.columnNames = names;
    this.numRows = lengths[0] ?? 0;
    this.cols = new Map(names.map((n) => [n, columns[n]]));
    this.kindOf = new Map(names.map((n) => [n, kinds[n] ?? (columns[n] instanceof Float64Array ? 'number' : 'string')]));
    for (const n of names) {
      const k = this.kindOf.get(n)!;
      if ((k === 'string') === columns[n] instanceof Float64Array) {
        throw new InputError(`column "${n}" is declared ${k} but holds ${columns[n] instanceof Float64Array ? 'numbers' : 'text'}`);
      }
    }
  }

  /** Builds a table from row objects; numbers become Float64 columns, `Date` values date columns. */
  static fromRows(rows: readonly Row[], columnNames?: readonly string[]): Table {
    const names = columnNames ?? (rows.length ? Object.keys(rows[0]) : []);
    const columns: Record<string, Column> = {};
    const kinds: Record<string, ColumnKind> = {};
    for (const name of names) {
      const values = rows.map((r) => r[name]);
      const present = values.filter((v) => v !== null && v !== undefined && !(typeof v === 'number' && Number.isNaN(v)));
      if (present.length > 0 && present.every((v) => v instanceof Date)) {
        columns[name] = Float64Array.from(values, (v) => (v instanceof Date ? v.getTime() : NaN));
        kinds[name] = 'date';
      } else if (present.every((v) => typeof v === 'number')) {
        columns[name] = Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN));
      } else {
        columns[name] = values.map((v) => (v === null || v === undefined ? null : String(v)));
      }
    }
    return new Table(columns, kinds);
  }

  /** Converts a danfo DataFrame (or anything with `columns` and `values`) into a table. */
  static fromDanfo(df: { columns: string[]; values: unknown[][] }): Table {
    const rows = df.values.map((r) => Object.fromEntries(df.columns.map((c, j) => [c, r[j]])));
    return Table.fromRows(rows, df.columns);
  }

  /** The kind of a column. */
  kind(name: string): ColumnKind {
    this.column(name);
    return this.kindOf.get(name)!;
  }

  /** Whether the table has this column. */
  has(name: string): boolean {
    return this.cols.has(name);
  }

  /** A column's values (shared storage: do not write into it). Unknown names list the real ones. */
  column(name: string): Column {
    const col = this.cols.get(name);
    if (col === undefined) throw new InputError(`unknown column ${formatValue(name)} (columns: ${formatList(this.columnNames)})`);
    return col;
  }

  /**
   * A numeric column as Float64Array. A text column is converted when every value is a number; otherwise the
   * error names the first row and value that is not.
   */
  numbers(name: string): Float64Array {
    const col = this.column(name);
    if (col instanceof Float64Array) return col;
    const out = new Float64Array(col.length);
    for (let i = 0; i < col.length; i++) {
      const s = col[i];
      const v = s === null ? NaN : parseNumber(s, PLAIN_DECIMALS);
      if (Number.isNaN(v) && s !== null && s.trim() !== '') {
        const hint = numberFormatHint(s) ?? 'clean it, encode it (labelEncoder / oneHotEncoder), or drop the column';
        throw new InputError(`column "${name}" is not numeric: row ${i} holds ${formatValue(s)}; ${hint}`);
      }
      out[i] = v;
    }
    return out;
  }

  /** A column as text: numbers formatted ("1.5"), dates as ISO dates ("2020-01-02", with the time when there is one); null where missing. */
  strings(name: string): (string | null)[] {
    const col = this.column(name);
    if (!(col instanceof Float64Array)) return col;
    const date = this.kindOf.get(name) === 'date';
    return Array.from(col, (v) => (Number.isNaN(v) ? null : date ? isoDate(v) : String(v)));
  }

  /** A date column as epoch milliseconds. */
  dates(name: string): Float64Array {
    if (this.kind(name) !== 'date') {
      throw new InputError(`column "${name}" is not a date column (kind: ${this.kind(name)}); load it with loadCsv({ dates: ["${name}"] })`);
    }
    return this.column(name) as Float64Array;
  }

  /** A new table with these columns, in this order. */
  select(names: readonly string[]): Table {
    const cols: Record<string, Column> = {};
    const kinds: Record<string, ColumnKind> = {};
    for (const n of names) {
      cols[n] = this.column(n);
      kinds[n] = this.kindOf.get(n)!;
    }
    return new Table(cols, kinds);
  }

  /** A new table without these columns. */
  drop(names: readonly string[]): Table {
    for (const n of names) this.column(n);
    return this.select(this.columnNames.filter((n) => !names.includes(n)));
  }

  /** A new table with a column added or replaced. */
  withColumn(name: string, values: Column | readonly number[] | readonly Date[], kind?: ColumnKind): Table {
    const list = values as readonly unknown[];
    if (!(values instanceof Float64Array) && list.length > 0 && list.every((v) => v instanceof Date)) {
      return this.withColumn(
        name,
        Float64Array.from(list as Date[], (d) => d.getTime()),
        'date',
      );
    }
    const col: Column =
      values instanceof Float64Array
        ? values
        : list.every((v) => typeof v === 'number')
          ? Float64Array.from(list as number[])
          : (list as (string | null)[]).slice();
    if (col.length !== this.numRows && this.columnNames.length > 0) {
      throw new InputError(`column "${name}" has ${col.length} values but the table has ${this.numRows} rows`);
    }
    return this.replacing([[name, col, kind ?? (col instanceof Float64Array ? 'number' : 'string')]]);
  }

  /** A new table with several columns added or replaced at once (numeric arrays, as from a transform). */
  withColumns(columns: Record<string, Float64Array>): Table {
    for (const [n, values] of Object.entries(columns)) {
      if (values.length !== this.numRows) throw new InputError(`column "${n}" has ${values.length} values but the table has ${this.numRows} rows`);
    }
    return this.replacing(Object.entries(columns).map(([n, values]) => [n, values, 'number']));
  }

  /** This table's columns with some added or replaced (the new ones are taken, not copied). */
  private replacing(updates: [string, Column, ColumnKind][]): Table {
    const cols: Record<string, Column> = {};
    const kinds: Record<string, ColumnKind> = {};
    for (const n of this.columnNames) {
      cols[n] = this.cols.get(n)!;
      kinds[n] = this.kindOf.get(n)!;
    }
    for (const [n, col, kind] of updates) {
      cols[n] = col;
      kinds[n] = kind;
    }
    return new Table(cols, kinds);
  }

  /**
   * Rows [start, end), like `Array.prototype.slice`. Numeric columns are views of this table's storage (no copy,
   * as Arrow slices are): tables are immutable, so sharing is safe.
   */
  slice(start: number, end = this.numRows): Table {
    return this.mapColumns((c) => (c instanceof Float64Array ? c.subarray(start, end) : c.slice(start, end)));
  }

  /**
   * The table with columns renamed (pandas' `rename(columns=...)`); names not in the mapping stay. Renaming onto
   * an existing name, or a name that is not a column, is refused.
   * @example prices.rename({ Date: 'date', 'Adj Close': 'adj_close' })
   */
  rename(mapping: Record<string, string>): Table {
    for (const from of Object.keys(mapping)) this.column(from);
    const names = this.columnNames.map((n) => (Object.prototype.hasOwnProperty.call(mapping, n) ? mapping[n] : n));
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new InputError(`rename: two columns would be named "${dup}"; pick distinct names`);
    const cols: Record<string, Column> = {};
    const kinds: Record<string, ColumnKind> = {};
    this.columnNames.forEach((n, i) => {
      cols[names[i]] = this.column(n);
      kinds[names[i]] = this.kindOf.get(n)!;
    });
    return new Table(cols, kinds);
  }

  /** The rows in a seeded random order (pandas' `sample(frac=1, random_state=seed)`). */
  shuffle(options: { seed?: number } = {}): Table {
    return this.take(permutation(this.numRows, seededRng(options.seed ?? 42)));
  }

  /** `n` rows drawn at random without replacement, seeded (pandas' `sample(n, random_state=seed)`). */
  sample(n: number, options: { seed?: number } = {}): Table {
    if (!(Number.isInteger(n) && n >= 0 && n <= this.numRows))
      throw new InputError(`sample: n must be a whole number from 0 to ${this.numRows} (the rows there are), got ${n}`);
    return this.take(permutation(this.numRows, seededRng(options.seed ?? 42)).subarray(0, n));
  }

  /** The rows at these positions, in this order. */
  take(indices: ArrayLike<number>): Table {
    return this.mapColumns((c) => {
      if (c instanceof Float64Array) {
        const out = new Float64Array(indices.length);
        for (let i = 0; i < indices.length; i++) out[i] = c[indices[i]];
        return out;
      }
      return Array.from({ length: indices.length }, (_, i) => c[indices[i]]);
    });
  }

  /**
   * The rows to keep, in order: a mask with one entry per row (true or non-zero keeps it; pandas' `df[mask]`), or
   * a test of the row index.
   * @example const big = trades.filter(Array.from(trades.numbers('qty'), (q) => q > 100));
   * @example const aapl = stocks.filter((i) => symbols[i] === 'AAPL');
   */
  filter(keep: ArrayLike<boolean | number> | ((row: number) => boolean)): Table {
    const n = this.numRows;
    if (typeof keep !== 'function' && keep.length !== n)
      throw new InputError(`filter: the mask has ${keep.length} entries but the table has ${n} rows; give one per row`);
    const rows: number[] = [];
    for (let i = 0; i < n; i++) if (typeof keep === 'function' ? keep(i) : keep[i]) rows.push(i);
    return rows.length === n ? this : this.take(rows);
  }

  /**
   * Rows sorted by a column, ascending and stable (equal values keep their order, as pandas'
   * `sort_values(kind="stable")`); missing values last. Numbers and dates by value, text by its characters.
   * @example const panel = concatRows({ AAPL: aapl, MSFT: msft }, { key: 'symbol' }).sortBy('date');
   */
  sortBy(name: string): Table {
    const col = this.column(name);
    const n = this.numRows;
    const missing: number[] = [];
    const present: number[] = [];
    for (let i = 0; i < n; i++) ((col instanceof Float64Array ? col[i] !== col[i] : col[i] === null) ? missing : present).push(i);
    let order: Int32Array;
    if (col instanceof Float64Array) {
      const keys = Float64Array.from(present, (i) => col[i]);
      const within = sortOrder(keys);
      order = within ? Int32Array.from(within, (j) => present[j]) : Int32Array.from(present);
    } else {
      order = Int32Array.from(present).sort((a, b) => (col[a]! < col[b]! ? -1 : col[a]! > col[b]! ? 1 : a - b));
    }
    if (missing.length === 0 && order.every((r, i) => r === i)) return this;
    const all = new Int32Array(n);
    all.set(order);
    all.set(missing, order.length);
    return this.take(all);
  }

  /** First `n` rows. */
  head(n = 5): Table {
    return this.slice(0, Math.min(n, this.numRows));
  }

  /** Last `n` rows. */
  tail(n = 5): Table {
    return this.slice(Math.max(0, this.numRows - n));
  }

  /** Drops rows with a missing value in any of `columns` (defaults to all). */
  dropMissing(columns: readonly string[] = this.columnNames): Table {
    const n = this.numRows;
    const cols = columns.map((name) => this.column(name));
    // First pass, reading only: the run of rows every column has values for, and whether any value is missing
    // inside that run. Rows missing only at the start (returns, rolling windows) or the end are the usual case,
    // and give a zero-copy slice.
    let start = 0;
    let end = n;
    let inner = false;
    for (const c of cols) {
      const edges = missingEdges(c);
      start = Math.max(start, edges.start);
      end = Math.min(end, edges.end);
      inner ||= edges.inner;
    }
    if (!inner) return start === 0 && end === n ? this : this.slice(start, Math.max(start, end));
    // Gaps inside: a byte mask over all columns, then one gather.
    const drop = new Uint8Array(n);
    for (const c of cols) {
      if (c instanceof Float64Array) {
        for (let i = 0; i < n; i++) if (c[i] !== c[i]) drop[i] = 1;
      } else {
        for (let i = 0; i < n; i++) if (c[i] === null) drop[i] = 1;
      }
    }
    let kept = 0;
    for (let i = 0; i < n; i++) kept += 1 - drop[i];
    const keep = new Int32Array(kept);
    for (let i = 0, j = 0; i < n; i++) if (!drop[i]) keep[j++] = i;
    return this.take(keep);
  }

  /** Rows as plain objects (dates as `Date`). */
  toRows(): Row[] {
    const out: Row[] = [];
    for (let i = 0; i < this.numRows; i++) {
      const row: Row = {};
      for (const n of this.columnNames) {
        const v = this.cols.get(n)![i];
        row[n] = this.kindOf.get(n) === 'date' ? (Number.isNaN(v as number) ? null : new Date(v as number)) : v;
      }
      out.push(row);
    }
    return out;
  }

  /** A copy as a danfo DataFrame (dates as ISO strings). Note: danfo stores numbers as float32. */
  toDanfo(): unknown {
    let dfd: { DataFrame: new (data: Record<string, unknown[]>) => unknown };
    try {
      dfd = require('danfojs-node');
    } catch {
      // Optional interop: danfo pins tfjs-node 3 and a CDN xlsx, so it is not a dependency of this package.
      throw new InputError(
        'toDanfo needs danfojs-node, which is optional: npm install danfojs-node (with the "overrides" in this README\'s Install section, as it pins tfjs-node 3 and an xlsx tarball from a CDN)',
      );
    }
    const data: Record<string, unknown[]> = {};
    for (const n of this.columnNames) data[n] = this.displayColumn(n);
    return new dfd.DataFrame(data);
  }

  /** Values of a column as shown in tables: dates as ISO strings. */
  displayColumn(name: string): unknown[] {
    const col = this.column(name);
    if (this.kindOf.get(name) === 'date') return Array.from(col as Float64Array, (v) => (Number.isNaN(v) ? null : isoDate(v)));
    return Array.from(col as ArrayLike<unknown>);
  }

  /** The first `maxRows` rows as a header, rows (dates as ISO strings) and a caption: what `toHTML` renders. */
  tabulate(maxRows = 20): Tabular {
    const shown = this.head(maxRows);
    const cols = this.columnNames.map((n) => shown.displayColumn(n));
    const rows = Array.from({ length: shown.numRows }, (_, i) => cols.map((c) => c[i]));
    const more = this.numRows > maxRows ? ` (first ${maxRows} of ${this.numRows} rows)` : '';
    return { header: this.columnNames, rows, caption: `${this.numRows} rows × ${this.columnNames.length} columns${more}` };
  }

  /** A plain-text rendering of the first `maxRows` rows. */
  toString(maxRows = 10): string {
    return `${tabularText(this.tabulate(maxRows))}\n[${this.numRows} rows × ${this.columnNames.length} columns]`;
  }

  private mapColumns(f: (c: Column) => Column): Table {
    const cols: Record<string, Column> = {};
    const kinds: Record<string, ColumnKind> = {};
    for (const n of this.columnNames) {
      cols[n] = f(this.cols.get(n)!);
      kinds[n] = this.kindOf.get(n)!;
    }
    return new Table(cols, kinds);
  }
}

/**
 * Where a column's values start and end: rows [start, end) hold the first to the last present value, and
 * `inner` says whether a value is missing between them. All missing: start = end = length.
 */
function missingEdges(c: Column): { start: number; end: number; inner: boolean } {
  const n = c.length;
  const isMissing = c instanceof Float64Array ? (i: number) => c[i] !== c[i] : (i: number) => c[i] === null;
  if (c instanceof Float64Array && allFinite(c)) return { start: 0, end: n, inner: false };
  let start = 0;
  while (start < n && isMissing(start)) start++;
  if (start === n) return { start: n, end: n, inner: false };
  let end = n;
  while (isMissing(end - 1)) end--;
  // Numbers: one fast finiteness pass over the run, and a closer look only when it holds NaN or ±Infinity.
  if (c instanceof Float64Array && allFinite(c.subarray(start, end))) return { start, end, inner: false };
  let inner = false;
  for (let i = start + 1; i < end - 1 && !inner; i++) inner = isMissing(i);
  return { start, end, inner };
}

/** "2000-01-03" for midnight UTC, else a full ISO timestamp; "NaT" (pandas' word) for a missing date. */
export function isoDate(ms: number): string {
  if (!Number.isFinite(ms)) return 'NaT';
  const iso = new Date(ms).toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

/** Builds a table from columns given as arrays (numbers → Float64, `Date` → date column, else text). */
export function table(columns: Record<string, readonly unknown[] | Float64Array>): Table {
  const cols: Record<string, Column> = {};
  const kinds: Record<string, ColumnKind> = {};
  for (const [name, values] of Object.entries(columns)) {
    if (values instanceof Float64Array) {
      cols[name] = values.slice();
    } else if (values.length > 0 && values.every((v) => v instanceof Date || v === null)) {
      cols[name] = Float64Array.from(values, (v) => (v instanceof Date ? v.getTime() : NaN));
      kinds[name] = 'date';
    } else if (values.every((v) => typeof v === 'number' || v === null || v === undefined)) {
      cols[name] = Float64Array.from(values, (v) => (typeof v === 'number' ? v : NaN));
    } else {
      cols[name] = values.map((v) => (v === null || v === undefined ? null : String(v)));
    }
  }
  return new Table(cols, kinds);
}
