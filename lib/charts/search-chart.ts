/**
 * `searchChart`: each trial of `searchModels` as its cross-validated mean ± one standard deviation over the folds,
 * best on top — trials whose bars overlap the best one's are not distinguishable from it on these folds.
 */
import { describeParams } from '../metrics/search-models';
import type { SearchResult } from '../metrics/search-models';
import { COLORS, themed } from './theme';
import { figure } from './figure';
import type { ChartOptions, Figure } from './figure';
import { checkObjectWith } from '../util/check';

export interface SearchChartOptions extends ChartOptions {
  /** Most trials drawn, best first. Defaults to 30. */
  top?: number;
}

export function searchChart(result: SearchResult<unknown>, options: SearchChartOptions = {}): Figure {
  checkObjectWith('searchChart', result, ['ranked'], 'a searchModels result');
  const shown = result.ranked.slice(0, options.top ?? 30).reverse(); // Plotly draws the first bar at the bottom
  return figure(
    [
      {
        type: 'scatter',
        mode: 'markers',
        name: result.metric,
        x: shown.map((t) => t.mean),
        y: shown.map((t) => `#${t.trial} ${describeParams(t.params)}`),
        error_x: { type: 'data', array: shown.map((t) => t.std), visible: true },
        marker: { color: shown.map((t) => (t === result.best ? COLORS.positive : COLORS.model)), size: 10 },
        hovertemplate: '%{y}: %{x:.4g}<extra></extra>',
      },
    ],
    themed({
      title: options.title ?? `Model search: ${result.metric} per trial (${result.higherIsBetter ? 'higher' : 'lower'} is better; green is the best)`,
      xaxis: { title: { text: `${result.metric}, mean ± std over folds` } },
      yaxis: { automargin: true },
      hovermode: 'closest',
      showlegend: false,
      height: Math.max(260, 80 + 28 * shown.length),
    }),
  );
}
