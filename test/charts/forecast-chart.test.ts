import { expect } from 'chai';
import { forecastChart } from '../../lib/charts/forecast-chart';
import { expectSnapshot } from '../snapshot';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
const dates = [0, 1, 2, 3, 4, 5].map(day);

describe('forecastChart (charts/forecast-chart.ts)', () => {
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
});
