import { expect } from 'chai';
import { fanChart } from '../../lib/charts/fan-chart';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('fanChart (charts/fan-chart.ts)', () => {
  const dates = [0, 1, 2].map((d) => Date.UTC(2024, 0, 1 + d));
  const levels = [0.05, 0.25, 0.5, 0.75, 0.95];
  // Row-major: each date's five quantiles.
  const quantiles = [0, 1, 2, 3, 4, 1, 2, 3, 4, 5, 2, 3, 4, 5, 6];

  it('draws nested bands from the outside in (outer lighter), the median and the actual series', () => {
    const fig = fanChart({ dates, levels, quantiles, actual: [2.5, 3.1, 3.9] });
    const bands = fig.data.filter((t) => t.fill === 'tonexty');
    expect(bands.map((t) => t.name)).to.deep.equal(['90% band (0.05–0.95)', '50% band (0.25–0.75)']);
    expect(bands[0].y).to.deep.equal([0, 1, 2]); // the 0.05 column
    expect(fig.data.find((t) => t.name === 'q0.95')!.y).to.deep.equal([4, 5, 6]);
    const opacity = (t: (typeof bands)[number]) => Number(/, ([\d.]+)\)$/.exec(String(t.fillcolor))![1]);
    expect(opacity(bands[0])).to.be.below(opacity(bands[1]));
    expect(fig.data.find((t) => t.name === 'median')!.y).to.deep.equal([2, 3, 4]);
    expect(fig.data.find((t) => t.name === 'actual')!.y).to.deep.equal([2.5, 3.1, 3.9]);
  });

  it('refuses levels that do not increase and quantiles of the wrong size', () => {
    expectError(() => fanChart({ dates, levels: [0.9, 0.1], quantiles: [1, 2, 3, 4, 5, 6] }), InputError, 'increasing quantile levels');
    expectError(() => fanChart({ dates, levels, quantiles: [1, 2, 3] }), InputError, '3 dates × 5 levels need 15');
  });
});
