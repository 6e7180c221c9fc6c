/** `splitByTime`: a chronological train/test split that never shuffles. */
import { Table, isoDate } from '../data/table';
import { InputError } from '../util/errors';
import { checkFraction } from '../util/check';
import { parseDates } from '../data/parse-date';

export interface SplitByTimeOptions {
  /** Fraction of rows (the latest ones) in the test split. Defaults to 0.2 unless `cutoff` is given. */
  testSize?: number;
  /**
   * First date of the test split: a Date, epoch ms, or a date string in any format `loadCsv` reads ("2010-01-01",
   * "Jan 1 2010", "01.02.2010"), read in UTC as the loader reads dates. Overrides `testSize`.
   */
  cutoff?: Date | string | number;
  /** The date column. Defaults to the first date column, if any. */
  dateColumn?: string;
}

export interface Split {
  train: Table;
  test: Table;
}

/** Throws unless `t` strictly increases, naming the first missing, out-of-order or duplicate value. */
export function checkStrictlyIncreasing(t: Float64Array, column: string): void {
  for (let i = 0; i < t.length; i++) {
    if (t[i] !== t[i]) throw new InputError(`column "${column}" has no date at row ${i}; a time series needs a date on every row (fill or drop that row first)`);
  }
  for (let i = 1; i < t.length; i++) {
    if (t[i] === t[i - 1]) {
      throw new InputError(`column "${column}" has a duplicate date ${isoDate(t[i])} at rows ${i - 1} and ${i}; a time series needs one row per date (aggregate or de-duplicate first)`);
    }
    if (t[i] < t[i - 1]) {
      throw new InputError(`column "${column}" is not sorted: ${isoDate(t[i])} at row ${i} comes after ${isoDate(t[i - 1])}; sort by date first (loadCsv sorts by default)`);
    }
  }
}

/**
 * A cutoff string as the loader reads dates (UTC, checked formats). `Date.parse` would read "2010-01-01 00:00"
 * and "Jan 1 2010" in the machine's time zone: hours off the loaded dates, which are UTC midnights, so the rows
 * of the cutoff day could fall into the training split.
 */
function cutoffMs(text: string): number {
  try {
    return parseDates([text], 'cutoff')[0];
  } catch {
    return NaN;
  }
}

/** The first date column of a table, or undefined. */
export function firstDateColumn(table: Table): string | undefined {
  return table.columnNames.find((n) => table.kind(n) === 'date');
}

/**
 * Splits a time-ordered table into the earlier rows (train) and the later rows (test).
 * @example const { train, test } = splitByTime(yields, { testSize: 0.2 });
 */
export function splitByTime(table: Table, options: SplitByTimeOptions = {}): Split {
  const dateColumn = options.dateColumn ?? firstDateColumn(table);
  if (dateColumn) checkStrictlyIncreasing(table.dates(dateColumn), dateColumn);
  let cut: number;
  if (options.cutoff !== undefined) {
    if (!dateColumn) throw new InputError('cutoff needs a date column, and the table has none; use testSize instead');
    const ms = options.cutoff instanceof Date ? options.cutoff.getTime() : typeof options.cutoff === 'number' ? options.cutoff : cutoffMs(options.cutoff);
    if (Number.isNaN(ms)) throw new InputError(`cutoff ${JSON.stringify(options.cutoff)} is not a date; use e.g. "1990-01-01"`);
    const t = table.dates(dateColumn);
    cut = t.findIndex((v) => v >= ms);
    if (cut < 0) cut = t.length;
  } else {
    const testSize = checkFraction('testSize', options.testSize ?? 0.2);
    cut = table.numRows - Math.ceil(table.numRows * testSize);
  }
  if (cut <= 0 || cut >= table.numRows) {
    throw new InputError(`the split leaves ${cut <= 0 ? 'no training' : 'no test'} rows (${table.numRows} rows, split at row ${cut}); move the cutoff or change testSize`);
  }
  return { train: table.slice(0, cut), test: table.slice(cut) };
}
