/** `splitByTime`: a chronological train/test split that never shuffles. */
import { Table } from '../data/table';
import { checkStrictlyIncreasing, firstDateColumn, panelRows, timeColumn } from '../data/time-order';
import { InputError } from '../util/errors';
import { checkFraction, checkPositiveInt } from '../util/check';
import { parseDates } from '../data/parse-date';
import { checkTable } from '../data/check-table';

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
  /**
   * The column naming each series when several are stacked in one table (a panel: symbol, date, price), sorted
   * by date so that they interleave. Every series then splits at the same date: all rows of a date fall on one
   * side (with `testSize`, the rows of the date at the cut go to test). Defaults to none: one row per date.
   */
  series?: string;
  /**
   * Rows left out between train and test (an embargo; dates, with `series`). A target k rows ahead (`lead(x, k)`)
   * makes the last k training labels out of test-period values: `gap: k` leaves those rows out. Defaults to 0.
   */
  gap?: number;
  /** The rows are already oldest first, though the table has no date column. Defaults to false: such a table is refused. */
  ordered?: boolean;
}

export interface Split {
  train: Table;
  test: Table;
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

/**
 * Splits a time-ordered table into the earlier rows (train) and the later rows (test).
 * @example const { train, test } = splitByTime(yields, { testSize: 0.2 });
 */
export function splitByTime(table: Table, options: SplitByTimeOptions = {}): Split {
  checkTable('splitByTime', table);
  // A panel names its own date column below; one series must have dates or be vouched for.
  const dateColumn =
    options.series !== undefined ? (options.dateColumn ?? firstDateColumn(table)) : timeColumn(table, options.dateColumn, options.ordered, 'splitByTime');
  if (options.series !== undefined) {
    if (!dateColumn)
      throw new InputError(
        `series "${options.series}" needs a date column to split every series at the same date, and the table has none; load the dates (loadCsv's dates option)`,
      );
    panelRows(table, dateColumn, options.series, 'splitByTime');
  } else if (dateColumn) checkStrictlyIncreasing(table.dates(dateColumn), dateColumn, true);
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
    if (options.series !== undefined && dateColumn && cut > 0) {
      // A panel's date at the cut goes to test whole: no date on both sides.
      const t = table.dates(dateColumn);
      while (cut > 0 && t[cut - 1] === t[cut]) cut--;
    }
  }
  if (cut <= 0 || cut >= table.numRows) {
    throw new InputError(
      `the split leaves ${cut <= 0 ? 'no training' : 'no test'} rows (${table.numRows} rows, split at row ${cut}); move the cutoff or change testSize`,
    );
  }
  const gap = checkPositiveInt('gap', options.gap ?? 0, 0);
  let trainEnd = cut;
  if (options.series !== undefined && dateColumn) {
    // The gap's dates before the cut, all their rows.
    const t = table.dates(dateColumn);
    for (let d = 0; d < gap && trainEnd > 0; d++) {
      const day = t[trainEnd - 1];
      while (trainEnd > 0 && t[trainEnd - 1] === day) trainEnd--;
    }
  } else trainEnd = cut - gap;
  if (trainEnd <= 0) throw new InputError(`gap ${gap} leaves no training rows (the test split starts at row ${cut}); use a smaller gap or a later cutoff`);
  return { train: table.slice(0, trainEnd), test: table.slice(cut) };
}
