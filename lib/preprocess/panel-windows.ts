/** `makeWindows` over a panel (`series`): each series windowed alone, the windows merged in order of their first target row. */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { largeFloat32 } from '../kernels/huge-pages';
import { panelRows } from '../data/time-order';
import type { WindowOptions, Windows } from './make-windows';
import { checkWindowBytes, gather, NOT_FINITE_FIX, WindowShape, windowLayout } from './window-layout';

/** What makeWindows has checked and read from the options and the table, for a panel. */
export interface WindowPlan {
  /** The column naming each row's series. */
  series: string;
  dateColumn: string | undefined;
  /** Feature and target columns, as numbers. */
  xs: Float64Array[];
  ys: Float64Array[];
  shape: WindowShape;
  /** Targets' rows: [targetStart, targetEnd) of the table. */
  targetStart: number;
  targetEnd: number;
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
export function panelWindows(table: Table, options: WindowOptions, plan: WindowPlan): Windows {
  const { series, dateColumn, xs, ys, shape, targetStart, targetEnd } = plan;
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
  checkWindowBytes(total, lookback, nf, steps, nt);
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
