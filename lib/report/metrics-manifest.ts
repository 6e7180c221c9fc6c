/**
 * The reproducibility manifest: every report run writes each notebook's key metrics to JSON; `checkDrift`
 * compares a run with the committed expectations, where each metric states its own tolerance.
 */
import { htmlTable } from '../display/html-table';

/** notebook → metric → value. */
export type MetricsManifest = Record<string, Record<string, number>>;

/** notebook → metric → expected value and the absolute tolerance allowed. */
export type ExpectedMetrics = Record<string, Record<string, { value: number; tolerance: number; why?: string }>>;

export interface Drift {
  notebook: string;
  metric: string;
  expected?: number;
  actual?: number;
  tolerance?: number;
  problem: 'missing' | 'drift' | 'unexpected';
}

/** Drifts of `actual` against `expected`, for the notebooks present in `actual`. Empty means no drift. */
export function checkDrift(actual: MetricsManifest, expected: ExpectedMetrics): Drift[] {
  const out: Drift[] = [];
  for (const [notebook, metrics] of Object.entries(actual)) {
    const exp = expected[notebook] ?? {};
    for (const [metric, e] of Object.entries(exp)) {
      const a = metrics[metric];
      if (a === undefined) out.push({ notebook, metric, expected: e.value, tolerance: e.tolerance, problem: 'missing' });
      else if (!(Math.abs(a - e.value) <= e.tolerance)) out.push({ notebook, metric, expected: e.value, actual: a, tolerance: e.tolerance, problem: 'drift' });
    }
    for (const metric of Object.keys(metrics)) if (!(metric in exp)) out.push({ notebook, metric, actual: metrics[metric], problem: 'unexpected' });
  }
  return out;
}

/** One line per drift, for the terminal. */
export function describeDrift(d: Drift): string {
  if (d.problem === 'missing') return `${d.notebook}: metric "${d.metric}" was not reported (expected ${d.expected})`;
  if (d.problem === 'unexpected')
    return `${d.notebook}: metric "${d.metric}" = ${d.actual} has no expectation; add it to notebooks/expected-metrics.json with a tolerance`;
  return `${d.notebook}: ${d.metric} = ${d.actual}, expected ${d.expected} ± ${d.tolerance} (off by ${Math.abs(d.actual! - d.expected!).toPrecision(3)})`;
}

/** Expectations from a run, keeping the tolerances already stated (new metrics get `defaultTolerance`). */
export function expectationsFrom(actual: MetricsManifest, previous: ExpectedMetrics, defaultTolerance = 0.02): ExpectedMetrics {
  const out: ExpectedMetrics = { ...previous };
  for (const [notebook, metrics] of Object.entries(actual)) {
    out[notebook] = Object.fromEntries(
      Object.entries(metrics).map(([m, v]) => [m, { ...previous[notebook]?.[m], value: v, tolerance: previous[notebook]?.[m]?.tolerance ?? defaultTolerance }]),
    );
  }
  return out;
}

/** The manifest as an HTML table (for the report index). */
export function manifestTable(manifest: MetricsManifest): string {
  const rows = Object.entries(manifest).flatMap(([nb, m]) => Object.entries(m).map(([k, v]) => [nb, k, v]));
  return htmlTable(['notebook', 'metric', 'value'], rows);
}
