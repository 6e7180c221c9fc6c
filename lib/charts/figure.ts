/**
 * `Figure`: a Plotly figure as plain data (traces + layout), built by the chart builders and rendered by the
 * display module. No DOM and no kernel here, so builders are pure and their output can be snapshot-tested.
 */
export type Trace = Record<string, unknown> & { type?: string; name?: string };
export type Layout = Record<string, unknown>;

export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** The data to chart on an x axis: epoch-ms dates become ISO strings Plotly reads as dates. */
export function dateAxis(dates: ArrayLike<number>): string[] {
  return Array.from(dates, (ms) => new Date(ms).toISOString().slice(0, 10));
}

/** Plain number arrays (JSON has no typed arrays); NaN becomes null, which Plotly draws as a gap. */
export function values(v: ArrayLike<number>): (number | null)[] {
  return Array.from(v, (x) => (Number.isFinite(x) ? x : null));
}

const DISPLAY = Symbol.for('Jupyter.display');

/**
 * A figure from traces and a layout. It carries `Symbol.for("Jupyter.display")` (not enumerable, so JSON
 * and snapshots see plain data), which Deno's Jupyter kernel calls to render it as a Plotly chart.
 */
export function figure(data: Trace[], layout: Layout): Figure {
  const fig: Figure = { data, layout };
  Object.defineProperty(fig, DISPLAY, {
    enumerable: false,
    value: () => ({ 'application/vnd.plotly.v1+json': { data: fig.data, layout: fig.layout }, 'text/plain': `<Figure: ${fig.data.length} traces>` }),
  });
  return fig;
}

/** Combines figures' traces into one, keeping the first figure's layout (Observable Plot's marks, composed). */
export function overlay(...figures: Figure[]): Figure {
  return figure(figures.flatMap((f) => f.data), { ...figures[0]?.layout });
}
