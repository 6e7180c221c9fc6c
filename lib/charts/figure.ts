/**
 * `Figure`: a Plotly figure as plain data (traces + layout), built by the chart builders and rendered by the
 * display module. No DOM and no kernel here, so builders are pure and their output can be snapshot-tested.
 */
import { presented } from '../util/presented';
import { checkObjectWith } from '../util/check';
import { InputError } from '../util/errors';

export type Trace = Record<string, unknown> & { type?: string; name?: string };
export type Layout = Record<string, unknown>;

/** Options every chart builder takes. */
export interface ChartOptions {
  /** Title above the chart. Defaults to one naming what is drawn. */
  title?: string;
}

export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** Whether something is a Plotly figure (a `data` array and a `layout` object). */
export function isFigure(x: unknown): x is Figure {
  return !!x && typeof x === 'object' && Array.isArray((x as Figure).data) && typeof (x as Figure).layout === 'object';
}

/**
 * The data to chart on an x axis: epoch-ms dates become the strings Plotly reads as dates (UTC), "2020-01-02" for
 * a midnight and "2020-01-02 09:30:00.250" for a time of day, so intraday points keep their place; a missing
 * date (NaN) becomes null, a gap.
 */
export function dateAxis(dates: ArrayLike<number>): (string | null)[] {
  return Array.from(dates, (ms) => {
    if (!Number.isFinite(ms)) return null;
    const iso = new Date(ms).toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${iso.slice(11, 23)}`;
  });
}

/** Options of the charts drawn over time: what their x values are. */
export interface TimeAxisOptions {
  /** "dates" (epoch ms, the default) or "observations": positions of a series without a calendar (day_index 1, 2, …). */
  xAxis?: 'dates' | 'observations';
}

/** The x values of a chart over time: dates as dateAxis writes them, or positions as plain numbers. */
export function timeAxis(x: ArrayLike<number>, options: TimeAxisOptions): (string | number | null)[] {
  return options.xAxis === 'observations' ? values(x) : dateAxis(x);
}

/** The x-axis layout of a chart over time: a date axis, or a linear one titled "observation". */
export function timeAxisLayout(options: TimeAxisOptions): Layout {
  if (options.xAxis !== undefined && options.xAxis !== 'dates' && options.xAxis !== 'observations')
    throw new InputError(`xAxis must be "dates" or "observations", got ${JSON.stringify(options.xAxis)}`);
  return options.xAxis === 'observations' ? { type: 'linear', title: { text: 'observation' } } : { type: 'date' };
}

/** Plain number arrays (JSON has no typed arrays); NaN becomes null, which Plotly draws as a gap. */
export function values(v: ArrayLike<number>): (number | null)[] {
  return Array.from(v, (x) => (Number.isFinite(x) ? x : null));
}

/**
 * A figure from traces and a layout: plain data. The display module, once loaded, gives each figure the hooks
 * through which Deno's and tslab's kernels draw it (display/kernel-hooks.ts).
 */
export function figure(data: Trace[], layout: Layout): Figure {
  return presented({ data, layout });
}

/** Combines figures' traces into one, keeping the first figure's layout (Observable Plot's marks, composed). */
export function overlay(...figures: Figure[]): Figure {
  figures.forEach((f, i) => checkObjectWith(`overlay: figure ${i}`, f, ['data', 'layout'], 'a figure from a chart builder'));
  return figure(
    figures.flatMap((f) => f.data),
    { ...figures[0]?.layout },
  );
}
