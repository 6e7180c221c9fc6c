/**
 * `attributionHeatmap`: integrated-gradients attributions as a heatmap. For windows, the mean |attribution| over the
 * explained samples per lag (rows, oldest on top) and feature (columns): which lags the model looked at. For rows,
 * each sample's signed attributions per feature (red raised the prediction, blue lowered it).
 */
import type { IntegratedGradientsResult } from '../metrics/integrated-gradients';
import { COLORS, themed } from './theme';
import { figure } from './figure';
import type { ChartOptions, Figure } from './figure';
import { checkObjectWith } from '../util/check';

export interface AttributionHeatmapOptions extends ChartOptions {
  /** Row labels for rows data (one per sample, e.g. patient IDs). Defaults to "sample 0", "sample 1", … */
  samples?: readonly string[];
}

export function attributionHeatmap(result: IntegratedGradientsResult, options: AttributionHeatmapOptions = {}): Figure {
  checkObjectWith('attributionHeatmap', result, ['features', 'meanAbsByLag'], 'an integratedGradients result');
  const { features, lookback } = result;
  const nf = features.length;
  const n = result.shape[0];
  if (lookback > 1) {
    const z = result.meanAbsByLag();
    return figure(
      [
        {
          type: 'heatmap',
          x: [...features],
          y: Array.from({ length: lookback }, (_, t) => `lag ${lookback - t}`),
          z,
          colorscale: [
            [0, '#ffffff'],
            [1, COLORS.model],
          ],
          zmin: 0,
          hovertemplate: '%{y}, %{x}: mean |attribution| %{z:.4g}<extra></extra>',
        },
      ],
      themed({
        title: options.title ?? `Which lags and features moved the forecasts (mean |integrated gradients| over ${n} windows)`,
        xaxis: { title: { text: 'feature' } },
        yaxis: { title: { text: 'lag (1 = latest step)' }, autorange: 'reversed' },
        hovermode: 'closest',
        height: Math.max(280, 120 + 26 * lookback),
      }),
    );
  }
  const z = Array.from({ length: n }, (_, i) => Array.from({ length: nf }, (_, f) => result.attributions[i * nf + f]));
  let max = 0;
  for (const v of result.attributions) max = Math.max(max, Math.abs(v));
  return figure(
    [
      {
        type: 'heatmap',
        x: [...features],
        y: options.samples ? [...options.samples] : Array.from({ length: n }, (_, i) => `sample ${i}`),
        z,
        colorscale: [
          [0, COLORS.model],
          [0.5, '#ffffff'],
          [1, COLORS.negative],
        ],
        zmin: -max,
        zmax: max,
        hovertemplate: '%{y}, %{x}: %{z:.4g}<extra></extra>',
      },
    ],
    themed({
      title: options.title ?? 'Integrated gradients per sample and feature (red raised the prediction)',
      yaxis: { automargin: true, autorange: 'reversed' },
      xaxis: { automargin: true },
      hovermode: 'closest',
      height: Math.max(300, 260 + 26 * n), // the feature names under the plot take about 170 px
    }),
  );
}
