/**
 * `valueCounts`: how often each value of a column occurs, most frequent first (pandas' `value_counts`): a table of
 * the values and their counts, with their share of the counted rows. Missing values are left out unless asked for.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { checkTable } from './check-table';
import { table as makeTable, type Table } from './table';

export interface ValueCountsOptions {
  /** Count missing values too, as a row with a missing value. Defaults to false (pandas' dropna=True). */
  includeMissing?: boolean;
}

/**
 * Counts of each value of `column`, descending; ties in the order the values first appear.
 * @example valueCounts(patients, 'diagnosis')  // diagnosis | count | share
 */
export function valueCounts(table: Table, column: string, options: ValueCountsOptions = {}): Table {
  checkTable('valueCounts', table);
  if (typeof column !== 'string' || !table.has(column))
    throw new InputError(`valueCounts: ${JSON.stringify(column)} is not a column (columns: ${formatList(table.columnNames)})`);
  const kind = table.kind(column);
  // Numbers and dates are counted by value (epoch ms for dates), text by its string; NaN and null are missing.
  const values: (string | number | null)[] =
    kind === 'string' ? table.strings(column) : Array.from(kind === 'date' ? table.dates(column) : table.numbers(column), (v) => (Number.isNaN(v) ? null : v));
  const counts = new Map<string | number | null, number>();
  for (const v of values) if (v !== null || options.includeMissing) counts.set(v, (counts.get(v) ?? 0) + 1);
  const order = [...counts.entries()].map(([v, n], first) => ({ v, n, first })).sort((a, b) => b.n - a.n || a.first - b.first);
  const total = order.reduce((s, r) => s + r.n, 0);
  const keys = order.map((r) => r.v);
  // The values keep their column's kind: numbers stay numbers, dates dates.
  const valueColumn =
    kind === 'number'
      ? Float64Array.from(keys, (k) => (k === null ? NaN : (k as number)))
      : kind === 'date'
        ? keys.map((k) => (k === null ? null : new Date(k as number)))
        : keys;
  const name = column === 'count' || column === 'share' ? `${column}_value` : column;
  return makeTable(
    new Map<string, unknown>([
      [name, valueColumn],
      ['count', Float64Array.from(order, (r) => r.n)],
      ['share', Float64Array.from(order, (r) => r.n / total)],
    ]) as never,
  );
}
