/**
 * `Table`: the library's column store. Numbers and dates live in Float64Array columns (NaN marks a missing
 * value; dates are epoch milliseconds, UTC), text in string arrays (null marks a missing value). Float64
 * keeps six-decimal prices and 1e10 volumes exact, which danfo's float32 storage does not; `toDanfo()`
 * hands a copy to danfo for its own operations.
 *
 * Tables are immutable: every method returns a new table and never writes into the columns it was given.
 */
import { InputError } from '../util/errors';
import { namedEntries, type NamedColumns } from './named-columns';

export { namedEntries, type NamedColumns } from './named-columns';
import { formatList, formatValue } from '../util/format';
import { Tabular, tabularText } from '../util/tabular';

import { columnOf, columnsFromArrays, columnsFromRows } from './columns-from-values';
import { isoDate } from './iso-date';
import { textAsNumbers } from './text-as-numbers';
import { danfoDataFrame } from './danfo-frame';
import { gatherRows, rowsWithoutMissing, stableSortOrder } from './row-indices';
import { permutation, seededRng } from '../util/rng';
import { describeArgument } from '../util/check';

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
  constructor(columns: NamedColumns<Column>, kinds: NamedColumns<ColumnKind> = {}) {
    const entries = namedEntries(columns);
    const names = entries.map(([n]) => n);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new InputError(`two columns are named ${formatValue(dup)}; give every column its own name`);
    const lengths = entries.map(([, c]) => c.length);
    if (new Set(lengths).size > 1) {
      const detail = names.map((n, i) => `${n}: ${lengths[i]}`).join(', ');
      throw new InputError(`columns have different lengths (${detail}); give every column the same number of rows`);
    }
    const declared = new Map(namedEntries(kinds));
    this.columnNames = names;
    this.numRows = lengths[0] ?? 0;
    this.cols = new Map(entries);
    this.kindOf = new Map(entries.map(([n, c]) => [n, declared.get(n) ?? (c instanceof Float64Array ? 'number' : 'string')]));
    for (const [n, col] of entries) {
      const k = this.kindOf.get(n)!;
      if ((k === 'string') === col instanceof Float64Array) {
        throw new InputError(`column "${n}" is declared ${k} but holds ${col instanceof Float64Array ? 'numbers' : 'text'}`);
      }
    }
  }

  /** Builds a table from row objects; numbers become Float64 columns, `Date` values date columns. */
  static fromRows(rows: readonly Row[], columnNames?: readonly string[]): Table {
    const { columns, kinds } = columnsFromRows(rows, columnNames ?? (rows.length ? Object.keys(rows[0]) : []));
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
    return col instanceof Float64Array ? col : textAsNumbers(name, col);
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
    const cols = new Map<string, Column>();
    const kinds = new Map<string, ColumnKind>();
    for (const n of names) {
      cols.set(n, this.column(n));
      kinds.set(n, this.kindOf.get(n)!);
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
    const { column: col, kind: inferred } = columnOf(values);
    if (col.length !== this.numRows && this.columnNames.length > 0) {
      throw new InputError(`column "${name}" has ${col.length} values but the table has ${this.numRows} rows`);
    }
    return this.replacing([[name, col, kind ?? inferred]]);
  }

  /** A new table with several columns added or replaced at once (numeric arrays, as from a transform). */
  withColumns(columns: NamedColumns<Float64Array>): Table {
    const entries = namedEntries(columns);
    for (const [n, values] of entries) {
      if (values.length !== this.numRows) throw new InputError(`column "${n}" has ${values.length} values but the table has ${this.numRows} rows`);
    }
    return this.replacing(entries.map(([n, values]) => [n, values, 'number']));
  }

  /** This table's columns with some added or replaced (the new ones are taken, not copied). */
  private replacing(updates: [string, Column, ColumnKind][]): Table {
    const cols = new Map(this.cols);
    const kinds = new Map(this.kindOf);
    for (const [n, col, kind] of updates) {
      cols.set(n, col);
      kinds.set(n, kind);
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
  rename(mapping: NamedColumns<string>): Table {
    const to = new Map(namedEntries(mapping));
    for (const from of to.keys()) this.column(from);
    const names = this.columnNames.map((n) => to.get(n) ?? n);
    const dup = names.find((n, i) => names.indexOf(n) !== i);
    if (dup !== undefined) throw new InputError(`rename: two columns would be named "${dup}"; pick distinct names`);
    const cols = new Map<string, Column>();
    const kinds = new Map<string, ColumnKind>();
    this.columnNames.forEach((n, i) => {
      cols.set(names[i], this.column(n));
      kinds.set(names[i], this.kindOf.get(n)!);
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
    return this.mapColumns((c) => gatherRows(c, indices));
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
    const order = stableSortOrder(this.column(name));
    return order ? this.take(order) : this;
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
    const kept = rowsWithoutMissing(
      columns.map((name) => this.column(name)),
      this.numRows,
    );
    if (kept === undefined) return this;
    return kept instanceof Int32Array ? this.take(kept) : this.slice(kept.start, kept.end);
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
    const data: Record<string, unknown[]> = {};
    for (const n of this.columnNames) data[n] = this.displayColumn(n);
    return danfoDataFrame(data);
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
    const cols = new Map<string, Column>();
    for (const n of this.columnNames) cols.set(n, f(this.cols.get(n)!));
    return new Table(cols, this.kindOf);
  }
}

/** Builds a table from columns given as arrays (numbers → Float64, `Date` → date column, else text). */
export function table(columns: NamedColumns<readonly unknown[] | Float64Array>): Table {
  if (typeof columns !== 'object' || columns === null)
    throw new InputError(`table takes columns by name, e.g. table({ x: [1, 2] }), got ${describeArgument(columns)}`);
  const { columns: cols, kinds } = columnsFromArrays(columns);
  return new Table(cols, kinds);
}
