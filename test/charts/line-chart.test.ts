import { expect } from 'chai';
import { lineChart } from '../../lib/charts/line-chart';
import { overlay } from '../../lib/charts/figure';
import { expectSnapshot } from '../snapshot';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
const dates = [0, 1, 2, 3, 4, 5].map(day);

describe('lineChart (charts/line-chart.ts)', () => {
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

  it('a series without a calendar is drawn over its positions on a linear "observation" axis (they were read as 1970 dates)', () => {
    const fig = lineChart({ dates: [1, 2, 3], series: { DAX: [10, 11, 12] }, xAxis: 'observations' });
    expect(fig.data[0].x).to.deep.equal([1, 2, 3]);
    expect(fig.layout.xaxis).to.deep.include({ type: 'linear' });
    expect(lineChart({ dates: [1, 2, 3], series: { DAX: [10, 11, 12] } }).data[0].x).to.deep.equal([
      '1970-01-01 00:00:00.001',
      '1970-01-01 00:00:00.002',
      '1970-01-01 00:00:00.003',
    ]);
    expect(() => lineChart({ dates: [1], series: { a: [1] }, xAxis: 'rows' as never })).to.throw('xAxis must be "dates" or "observations", got "rows"');
  });
});
