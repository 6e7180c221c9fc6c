/**
 * Time order of a table: its date column, and the checks that rows run forward in time — one row per date for a
 * single series; for several series stacked in one table (a panel: symbol, date, price), dates that never go back
 * down the table and one row per date within each series.
 */
import { InputError } from '../util/errors';
import { groupRows } from './group-by';
import { Table } from './table';
import { isoDate } from './iso-date';
import { checkList } from '../util/check';
import { checkTable } from './check-table';

/** The first date column of a table, or undefined. */
export function firstDateColumn(table: Table): string | undefined {
  checkTable('firstDateColumn', table);
  return table.columnNames.find((n) => table.kind(n) === 'date');
}

function checkNoMissingDate(t: Float64Array, column: string): void {
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== t[i])
      throw new InputError(`column "${column}" has no date at row ${i}; a time series needs a date on every row (fill or drop that row first)`);
  }
}

function notSorted(t: Float64Array, i: number, column: string): InputError {
  return new InputError(
    `column "${column}" is not sorted: ${isoDate(t[i])} at row ${i} comes after ${isoDate(t[i - 1])}; sort by date first (loadCsv sorts by default)`,
  );
}

/**
 * Throws unless `t` strictly increases, naming the first missing, out-of-order or duplicate value. `panelHint`
 * adds, to the duplicate-date message, the option for several series stacked in one table.
 */
export function checkStrictlyIncreasing(t: Float64Array, column: string, panelHint = false): void {
  checkList('checkStrictlyIncreasing: t', t);
  checkNoMissingDate(t, column);
  for (let i = 1; i < t.length; i++) {
    if (t[i] === t[i - 1]) {
      const panel = panelHint ? '; if the table stacks several series (a symbol or id column), pass { series: "<that column>" }' : '';
      throw new InputError(
        `column "${column}" has a duplicate date ${isoDate(t[i])} at rows ${i - 1} and ${i}; a time series needs one row per date (aggregate or de-duplicate first)${panel}`,
      );
    }
    if (t[i] < t[i - 1]) throw notSorted(t, i, column);
  }
}

/** Throws unless `t` never decreases (repeated dates allowed: a panel, ticks sharing a timestamp), naming the first missing or out-of-order value. */
export function checkSorted(t: Float64Array, column: string): void {
  checkNoMissingDate(t, column);
  for (let i = 1; i < t.length; i++) if (t[i] < t[i - 1]) throw notSorted(t, i, column);
}

/**
 * Row positions of each series of a panel, after checking its order: dates never decrease down the table (the
 * series interleave, as loadCsv's sort by date leaves them) and strictly increase within each series.
 */
export function panelRows(table: Table, dateColumn: string, series: string, caller: string): Map<string, number[]> {
  const t = table.dates(dateColumn);
  checkSorted(t, dateColumn);
  const groups = groupRows(table, series, caller);
  for (const [key, rows] of groups) {
    for (let j = 1; j < rows.length; j++) {
      if (t[rows[j]] === t[rows[j - 1]]) {
        throw new InputError(
          `series "${key}" (column "${series}") has the date ${isoDate(t[rows[j]])} twice, at rows ${rows[j - 1]} and ${rows[j]}; a series needs one row per date (aggregate or de-duplicate first)`,
        );
      }
    }
  }
  return groups;
}

/**
 * The date column a time-series step works in, or undefined when the caller vouched for the order with
 * `ordered: true`. A table with no date column is refused otherwise: its rows may be in any order (a
 * newest-first file whose dates loaded as text), and a split or window over them would train on the future.
 */
export function timeColumn(table: Table, dateColumn: string | undefined, ordered: boolean | undefined, caller: string): string | undefined {
  const column = dateColumn ?? firstDateColumn(table);
  if (column !== undefined) {
    if (table.kind(column) !== 'date')
      throw new InputError(
        `${caller}: dateColumn "${column}" holds ${table.kind(column)}s, not dates; load it as dates (loadCsv's dates option) or name the date column`,
      );
    return column;
  }
  if (ordered === true) return undefined;
  throw new InputError(
    `${caller}: the table has no date column (columns: ${table.columnNames.join(', ')}), so nothing says its rows run forward in time; load the dates (loadCsv reads a column of dates by its values; { dates: ["<column>"] } names it), or pass { ordered: true } if the rows are already oldest first`,
  );
}
