/**
 * `makeWindows`: sliding windows over a time-ordered table, shaped for LSTM/GRU/Conv1D input, with the
 * semantics of Keras `timeseries_dataset_from_array` (sequence length, stride, sampling rate) plus targets.
 * A window's inputs are rows s, s+r, ..., s+(lookback-1)·r; its targets start `horizon` rows after its last
 * input row, so a target always lies strictly after its inputs.
 */
import * as os from 'os';
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkFinite, checkPositiveInt } from '../util/check';
import { largeFloat32 } from '../kernels/huge-pages';
import { windowInputsInto } from '../kernels/window-inputs';
import { checkStrictlyIncreasing, firstDateColumn, panelRows, timeColumn } from '../data/time-order';

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
  if (options.series !== undefined) return panelWindows(table, options, options.series, dateColumn, xs, ys, shape, targetStart, targetEnd);
  // Windows over rows out of time order, or over several series stacked by date, would mix times silently.
  if (dateColumn) checkStrictlyIncreasing(table.dates(dateColumn), dateColumn, true);
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
  checkWindowBytes(count, lookback, nf);
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

/** The most bytes of window inputs makeWindows allocates: half the machine's memory, and at most 2^32 (V8's largest typed array). */
const MAX_WINDOW_BYTES = Math.min(2 ** 32, os.totalmem() / 2);

/** Refuses, before allocating, window inputs larger than MAX_WINDOW_BYTES, saying how many bytes and how to get fewer. */
export function checkWindowBytes(count: number, lookback: number, features: number): void {
  const bytes = count * lookback * features * 4;
  if (bytes > MAX_WINDOW_BYTES) {
    const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
    throw new InputError(
      `makeWindows would allocate ${gib(bytes)} (${count} windows × ${lookback} rows × ${features} features × 4 bytes), over the ${gib(MAX_WINDOW_BYTES)} it allows on this machine; use a stride above 1, a shorter lookback, fewer features, or window part of the rows at a time (targetStart / targetEnd)`,
    );
  }
}

const NOT_FINITE_FIX = 'impute or drop missing rows before windowing (rolling features leave NaN at the start: dropMissing())';

interface WindowShape {
  lookback: number;
  horizon: number;
  steps: number;
  stride: number;
  rate: number;
}

/**
 * Where the windows of an n-row series start (s0) and how many fit with their first target in
 * [targetStart, targetEnd) and their last target below targetEnd; `span` is a window's first input row to its
 * last target row, `firstTarget0` its first input row to its first target row.
 */
function windowLayout(n: number, w: WindowShape, targetStart: number, targetEnd: number): { s0: number; count: number; span: number; firstTarget0: number } {
  const span = (w.lookback - 1) * w.rate + w.horizon + w.steps - 1;
  const firstTarget0 = (w.lookback - 1) * w.rate + w.horizon;
  const s0 = Math.max(0, targetStart - firstTarget0);
  // Window k starts at row s0 + k·stride; the last one's last target row is below min(n, targetEnd).
  const limit = Math.min(n, targetEnd) - span; // a start s fits when s < limit
  const count = span < n && limit > s0 ? Math.ceil((limit - s0) / w.stride) : 0;
  return { s0, count, span, firstTarget0 };
}

