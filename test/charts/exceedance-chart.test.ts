import { expect } from 'chai';
import { exceedanceChart } from '../../lib/charts/exceedance-chart';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('exceedanceChart (charts/exceedance-chart.ts)', () => {
  it('marks the days the loss passed the VaR (none before the first forecast), and draws −VaR', () => {
    const returns = [0.01, -0.03, -0.01, -0.05, 0.02];
    const valueAtRisk = [NaN, 0.02, 0.02, 0.04, 0.04];
    const fig = exceedanceChart({ dates: [1, 2, 3, 4, 5], returns, valueAtRisk, xAxis: 'observations', name: 'GARCH 99%' });
    // By hand: day 2 (−3% < −2%) and day 4 (−5% < −4%).
    const marks = fig.data.find((t) => t.mode === 'markers')!;
    expect(marks.name).to.equal('exceedances (2)');
    expect(marks.x).to.deep.equal([2, 4]);
    expect(marks.y).to.deep.equal([-0.03, -0.05]);
    expect(fig.data[1].y).to.deep.equal([null, -0.02, -0.02, -0.04, -0.04]);
  });

  it('refuses arrays of different lengths', () => {
    expectError(() => exceedanceChart({ dates: [1, 2], returns: [0.1], valueAtRisk: [0.1, 0.2] }), InputError, '2 dates, 1 returns and 2 VaR values');
  });
});
