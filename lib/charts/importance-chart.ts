/**
 * `importanceChart`: permutation importances as horizontal bars, most important on top, with ± one standard
 * deviation over the repeats as error bars — the spread says whether a small importance is distinguishable from 0.
 */
import { COLORS, themed } from './theme';
import { figure } from './figure';
import type { ChartOptions, Figure } from './figure';

/** Importances, most important first: a `permutationImportance` result or an `integratedGradients(...).summary()`. */
export interface ImportanceLike {
  metric: string;
  importances: readonly { feature: string; mean: number; std: number }[];
}

export interface ImportanceChartOptions extends ChartOptions {
  /** Most features drawn, most important on top. Defaults to 20. */
  top?: number;
}

export function importanceChart(result: ImportanceLike, options: ImportanceChartOptions = {}): Figure {
  const shown = result.importances.slice(0, options.top ?? 20).reverse(); // Plotly draws the first bar at the bottom
  return figure(
    [
      {
        type: 'bar',
        orientation: 'h',
        name: 'importance',
        x: shown.map((f) => f.mean),
        y: shown.map((f) => f.feature),
        error_x: { type: 'data', array: shown.map((f) => f.std), visible: true },
        marker: { color: COLORS.palette[0] },
      },
    ],
    themed({
      title:
        options.title ??
        (result.metric.startsWith('mean |') ? `Attribution per feature (${result.metric})` : `Permutation importance (drop in ${result.metric})`),
      xaxis: { title: { text: result.metric.startsWith('mean |') ? result.metric : `drop in ${result.metric} when shuffled` }, zeroline: true },
      yaxis: { automargin: true },
      height: Math.max(260, 60 + 24 * shown.length),
      hovermode: 'closest',
      showlegend: false,
    }),
  );
}
