/**
 * `withDates`: the date column a time-series notebook works on, found or converted — named by the user (any name),
 * or the first date column; a numeric column of decimal years (1991.4962, as R's `ts` exports store time)
 * becomes dates — and the table sorted by it, oldest first.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { notice } from '../util/notice';
import { decimalYearsToDates } from './decimal-year';
import { firstDateColumn } from './time-order';
import type { Table } from './table';

/** A numeric column named like time ("decimal_year", "time") whose values are fractional years, when there is no date column. */
function decimalYearColumn(table: Table): string | undefined {
  const name = table.columnNames.find((c) => table.kind(c) === 'number' && /year|date|time/i.test(c) && isDecimalYears(table.numbers(c)));
  if (name) notice(`no date column; "${name}" holds decimal years and is used as the dates (pass dateColumn to choose another)`);
  return name;
}

function isDecimalYears(v: Float64Array): boolean {
  let fractional = false;
  for (const y of v) {
    if (!(y >= 1000 && y < 3000)) return false;
    if (y !== Math.floor(y)) fractional = true;
  }
  return fractional;
}

/**
 * The table with `column` (or its first date column, or else a numeric time column of decimal years) as dates,
 * sorted by them; and the column's name.
 * @example const { table, dateColumn } = withDates(loadCsv('eu.csv'), 'decimal_year');
 */
export function withDates(table: Table, column?: string): { table: Table; dateColumn: string } {
  const name = column === undefined || column === '' ? (firstDateColumn(table) ?? decimalYearColumn(table)) : column;
  if (name === undefined) {
    throw new InputError(
      `the table has no date column (columns: ${formatList(table.columnNames)}); name it with -p dateColumn=<column> (dates in any format loadCsv reads, or decimal years)`,
    );
  }
  if (!table.columnNames.includes(name))
    throw new InputError(`dateColumn "${name}" is not a column (columns: ${formatList(table.columnNames)}); pass -p dateColumn=<one of them>`);
  let out = table;
  if (table.kind(name) === 'number') {
    const v = table.numbers(name);
    if (!isDecimalYears(v)) {
      throw new InputError(
        `dateColumn "${name}" holds numbers that are not decimal years (e.g. ${v[0]}); load it as dates (epoch seconds or days: numbersToDates), or name another column`,
      );
    }
    // Newest-first decimal years: convert in time order, then put back in the table's order.
    const order = Int32Array.from(v, (_, i) => i).sort((a, b) => v[a] - v[b]);
    const dates = decimalYearsToDates(Array.from(order, (i) => v[i]));
    const ms = new Float64Array(v.length);
    order.forEach((row, k) => (ms[row] = dates[k].getTime()));
    out = table.withColumn(
      name,
      Array.from(ms, (m) => new Date(m)),
    );
  } else if (table.kind(name) !== 'date') {
    throw new InputError(
      `dateColumn "${name}" holds ${table.kind(name)} values that did not load as dates (e.g. ${JSON.stringify(table.strings(name)[0])}); load it with loadCsv's { dates: ["${name}"] } to see why, or name another column`,
    );
  }
  const t = out.dates(name);
  let sorted = true;
  for (let i = 1; i < t.length && sorted; i++) if (t[i] < t[i - 1]) sorted = false;
  if (!sorted) {
    notice(`rows are not in date order; sorted by "${name}", oldest first`);
    out = out.sortBy(name);
  }
  return { table: out, dateColumn: name };
}
