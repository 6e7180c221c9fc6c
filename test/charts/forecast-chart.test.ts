import { expect } from 'chai';
import { forecastChart, lineChart } from '../../lib/charts/forecast-chart';
import { overlay } from '../../lib/charts/figure';
import { expectSnapshot } from '../snapshot';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
const dates = [0, 1, 2, 3, 4, 5].map(day);

describe('forecastChart and lineChart (charts/forecast-chart.ts)', () => {
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
});
