/**
 * `partialDependenceChart`: the partial-dependence line, over thin per-row curves (ICE) when they were computed —
 * curves that cross the average say the feature's effect depends on the other features.
 */
import type { PartialDependenceResult } from '../metrics/partial-dependence';
import { COLORS, themed } from './theme';
import { figure, values } from './figure';
import type { ChartOptions, Figure, Trace } from './figure';
import { checkObjectWith } from '../util/check';

export interface PartialDependenceChartOptions extends ChartOptions {
  /** Per-row curves drawn behind the average (evenly spaced rows). Defaults to 50; 0 draws none. */
  ice?: number;
  /** Axis label of the feature, e.g. "age (standardised)". Defaults to the feature's name. */
  xTitle?: string;
  /** Axis label of the prediction, e.g. "probability of readmission". */
  yTitle?: string;
}

export function partialDependenceChart(result: PartialDependenceResult, options: PartialDependenceChartOptions = {}): Figure {
  checkObjectWith('partialDependenceChart', result, ['grid', 'average'], 'a partialDependence result');
  const grid = values(result.grid);
  const traces: Trace[] = [];
  const rows = result.individual ?? [];
  const shown = Math.min(rows.length, options.ice ?? 50);
  for (let s = 0; s < shown; s++) {
    const row = rows[Math.floor((s * rows.length) / shown)];
    traces.push({
      type: 'scatter',
      mode: 'lines',
      x: grid,
      y: values(row),
      line: { color: COLORS.baseline, width: 0.7 },
      opacity: 0.5,
      hoverinfo: 'skip',
      showlegend: s === 0,
      name: 'one row (ICE)',
    });
  }
  traces.push({
    type: 'scatter',
    mode: 'lines+markers',
    x: grid,
    y: values(result.average),
    name: 'average (partial dependence)',
    line: { color: COLORS.model, width: 3 },
  });
  return figure(
    traces,
    themed({
      title: options.title ?? `Partial dependence on ${result.feature}`,
      xaxis: { title: { text: options.xTitle ?? result.feature } },
      yaxis: { title: { text: options.yTitle ?? 'prediction' } },
      hovermode: 'x unified',
    }),
  );
}
