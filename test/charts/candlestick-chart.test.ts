import { expect } from 'chai';
import { candlestickChart } from '../../lib/charts/candlestick-chart';
import { table } from '../../lib/data/table';
import { expectSnapshot } from '../snapshot';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
const dates = [0, 1, 2, 3, 4, 5].map(day);

describe('candlestickChart (charts/candlestick-chart.ts)', () => {
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
    const candles = fig.data[2] as { open: number[]; high: number[]; low: number[]; close: number[]; x: string[] };
    expect([candles.open, candles.high, candles.low, candles.close]).to.deep.equal([
      [1, 2, 3],
      [2, 3, 4],
      [0.5, 1.5, 2.5],
      [1.5, 2.5, 3.5],
    ]);
    expect(candles.x).to.deep.equal(['2024-01-01', '2024-01-02', '2024-01-03']);
    expect(fig.data[4].y).to.deep.equal([100, 200, 150]);
    expectSnapshot('candlestick-chart', fig);
  });
});
