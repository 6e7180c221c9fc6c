import { expect } from 'chai';
import { decisionCurveChart } from '../../lib/charts/decision-curve-chart';
import { netBenefit } from '../../lib/clinical/net-benefit';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('decisionCurveChart (charts/decision-curve-chart.ts)', () => {
  const actual = [1, 0, 1, 0, 0, 1, 0, 0, 0, 1];
  const proba = [0.9, 0.2, 0.7, 0.4, 0.1, 0.6, 0.3, 0.2, 0.5, 0.8];
  const thresholds = [0.1, 0.3, 0.5];

  it('draws the model, treat-all (clipped at the floor) and treat-none at the same thresholds, with a band when given', () => {
    const rows = netBenefit(actual, proba, { thresholds });
    const fig = decisionCurveChart({ model: { rows, lower: [0.1, 0.1, 0.1], upper: [0.4, 0.4, 0.4] } });
    expect(fig.data.map((t) => t.name)).to.deep.equal(['model upper', 'model interval', 'model', 'treat all', 'treat none']);
    // By hand at 0.5: 4 true positives (0.9, 0.7, 0.6, 0.8) and 1 false (0.5) of 10: 0.4 − 0.1 × 1 = 0.3.
    expect((fig.data[2].y as number[])[2]).to.be.closeTo(0.3, 1e-12);
    // Treat all at 0.5: 0.4 − 0.6 = −0.2, below the floor, so drawn at the floor.
    const floor = (fig.layout.yaxis as { range: number[] }).range[0];
    expect((fig.data[3].y as number[])[2]).to.equal(Math.max(floor, -0.2));
    expect(fig.data[4].y).to.deep.equal([0, 0, 0]);
    const std = decisionCurveChart({ model: { rows } }, { standardized: true });
    expect((std.data[0].y as number[])[2]).to.be.closeTo(0.3 / 0.4, 1e-12);
  });

  it('refuses curves at different thresholds and empty input', () => {
    const a = netBenefit(actual, proba, { thresholds });
    const b = netBenefit(actual, proba, { thresholds: [0.1, 0.2, 0.5] });
    expectError(() => decisionCurveChart({ a: { rows: a }, b: { rows: b } }), InputError, '"b" has other thresholds');
    expectError(() => decisionCurveChart({}), InputError, 'takes { name: { rows: netBenefit(...) } }');
  });
});
