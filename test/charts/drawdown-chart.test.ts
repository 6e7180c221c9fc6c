import { expect } from 'chai';
import { drawdownChart } from '../../lib/charts/drawdown-chart';
import { expectSnapshot } from '../snapshot';

const day = (d: number) => Date.UTC(2024, 0, 1 + d);
const dates = [0, 1, 2, 3, 4, 5].map(day);

describe('drawdownChart (charts/drawdown-chart.ts)', () => {
  it('draws the fall of each curve from its running peak, in percent', () => {
    const dd = drawdownChart(dates.slice(0, 4), { strategy: [1, 1.1, 0.99, 1.2], 'buy & hold': [1, 0.9, 0.95, 1] });
    // By hand: strategy peaks 1, 1.1, 1.1, 1.2 → 0, 0, −10 %, 0; buy & hold peak 1 → 0, −10 %, −5 %, 0.
    const y = dd.data.map((t) => Array.from(t.y as number[], (v) => Math.round(v * 1e9) / 1e9 + 0));
    expect(y).to.deep.equal([
      [0, 0, -10, 0],
      [0, -10, -5, 0],
    ]);
    expectSnapshot('drawdown-chart', dd);
  });
});
