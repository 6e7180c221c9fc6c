/**
 * `importanceChart`: permutation importances as horizontal bars, most important on top, with ± one standard
 * deviation over the repeats as error bars — the spread says whether a small importance is distinguishable from 0.
 */
import { COLORS, themed } from './theme';
import { InputError } from '../util/errors';
import { formatValue } from '../util/format';
import { figure } from './figure';
import type { ChartOptions, Figure } from './figure';

/** Importances, most important first: a `permutationImportance` result or an `integratedGradients(...).summary()`. */
export interface ImportanceLike {
  /** What the bars measure (a score name, or "mean |attribution|"). Defaults to "importance". */
  metric?: string;
  importances: readonly { feature: string; mean: number; std: number }[];
}

export interface ImportanceChartOptions extends ChartOptions {
  /** Most features drawn, most important on top. Defaults to 20. */
  top?: number;
}

export function importanceChart(result: ImportanceLike, options: ImportanceChartOptions = {}): Figure {
  if (!result || !Array.isArray(result.importances))
    throw new InputError(
      `importanceChart takes a permutationImportance result or integratedGradients(...).summary(), with importances [{ feature, mean, std }]; got ${formatValue(result)}`,
    );
  // A hand-built result may leave out the metric: the bars are then "importance".
  const metric = typeof result.metric === 'string' ? result.metric : 'importance';
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
      title: options.title ?? (metric.startsWith('mean |') ? `Attribution per feature (${metric})` : `Permutation importance (drop in ${metric})`),
      xaxis: { title: { text: metric.startsWith('mean |') ? metric : `drop in ${metric} when shuffled` }, zeroline: true },
      yaxis: { automargin: true },
      height: Math.max(260, 60 + 24 * shown.length),
      hovermode: 'closest',
      showlegend: false,
    }),
  );
}
