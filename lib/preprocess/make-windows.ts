/**
 * `makeWindows`: sliding windows over a time-ordered table, shaped for LSTM/GRU/Conv1D input, with the
 * semantics of Keras `timeseries_dataset_from_array` (sequence length, stride, sampling rate) plus targets.
 * A window's inputs are rows s, s+r, ..., s+(lookback-1)·r; its targets start `horizon` rows after its last
 * input row, so a target always lies strictly after its inputs.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkFinite, checkPositiveInt } from '../util/check';
import { firstDateColumn } from './split-by-time';

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
  /** Date column for `targetDates`. Defaults to the first date column, if any. */
  dateColumn?: string;
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
  if (!Array.isArray(names) || names.length === 0) throw new InputError(`makeWindows needs at least one ${what} column (columns: ${table.columnNames.join(', ')})`);
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
  const span = (lookback - 1) * rate + horizon + steps - 1; // first input row to last target row
  if (span >= n) {
    throw new InputError(`the series has ${n} rows, too short for lookback ${lookback} × samplingRate ${rate} + horizon ${horizon} + steps ${steps}; use a shorter lookback or more data`);
  }
  const targetStart = options.targetStart ?? 0;
  const targetEnd = options.targetEnd ?? n;
  // First window start whose first target reaches targetStart.
  const firstTarget0 = (lookback - 1) * rate + horizon;
  const s0 = Math.max(0, targetStart - firstTarget0);
  // Window w starts at row s0 + w·stride; the last one's last target row is below min(n, targetEnd).
  const limit = Math.min(n, targetEnd) - span; // a start s fits when s < limit
  const count = limit > s0 ? Math.ceil((limit - s0) / stride) : 0;
  if (count === 0) throw new InputError(`no window fits between target rows ${targetStart} and ${targetEnd} (lookback ${lookback}, horizon ${horizon}, steps ${steps}); widen the range or shorten the lookback`);

  // Every row a window reads must be finite: a NaN would silently poison training.
  const firstRow = s0;
  const lastRow = s0 + (count - 1) * stride + span;
  const fix = 'impute or drop missing rows before windowing (rolling features leave NaN at the start: dropMissing())';
  options.features.forEach((f, j) => checkFinite(xs[j].subarray(firstRow, lastRow + 1), `makeWindows: column "${f}"`, fix, firstRow));
  options.targets.forEach((t, j) => checkFinite(ys[j].subarray(firstRow, lastRow + 1), `makeWindows: column "${t}"`, fix, firstRow));

  const nf = xs.length;
  const nt = ys.length;
  const x = new Float32Array(count * lookback * nf);
  const y = new Float32Array(count * steps * nt);
  const targetRows = new Int32Array(count);
  fillWindows(x, y, targetRows, xs, ys, { s0, count, stride, lookback, rate, firstTarget0, steps });
  const dateColumn = options.dateColumn ?? firstDateColumn(table);
  const targetDates = dateColumn ? gather(table.dates(dateColumn), targetRows) : undefined;
  return { x, xShape: [count, lookback, nf], y, yShape: [count, steps * nt], targetRows, targetDates, features: [...options.features], targets: [...options.targets] };
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

/**
 * Writes every window's input rows into x, its target rows into y and its first target row into targetRows.
 * The hot loop has a function of its own with nothing after the loop: V8 compiles the loop on the stack (OSR)
 * during the first call, and code after it that has never run has no type feedback — inside makeWindows the
 * first two calls deoptimised there (`node --trace-deopt`; see util/unrolled-end.ts).
 */
function fillWindows(x: Float32Array, y: Float32Array, targetRows: Int32Array, xs: Float64Array[], ys: Float64Array[], layout: Layout): void {
  const { s0, count, stride, lookback, rate, firstTarget0, steps } = layout;
  const nf = xs.length;
  const nt = ys.length;
  const rowSize = lookback * nf;
  // Consecutive windows overlap: with samplingRate 1 and a stride below the lookback, a window is the previous
  // one moved up by `stride` rows (one memmove inside x) plus `stride` new rows; otherwise rows are gathered.
  const overlap = rate === 1 && stride < lookback;
  let yo = 0;
  for (let w = 0; w < count; w++) {
    const s = s0 + w * stride;
    const base = w * rowSize;
    let t0 = 0;
    if (overlap && w > 0) {
      x.copyWithin(base, base - rowSize + stride * nf, base);
      t0 = lookback - stride;
    }
    for (let t = t0; t < lookback; t++) {
      const row = s + t * rate;
      const o = base + t * nf;
      for (let f = 0; f < nf; f++) x[o + f] = xs[f][row];
    }
    const first = s + firstTarget0;
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
export function windowSplit(table: Table, options: Omit<WindowOptions, 'targetStart' | 'targetEnd'> & { testStart: number }): { train: Windows; test: Windows } {
  const testStart = checkPositiveInt('testStart', options.testStart);
  return {
    train: makeWindows(table, { ...options, targetEnd: testStart }),
    test: makeWindows(table, { ...options, targetStart: testStart }),
  };
}