/** First position in sorted `rows` whose value is ≥ v. */
function lowerBound(rows: Int32Array, v: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid] < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** `makeWindows` with `series`: each series windowed alone, the windows merged in order of their first target row. */
function panelWindows(
  table: Table,
  options: WindowOptions,
  series: string,
  dateColumn: string | undefined,
  xs: Float64Array[],
  ys: Float64Array[],
  shape: WindowShape,
  targetStart: number,
  targetEnd: number,
): Windows {
  if (!dateColumn)
    throw new InputError(
      `series "${series}" needs a date column to check each series' time order, and the table has none; load the dates (loadCsv's dates option)`,
    );
  const { lookback, steps, stride, rate } = shape;
  const parts: { rows: Int32Array; s0: number; count: number; firstTarget0: number }[] = [];
  let longest = 0;
  for (const [key, list] of panelRows(table, dateColumn, series, 'makeWindows')) {
    const rows = Int32Array.from(list);
    longest = Math.max(longest, rows.length);
    const { s0, count, span, firstTarget0 } = windowLayout(rows.length, shape, lowerBound(rows, targetStart), lowerBound(rows, targetEnd));
    if (count === 0) continue;
    const last = s0 + (count - 1) * stride + span;
    const check = (cols: Float64Array[], names: readonly string[]) =>
      cols.forEach((col, j) => {
        for (let i = s0; i <= last; i++) {
          const v = col[rows[i]];
          if (!Number.isFinite(v)) throw new InputError(`makeWindows: column "${names[j]}" holds ${v} at row ${rows[i]} (series "${key}"); ${NOT_FINITE_FIX}`);
        }
      });
    check(xs, options.features);
    check(ys, options.targets);
    parts.push({ rows, s0, count, firstTarget0 });
  }
  if (parts.length === 0) {
    throw new InputError(
      `no series of column "${series}" has a window with targets between rows ${targetStart} and ${targetEnd} (longest series ${longest} rows; lookback ${lookback} × samplingRate ${rate}, horizon ${shape.horizon}, steps ${steps}); use a shorter lookback or more data`,
    );
  }
  // Each window as (part, start), ordered by its first target row in the table.
  const total = parts.reduce((a, p) => a + p.count, 0);
  const part = new Int32Array(total);
  const start = new Int32Array(total);
  const target = new Int32Array(total);
  let k = 0;
  parts.forEach((p, pi) => {
    for (let w = 0; w < p.count; w++, k++) {
      part[k] = pi;
      start[k] = p.s0 + w * stride;
      target[k] = p.rows[start[k] + p.firstTarget0];
    }
  });
  const order = Int32Array.from({ length: total }, (_, i) => i).sort((a, b) => target[a] - target[b]);
  const nf = xs.length;
  const nt = ys.length;
  checkWindowBytes(total, lookback, nf);
  const x = largeFloat32(total * lookback * nf);
  const y = new Float32Array(total * steps * nt);
  const targetRows = new Int32Array(total);
  let xo = 0;
  let yo = 0;
  order.forEach((i, w) => {
    const { rows, firstTarget0 } = parts[part[i]];
    for (let t = 0; t < lookback; t++) {
      const row = rows[start[i] + t * rate];
      for (let f = 0; f < nf; f++) x[xo++] = xs[f][row];
    }
    for (let s = 0; s < steps; s++) {
      const row = rows[start[i] + firstTarget0 + s];
      for (let j = 0; j < nt; j++) y[yo++] = ys[j][row];
    }
    targetRows[w] = target[i];
  });
  const targetDates = gather(table.dates(dateColumn), targetRows);
  return {
    x,
    xShape: [total, lookback, nf],
    y,
    yShape: [total, steps * nt],
    targetRows,
    targetDates,
    features: [...options.features],
    targets: [...options.targets],
  };
}

interface Layout {
  s0: number;
  count: number;
  stride: number;
  lookback: number;
  rate: number;
  firstTarget0: number;
  steps: number;
}

/** Writes every window's input rows into x (the kernels' windowInputsInto), its target rows into y and its first target row into targetRows. */
function fillWindows(x: Float32Array, y: Float32Array, targetRows: Int32Array, xs: Float64Array[], ys: Float64Array[], layout: Layout): void {
  const { s0, count, stride, lookback, rate, firstTarget0, steps } = layout;
  windowInputsInto(xs, s0, count, stride, lookback, rate, x);
  const nt = ys.length;
  let yo = 0;
  for (let w = 0; w < count; w++) {
    const first = s0 + w * stride + firstTarget0;
    targetRows[w] = first;
    for (let k = 0; k < steps; k++) for (let j = 0; j < nt; j++) y[yo++] = ys[j][first + k];
  }
}

/** values[rows[i]] for each i. */
function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}

/**
 * Training and test windows from one table, split at row `testStart`: training targets all lie before it;
 * test windows' targets lie at or after it, and their inputs may reach back into the training rows
 * (context), never forward.
 */
export function windowSplit(
  table: Table,
  options: Omit<WindowOptions, 'targetStart' | 'targetEnd'> & { testStart: number },
): { train: Windows; test: Windows } {
  const testStart = checkPositiveInt('testStart', options.testStart);
  return {
    train: makeWindows(table, { ...options, targetEnd: testStart }),
    test: makeWindows(table, { ...options, targetStart: testStart }),
  };
}
