/**
 * `groupBy` and `mapGroups`: a table split by the value of a key column, as pandas' `groupby` splits a panel of
 * several series stacked in one table (symbol, date, price). Features such as returns and rolling means must be
 * computed within each series: over the stacked column, the first return of one symbol would be taken from the
 * last price of another. `mapGroups` computes them per group and puts the rows back where they were
 * (pandas' `groupby(...).transform`).
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { Column, ColumnKind, Table } from './table';
import { checkTable } from './check-table';

/** Row positions of each key, in order of first appearance; each group's rows in table order. */
export function groupRows(table: Table, by: string, caller: string): Map<string, number[]> {
  const keys = table.strings(by);
  const groups = new Map<string, number[]>();
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    if (k === null) {
      throw new InputError(
        `${caller}: column "${by}" is missing a value at row ${i}, so the row has no group; drop those rows first (table.dropMissing(["${by}"])) or fill them`,
      );
    }
    const rows = groups.get(k);
    if (rows) rows.push(i);
    else groups.set(k, [i]);
  }
  return groups;
}

/**
 * The rows of each value of `by`, as one table per value, in order of first appearance; within a group rows keep
 * their order. Numbers are keys as they print ("1.5"), missing keys are refused (pandas drops them silently).
 * @example for (const [symbol, rows] of groupBy(stocks, 'symbol')) console.log(symbol, rows.numRows);
 */
export function groupBy(table: Table, by: string): Map<string, Table> {
  checkTable('groupBy', table);
  const out = new Map<string, Table>();
  for (const [key, rows] of groupRows(table, by, 'groupBy')) out.set(key, table.take(rows));
  return out;
}

/**
 * Calls `fn` with each group's rows (in table order) and its key, and returns one table with every group's result
 * put back at its rows' positions: pandas' `df.groupby(by).transform(...)`. `fn` must return one row per row it
 * was given, and every group the same columns of the same kinds. Features computed this way never reach across
 * groups.
 * @example
 * const withReturns = mapGroups(stocks, 'symbol', (rows) => rows.withColumn('ret', pctChange(rows.numbers('price'))));
 */
export function mapGroups(table: Table, by: string, fn: (rows: Table, key: string) => Table): Table {
  checkTable('mapGroups', table);
  const groups = groupRows(table, by, 'mapGroups');
  const results: [string, number[], Table][] = [];
  for (const [key, rows] of groups) {
    const result = fn(table.take(rows), key);
    if (!(result instanceof Table))
      throw new InputError(`mapGroups: the function returned ${typeof result} for group "${key}"; return a Table (e.g. rows.withColumn(...))`);
    if (result.numRows !== rows.length) {
      throw new InputError(
        `mapGroups: the function returned ${result.numRows} rows for group "${key}", which has ${rows.length}; return one row per row (fill the warm-up rows with NaN, drop rows after mapGroups)`,
      );
    }
    results.push([key, rows, result]);
  }
  if (results.length === 0) return table;
  const [firstKey, , first] = results[0];
  const names = first.columnNames;
  const kinds = names.map((n) => first.kind(n));
  for (const [key, , result] of results) {
    if (result.columnNames.length !== names.length || result.columnNames.some((n, j) => n !== names[j])) {
      throw new InputError(
        `mapGroups: group "${key}" came back with columns ${formatList(result.columnNames)} but group "${firstKey}" with ${formatList(names)}; return the same columns for every group`,
      );
    }
    names.forEach((n, j) => {
      if (result.kind(n) !== kinds[j]) {
        throw new InputError(
          `mapGroups: column "${n}" is ${result.kind(n)} in group "${key}" but ${kinds[j]} in group "${firstKey}"; give it one kind in every group`,
        );
      }
    });
  }
  const n = table.numRows;
  const columns = new Map<string, Column>();
  const columnKinds = new Map<string, ColumnKind>();
  names.forEach((name, j) => {
    const numeric = kinds[j] !== 'string';
    const out: Column = numeric ? new Float64Array(n) : new Array<string | null>(n);
    for (const [, rows, result] of results) {
      const col = result.column(name);
      for (let i = 0; i < rows.length; i++) out[rows[i]] = col[i] as never;
    }
    columns.set(name, out);
    columnKinds.set(name, kinds[j]);
  });
  return new Table(columns, columnKinds);
}
