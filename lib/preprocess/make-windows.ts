/**
 * `makeWindows`: sliding windows over a time-ordered table, shaped for LSTM/GRU/Conv1D input, with the
 * semantics of Keras `timeseries_dataset_from_array` (sequence length, stride, sampling rate) plus targets.
 * A window's inputs are rows s, s+r, ..., s+(lookback-1)·r; its targets start `horizon` rows after its last
 * input row, so a target always lies strictly after its inputs.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkFinite, checkPositiveInt } from '../util/check';
import { largeFloat32 } from '../kernels/huge-pages';
import { panelWindows } from './panel-windows';
import { interleavedKey } from './panel-hint';
import { notice } from '../util/notice';
import { checkWindowBytes, fillWindows, gather, NOT_FINITE_FIX, windowLayout } from './window-layout';
import { checkStrictlyIncreasing, firstDateColumn, timeColumn } from '../data/time-order';
import { checkTable } from '../data/check-table';

export interface WindowOptions {
  /** Input columns. */
  features: readonly string[];
  /** Target columns. */
  targets: readonly string[];
  /** Input rows per window (sequence length). */
  lookback: number;
  /** Rows from the last input row to the first target row. Defaults to 1 (next step). */
  horizon?: number;
  /** Consecutive target rows per window (multi-step forecast). Defaults to 1. */
  steps?: number;
  /** Rows between the starts of consecutive windows. Defaults to 1. */
  stride?: number;
  /** Rows between samples inside a window. Defaults to 1. */
  samplingRate?: number;
  /** Keep only windows whose first target row is ≥ this (test windows may take inputs from earlier rows). */
  targetStart?: number;
  /** Keep only windows whose last target row is < this (training windows end before the test rows). */
  targetEnd?: number;
  /** Date column for `targetDates` and the time-order check. Defaults to the first date column, if any. */
  dateColumn?: string;
  /**
   * The column naming each series when several are stacked in one table (a panel: symbol, date, price, sorted by
   * date). Windows are then cut from each series alone, never across two, and come out in the order of their first
   * target row; `targetStart` and `targetEnd` stay row positions in the table. A series too short for a window is
   * left out. Defaults to none: the table is one series.
   */
  series?: string;
  /** The rows are already oldest first, though the table has no date column. Defaults to false: such a table is refused. */
  ordered?: boolean;
}

/** Windows as flat typed arrays plus shapes; `x` is [n, lookback, features], `y` is [n, steps × targets]. */
export interface Windows {
  x: Float32Array;
  xShape: [number, number, number];
  y: Float32Array;
  yShape: [number, number];
  /** Row of each window's first target. */
  targetRows: Int32Array;
  /** Date (epoch ms) of each window's first target, when the table has a date column. */
  targetDates?: Float64Array;
  features: readonly string[];
  targets: readonly string[];
}

function checkedColumns(table: Table, names: readonly string[], what: string): Float64Array[] {
  if (!Array.isArray(names) || names.length === 0)
    throw new InputError(`makeWindows needs at least one ${what} column (columns: ${table.columnNames.join(', ')})`);
  return names.map((n) => table.numbers(n));
}

/**
 * Cuts windows from a table.
 * @example
 * const w = makeWindows(scaled, { features: ['yield_1y', 'yield_10y'], targets: ['yield_10y'], lookback: 12 });
 * w.xShape  // [n, 12, 2]
 */
export function makeWindows(table: Table, options: WindowOptions): Windows {
  checkTable('makeWindows', table);
  const lookback = checkPositiveInt('lookback', options.lookback);
  const horizon = checkPositiveInt('horizon', options.horizon ?? 1);
  const steps = checkPositiveInt('steps', options.steps ?? 1);
  const stride = checkPositiveInt('stride', options.stride ?? 1);
  const rate = checkPositiveInt('samplingRate', options.samplingRate ?? 1);
  const xs = checkedColumns(table, options.features, 'feature');
  const ys = checkedColumns(table, options.targets, 'target');
  const n = table.numRows;
  const shape = { lookback, horizon, steps, stride, rate };
  const targetStart = options.targetStart ?? 0;
  const targetEnd = options.targetEnd ?? n;
  // A panel names its own date column below; one series must have dates or be vouched for.
  const dateColumn =
    options.series !== undefined ? (options.dateColumn ?? firstDateColumn(table)) : timeColumn(table, options.dateColumn, options.ordered, 'makeWindows');
  if (options.series !== undefined) return panelWindows(table, options, { series: options.series, dateColumn, xs, ys, shape, targetStart, targetEnd });
  // Windows over rows out of time order, or over several series stacked by date, would mix times silently.
  if (dateColumn) checkStrictlyIncreasing(table.dates(dateColumn), dateColumn, true);
  const key = interleavedKey(table);
  if (key) {
    notice(
      `makeWindows: column "${key.column}" looks like the key of several series stacked in one table (${key.values.map((v) => JSON.stringify(v)).join(', ')}, … interleaving row by row); windows over it as one series mix the series — pass { series: "${key.column}" } to window each series on its own`,
    );
  }
  const { s0, count, span, firstTarget0 } = windowLayout(n, shape, targetStart, targetEnd);
  if (span >= n) {
    throw new InputError(
      `the series has ${n} rows, too short for lookback ${lookback} × samplingRate ${rate} + horizon ${horizon} + steps ${steps}; use a shorter lookback or more data`,
    );
  }
  if (count === 0)
    throw new InputError(
      `no window fits between target rows ${targetStart} and ${targetEnd} (lookback ${lookback}, horizon ${horizon}, steps ${steps}); widen the range or shorten the lookback`,
    );

  // Every row a window reads must be finite: a NaN would silently poison training.
  const firstRow = s0;
  const lastRow = s0 + (count - 1) * stride + span;
  options.features.forEach((f, j) => checkFinite(xs[j].subarray(firstRow, lastRow + 1), `makeWindows: column "${f}"`, NOT_FINITE_FIX, firstRow));
  options.targets.forEach((t, j) => checkFinite(ys[j].subarray(firstRow, lastRow + 1), `makeWindows: column "${t}"`, NOT_FINITE_FIX, firstRow));

  const nf = xs.length;
  const nt = ys.length;
  checkWindowBytes(count, lookback, nf, steps, nt);
  const x = largeFloat32(count * lookback * nf); // 96 MB for 200,000 rows × 30 × 4: huge pages when available
  const y = new Float32Array(count * steps * nt);
  const targetRows = new Int32Array(count);
  fillWindows(x, y, targetRows, xs, ys, { s0, count, stride, lookback, rate, firstTarget0, steps });
  const targetDates = dateColumn ? gather(table.dates(dateColumn), targetRows) : undefined;
  return {
    x,
    xShape: [count, lookback, nf],
    y,
    yShape: [count, steps * nt],
    targetRows,
    targetDates,
    features: [...options.features],
    targets: [...options.targets],
  };
}
