/**
 * `withDates`: the date column a time-series notebook works on, found or converted — named by the user (any name),
 * or the first date column; a numeric column of decimal years (1991.4962, as R's `ts` exports store time)
 * becomes dates; a named column of whole positions (day_index) orders the rows without a calendar — and the
 * table sorted by it, oldest first.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { notice } from '../util/notice';
import { decimalYearsToDates } from './decimal-year';
import { firstDateColumn } from './time-order';
import type { Table } from './table';
import { checkTable } from './check-table';
import { observationFrequency, type Frequency } from './infer-frequency';

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

/** Names of a year and a quarter or month column ("year,quarter"), told or found by name. */
function periodColumns(table: Table, column: string | undefined): { year: string; part: string; kind: 'quarter' | 'month' } | undefined {
  const find = (re: RegExp) => table.columnNames.find((c) => re.test(c.trim()));
  let year: string | undefined;
  let part: string | undefined;
  if (column !== undefined && column.includes(',')) {
    [year, part] = column.split(',').map((c) => c.trim());
    for (const c of [year, part])
      if (!table.columnNames.includes(c))
        throw new InputError(
          `dateColumn "${column}": "${c}" is not a column (columns: ${formatList(table.columnNames)}); pass -p dateColumn=<year column>,<quarter or month column>`,
        );
  } else if (column === undefined || column === '') {
    year = find(/^(year|yr)$/i);
    part = find(/^(quarter|qtr|q)$/i) ?? find(/^(month|mon|m)$/i);
    if (year === undefined || part === undefined) return undefined;
  } else return undefined;
  const values = table.strings(part!).filter((v): v is string => v !== null);
  const quarter = values.every((v) => /^(Q?[1-4])$/i.test(v.trim()));
  const month = values.every((v) => /^([1-9]|1[0-2]|0[1-9])$/.test(v.trim()) || MONTH_NAMES.includes(v.trim().slice(0, 3).toLowerCase()));
  const kind = /q/i.test(part!) && quarter ? 'quarter' : month ? 'month' : quarter ? 'quarter' : undefined;
  if (kind === undefined)
    throw new InputError(
      `dateColumn "${year},${part}": "${part}" holds ${JSON.stringify(values[0])}, neither quarters (1–4, Q1–Q4) nor months (1–12, Jan–Dec); fix the column or name another`,
    );
  return { year: year!, part: part!, kind };
}

const MONTH_NAMES = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** The first day of each row's quarter or month, from its year and quarter/month columns, as a "period" date column. */
function combinePeriod(table: Table, p: { year: string; part: string; kind: 'quarter' | 'month' }): { table: Table; dateColumn: string } {
  const years = table.numbers(p.year);
  const parts = table.strings(p.part);
  const ms = Float64Array.from(years, (y, i) => {
    const raw = parts[i]?.trim() ?? '';
    const n = p.kind === 'quarter' ? Number(raw.replace(/^q/i, '')) : /^\d+$/.test(raw) ? Number(raw) : MONTH_NAMES.indexOf(raw.slice(0, 3).toLowerCase()) + 1;
    const month = p.kind === 'quarter' ? 3 * n - 2 : n;
    if (!(Number.isInteger(y) && month >= 1 && month <= 12))
      throw new InputError(`row ${i}: year ${y} and ${p.kind} ${JSON.stringify(parts[i])} are not a ${p.kind}; fix or drop the row`);
    return Date.UTC(y, month - 1, 1);
  });
  let name = 'period';
  while (table.has(name)) name = `_${name}`;
  notice(`"${p.year}" and "${p.part}" combined into a ${p.kind} date column "${name}" (the first day of each ${p.kind})`);
  return withDates(
    table.withColumn(
      name,
      Array.from(ms, (m) => new Date(m)),
    ),
    name,
  );
}

/** What withDates gives: the sorted table and its time column; `frequency` only for positions (no calendar). */
export interface DatedTable {
  table: Table;
  dateColumn: string;
  /** Set when the column holds row positions, not dates: the "observations" frequency (periods a year unknown). */
  frequency?: Frequency;
}

/** A numeric column of whole, distinct positions: the rows in its order, and the "observations" frequency. */
function positionsOf(table: Table, name: string): DatedTable {
  const v = table.numbers(name);
  const order = Int32Array.from(v, (_, i) => i).sort((a, b) => v[a] - v[b]);
  for (let k = 1; k < order.length; k++)
    if (v[order[k]] === v[order[k - 1]])
      throw new InputError(
        `dateColumn "${name}" repeats position ${v[order[k]]} (rows ${Math.min(order[k], order[k - 1])} and ${Math.max(order[k], order[k - 1])}); one series needs one row per position — for several series in one table pass -p series=<their column>`,
      );
  notice(`"${name}" holds positions (${v[order[0]]} to ${v[order[order.length - 1]]}), not dates: the rows are ordered by it and counted in observations`);
  const sorted = order.every((row, k) => row === k) ? table : table.take(order);
  return { table: sorted, dateColumn: name, frequency: observationFrequency() };
}

/**
 * The table with `column` (or its first date column, or else a numeric time column of decimal years) as dates,
 * sorted by them; and the column's name. A named column of whole positions (day_index) stays numbers, orders
 * the rows and sets `frequency` to observations.
 * @example const { table, dateColumn } = withDates(loadCsv('eu.csv'), 'decimal_year');
 */
export function withDates(table: Table, column?: string): DatedTable {
  checkTable('withDates', table);
  const period = periodColumns(table, column);
  if (period && (column?.includes(',') || firstDateColumn(table) === undefined)) return combinePeriod(table, period);
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
    // Whole years (an annual series: 1991, 1992, …) are years too, read as 1 January.
    const wholeYears = v.length > 1 && v.every((y) => Number.isInteger(y) && y >= 1000 && y < 3000) && /year|yr/i.test(name);
    // A column the caller named that holds whole numbers (day_index 1, 2, …) orders rows without a calendar.
    // Whole numbers that all look like years (1991, 1992) but are not named so stay ambiguous: refused below.
    const yearLike = v.every((y) => y >= 1000 && y < 3000);
    if (!isDecimalYears(v) && !wholeYears && !yearLike && column && v.every((x) => Number.isInteger(x))) return positionsOf(table, name);
    if (!isDecimalYears(v) && !wholeYears) {
      const what = yearLike
        ? `whole numbers that look like years (e.g. ${v[0]}) in a column not named year (rename it "year" for an annual series)`
        : `numbers that are neither decimal years nor whole positions (e.g. ${v.find((x) => !Number.isInteger(x)) ?? v[0]})`;
      throw new InputError(
        `dateColumn "${name}" holds ${what}; for a year and a quarter or month in two columns pass -p dateColumn=${name},<quarter or month column>; epoch seconds or days load with numbersToDates; or name another column`,
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
