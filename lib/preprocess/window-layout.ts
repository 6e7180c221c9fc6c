/**
 * Where windows fall in a series and how they are written: the row arithmetic shared by one series
 * (make-windows.ts) and panels (panel-windows.ts), the size check before allocating, and the fill.
 */
import * as os from 'os';
import { InputError } from '../util/errors';
import { windowInputsInto } from '../kernels/window-inputs';

/** The most bytes of window inputs makeWindows allocates: half the machine's memory, and at most 2^32 (V8's largest typed array). */
const MAX_WINDOW_BYTES = Math.min(2 ** 32, os.totalmem() / 2);

/**
 * Refuses, before allocating, windows whose arrays would pass MAX_WINDOW_BYTES altogether — the inputs, the
 * targets (steps × targets per window), and the target rows and dates — or whose inputs or targets alone pass
 * V8's largest typed array: the bytes, and how to get fewer.
 */
export function checkWindowBytes(count: number, lookback: number, features: number, steps = 1, targets = 1): void {
  const inputs = count * lookback * features * 4;
  const outputs = count * steps * targets * 4;
  const bytes = inputs + outputs + count * (4 + 8);
  if (bytes > MAX_WINDOW_BYTES || inputs > 2 ** 32 - 4 || outputs > 2 ** 32 - 4) {
    const gib = (b: number) => `${(b / 2 ** 30).toFixed(1)} GiB`;
    throw new InputError(
      `makeWindows would allocate ${gib(bytes)}: inputs ${gib(inputs)} (${count} windows × ${lookback} rows × ${features} features × 4 bytes) and targets ${gib(outputs)} (${count} windows × ${steps} steps × ${targets} targets × 4 bytes), over the ${gib(MAX_WINDOW_BYTES)} it allows on this machine; use a stride above 1, a shorter lookback, fewer steps or features, or window part of the rows at a time (targetStart / targetEnd)`,
    );
  }
}

export const NOT_FINITE_FIX = 'impute or drop missing rows before windowing (rolling features leave NaN at the start: dropMissing())';

export interface WindowShape {
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
export function windowLayout(
  n: number,
  w: WindowShape,
  targetStart: number,
  targetEnd: number,
): { s0: number; count: number; span: number; firstTarget0: number } {
  const span = (w.lookback - 1) * w.rate + w.horizon + w.steps - 1;
  const firstTarget0 = (w.lookback - 1) * w.rate + w.horizon;
  const s0 = Math.max(0, targetStart - firstTarget0);
  // Window k starts at row s0 + k·stride; the last one's last target row is below min(n, targetEnd).
  const limit = Math.min(n, targetEnd) - span; // a start s fits when s < limit
  const count = span < n && limit > s0 ? Math.ceil((limit - s0) / w.stride) : 0;
  return { s0, count, span, firstTarget0 };
}

/** Where one series' windows start, how many there are and their shape: what fillWindows writes. */
export interface WindowFill {
  s0: number;
  count: number;
  stride: number;
  lookback: number;
  rate: number;
  firstTarget0: number;
  steps: number;
}

/** Writes every window's input rows into x (the kernels' windowInputsInto), its target rows into y and its first target row into targetRows. */
export function fillWindows(x: Float32Array, y: Float32Array, targetRows: Int32Array, xs: Float64Array[], ys: Float64Array[], layout: WindowFill): void {
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
export function gather(values: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = values[rows[i]];
  return out;
}
