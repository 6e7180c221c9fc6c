/**
 * `concatRows`: tables with the same columns stacked into one, as pandas' `pd.concat`. Given tables by name
 * (`{ AAPL: aapl, MSFT: msft }`, one file per symbol) and a `key`, a column of those names says where each row
 * came from: the usual way to build a panel, which `sortBy('date')` then interleaves by date.
 */
import { InputError } from '../util/errors';
import { describeArgument } from '../util/check';
import { formatList } from '../util/format';
import { Column, ColumnKind, Table } from './table';

export interface ConcatRowsOptions {
  /** For tables given by name: the column (placed first) holding each row's table name, e.g. "symbol". */
  key?: string;
}

/**
 * One table with the rows of `tables`, in order. Every table needs the same columns (in any order; the first
 * table's order is kept) of the same kinds.
 * @example const panel = concatRows({ AAPL: loadCsv('AAPL.csv'), MSFT: loadCsv('MSFT.csv') }, { key: 'symbol' }).sortBy('date');
 */
export function concatRows(tables: readonly Table[] | Readonly<Record<string, Table>>, options: ConcatRowsOptions = {}): Table {
  if (typeof tables !== 'object' || tables === null)
    throw new InputError(`concatRows takes a list of tables, or tables by name ({ AAPL: t1, MSFT: t2 }), got ${describeArgument(tables)}`);
  const named = !Array.isArray(tables);
  const entries: [string, Table][] = named ? Object.entries(tables as Record<string, Table>) : (tables as Table[]).map((t, i) => [`table ${i}`, t]);
  if (entries.length === 0) throw new InputError('concatRows needs at least one table');
  if (named && options.key === undefined)
    throw new InputError('concatRows: tables given by name need { key } to name the column that holds each row\'s table name, e.g. { key: "symbol" }');
  if (!named && options.key !== undefined) throw new InputError('concatRows: { key } labels tables given by name; pass { name: table, … } instead of an array');
  for (const [label, t] of entries) {
    if (!(t instanceof Table)) throw new InputError(`concatRows: ${label} is not a Table`);
  }
  const [firstLabel, first] = entries[0];
  const names = first.columnNames;
  for (const [label, t] of entries) {
    const missing = names.filter((n) => !t.has(n));
    const extra = t.columnNames.filter((n) => !names.includes(n));
    if (missing.length || extra.length) {
      const parts = [missing.length ? `lacks ${formatList(missing)}` : '', extra.length ? `has ${formatList(extra)} besides` : '']
        .filter(Boolean)
        .join(' and ');
      throw new InputError(`concatRows: ${label} ${parts} (columns of ${firstLabel}: ${formatList(names)}); select the same columns in every table`);
    }
    for (const n of names) {
      if (t.kind(n) !== first.kind(n)) {
        throw new InputError(
          `concatRows: column "${n}" is ${t.kind(n)} in ${label} but ${first.kind(n)} in ${firstLabel}; load it as one kind (loadCsv's schema) in every table`,
        );
      }
    }
    if (options.key !== undefined && t.has(options.key)) throw new InputError(`concatRows: ${label} already has a column "${options.key}"; pick another key`);
  }
  const total = entries.reduce((a, [, t]) => a + t.numRows, 0);
  const columns = new Map<string, Column>();
  const kinds = new Map<string, ColumnKind>();
  if (options.key !== undefined) {
    const labels = new Array<string | null>(total);
    let r = 0;
    for (const [label, t] of entries) for (let i = 0; i < t.numRows; i++) labels[r++] = label;
    columns.set(options.key, labels);
    kinds.set(options.key, 'string');
  }
  for (const n of names) {
    const kind = first.kind(n);
    if (kind === 'string') {
      const out: (string | null)[] = [];
      for (const [, t] of entries) for (const v of t.strings(n)) out.push(v);
      columns.set(n, out);
    } else {
      const out = new Float64Array(total);
      let r = 0;
      for (const [, t] of entries) {
        out.set(t.column(n) as Float64Array, r);
        r += t.numRows;
      }
      columns.set(n, out);
    }
    kinds.set(n, kind);
  }
  return new Table(columns, kinds);
}
