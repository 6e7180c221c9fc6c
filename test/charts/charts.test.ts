// Chart builders: pure functions from small fixed data to Plotly figure JSON, compared with snapshots.
import { expect } from 'chai';
import {
  calibrationChart,
  candlestickChart,
  confusionMatrixChart,
  correlationHeatmap,
  correlationMatrix,
  distributionByClass,
  drawdownChart,
  foldsChart,
  forecastChart,
  historyChart,
  histogramChart,
  lineChart,
  overlay,
  prChart,
  residualsChart,
  rocChart,
} from '../../lib/index';
import { table } from '../../lib/data/table';
import { expectSnapshot } from '../snapshot';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
const dates = [0, 1, 2, 3, 4, 5].map(day);
const actual = [0, 0, 1, 1, 0, 1, 1, 0];
const score = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.55];

describe('chart builders (snapshots of the figure JSON)', () => {
  it('forecastChart: actual, predictions, interval band and the shaded test period', () => {
    const fig = forecastChart({
      title: '10-year yield',
      dates,
      actual: [1, 2, 3, 2.5, NaN, 3.5],
      testStart: day(3),
      yTitle: '%',
      predictions: [
        { name: 'LSTM', dates: dates.slice(3), values: [2.4, 2.9, 3.1] },
        { name: 'persistence', dates: dates.slice(3), values: [3, 2.5, 2.5] },
      ],
      interval: { dates: dates.slice(3), lower: [2, 2.5, 2.7], upper: [2.8, 3.3, 3.5], name: '90% interval' },
    });
    expect(fig.data.map((t) => t.name)).to.deep.equal(['upper', '90% interval', 'actual', 'LSTM', 'persistence']);
    expect(fig.data[2].y).to.deep.equal([1, 2, 3, 2.5, null, 3.5]); // NaN is a gap
    expect((fig.layout.shapes as { x0: string }[])[0].x0).to.equal('2024-01-04');
    expectSnapshot('forecast-chart', fig);
  });

  it('lineChart and overlay compose traces, keeping the first layout', () => {
    const a = lineChart({ title: 'Yields', dates: dates.slice(0, 3), series: { '1y': [1, 2, 3], '10y': [3, 3, 4] }, yTitle: '%' });
    const b = lineChart({ dates: dates.slice(0, 3), series: { spread: [2, 1, 1] } });
    const fig = overlay(a, b);
    expect(fig.data.map((t) => t.name)).to.deep.equal(['1y', '10y', 'spread']);
    expect((fig.layout.title as { text: string }).text).to.equal('Yields');
    expectSnapshot('line-chart-overlay', fig);
  });

  it('intraday dates keep their time of day on the axis; a missing date is a gap, not a crash', () => {
    // Each point was placed at its day's midnight ("2024-01-01" for all three), and NaN threw a RangeError.
    const at = (h: number, m: number, ms = 0) => Date.UTC(2024, 0, 1, h, m, 0, ms);
    const fig = lineChart({ dates: [at(9, 30), at(9, 31, 250), at(16, 0), NaN, day(1)], series: { price: [1, 2, 3, 4, 5] } });
    expect(fig.data[0].x).to.deep.equal(['2024-01-01 09:30:00.000', '2024-01-01 09:31:00.250', '2024-01-01 16:00:00.000', null, '2024-01-02']);
  });

  it('candlestickChart: candles, volume on a second axis, indicator lines and a band', () => {
    const bars = table({
      date: dates.slice(0, 3).map((d) => new Date(d)),
      open: [1, 2, 3],
      high: [2, 3, 4],
      low: [0.5, 1.5, 2.5],
      close: [1.5, 2.5, 3.5],
      volume: [100, 200, 150],
    });
    const fig = candlestickChart(bars, {
      title: 'DAX weekly',
      overlays: { 'MA 2': [NaN, 2, 3] },
      band: { name: 'Bollinger', lower: [1, 1, 2], upper: [3, 3, 4] },
    });
    expect(fig.data.map((t) => t.type)).to.deep.equal(['scatter', 'scatter', 'candlestick', 'scatter', 'bar']);
    expect(fig.data[4].yaxis).to.equal('y2');
    expectSnapshot('candlestick-chart', fig);
  });

  it('histogram, distribution by class, drawdown', () => {
    expectSnapshot('histogram-chart', histogramChart([0.01, -0.02, 0.005, 0.03, NaN], { title: 'Daily returns', bins: 10 }));
    const t = table({ radius: [10, 12, 20, 22], diagnosis: ['B', 'B', 'M', 'M'] });
    const dist = distributionByClass(t, 'radius', 'diagnosis');
    expect(dist.data.map((d) => d.name)).to.deep.equal(['B', 'M']);
    expectSnapshot('distribution-by-class', dist);
    const dd = drawdownChart(dates.slice(0, 4), { strategy: [1, 1.1, 0.99, 1.2], 'buy & hold': [1, 0.9, 0.95, 1] });
    // Drawdown in percent from the running peak: 1.1 → 0.99 is −10 %.
    expect((dd.data[0].y as number[])[2]).to.be.closeTo(-10, 1e-9);
    expectSnapshot('drawdown-chart', dd);
  });

  it('correlation heatmap matches hand-computed Pearson correlations', () => {
    const t = table({ a: [1, 2, 3, 4], b: [2, 4, 6, 8], c: [4, 3, 2, 1] });
    const m = correlationMatrix(t, ['a', 'b', 'c']);
    expect(m[0][1]).to.be.closeTo(1, 1e-12);
    expect(m[0][2]).to.be.closeTo(-1, 1e-12);
    expectSnapshot('correlation-heatmap', correlationHeatmap(t, ['a', 'b', 'c']));
  });

  it('confusion matrix heatmap: counts and row-normalised', () => {
    const counts = confusionMatrixChart(
      [
        [50, 3],
        [4, 30],
      ],
      { labels: ['benign', 'malignant'] },
    );
    expectSnapshot('confusion-matrix', counts);
    const norm = confusionMatrixChart(
      [
        [50, 3],
        [4, 30],
      ],
      { labels: ['benign', 'malignant'], normalize: true },
    );
    expect((norm.data[0].z as number[][])[1][0]).to.be.closeTo(4 / 34, 1e-12);
    expectSnapshot('confusion-matrix-normalised', norm);
  });

  it('ROC and PR curves carry AUC / AP in the legend; calibration, history, residuals, folds', () => {
    const roc = rocChart([{ name: 'model', actual, score }]);
    // 4 positives × 4 negatives: 0.35 beats 2 negatives, 0.8/0.9/0.6 beat all 4 → 14 of 16 pairs → AUC 0.875.
    expect(roc.data[0].name).to.equal('model (AUC 0.875)');
    expectSnapshot('roc-chart', roc);
    expectSnapshot('pr-chart', prChart([{ name: 'model', actual, score }]));
    expectSnapshot('calibration-chart', calibrationChart([{ name: 'model', actual, score }], { bins: 4 }));
    expectSnapshot('history-chart', historyChart({ epochs: [1, 2, 3], loss: [1, 0.5, 0.4], valLoss: [1.1, 0.6, 0.7], bestEpoch: 2 }));
    expectSnapshot('residuals-chart', residualsChart([1, 2, 3], [1.5, 2, 2]));
    const cv = {
      folds: [
        { fold: 1, trainSize: 10, testSize: 5, rmse: 0.3 },
        { fold: 2, trainSize: 15, testSize: 5, rmse: 0.25 },
      ],
      mean: { rmse: 0.275 },
      std: { rmse: 0.025 },
      tabulate: () => ({ header: [], rows: [] }),
    };
    expectSnapshot('folds-chart', foldsChart(cv, ['rmse']));
  });

  it('figures are plain data: JSON sees data and layout only', () => {
    const fig = histogramChart([1, 2, 3]);
    expect(Object.keys(JSON.parse(JSON.stringify(fig)))).to.deep.equal(['data', 'layout']);
  });
});
