/**
 * `Figure`: a Plotly figure as plain data (traces + layout), built by the chart builders and rendered by the
 * display module. No DOM and no kernel here, so builders are pure and their output can be snapshot-tested.
 */
import { inspect } from 'util';
import { inspectForKernel } from '../util/last-expression';

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

/** Plain number arrays (JSON has no typed arrays); NaN becomes null, which Plotly draws as a gap. */
export function values(v: ArrayLike<number>): (number | null)[] {
  return Array.from(v, (x) => (Number.isFinite(x) ? x : null));
}

const DISPLAY = Symbol.for('Jupyter.display');

/**
 * A figure from traces and a layout. It carries `Symbol.for("Jupyter.display")`, which Deno's Jupyter kernel
 * calls to render it as a Plotly chart, and `util.inspect.custom`, through which a tslab cell ending with it draws
 * it (both not enumerable, so JSON and snapshots see plain data).
 */
export function figure(data: Trace[], layout: Layout): Figure {
  const fig: Figure = { data, layout };
  const text = () => `<Figure: ${fig.data.length} trace${fig.data.length === 1 ? '' : 's'}>`;
  Object.defineProperty(fig, DISPLAY, {
    enumerable: false,
    value: () => ({ 'application/vnd.plotly.v1+json': { data: fig.data, layout: fig.layout }, 'text/plain': text() }),
  });
  Object.defineProperty(fig, inspect.custom, { enumerable: false, value: () => inspectForKernel(fig, text) });
  return fig;
}

/** Combines figures' traces into one, keeping the first figure's layout (Observable Plot's marks, composed). */
export function overlay(...figures: Figure[]): Figure {
  return figure(
    figures.flatMap((f) => f.data),
    { ...figures[0]?.layout },
  );
}
