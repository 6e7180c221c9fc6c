import { expect } from 'chai';
import { survivalChart } from '../../lib/charts/survival-chart';
import { kaplanMeier } from '../../lib/clinical/kaplan-meier';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('survivalChart (charts/survival-chart.ts)', () => {
  const a = kaplanMeier([2, 3, 3, 5, 8, 12], [1, 1, 0, 1, 0, 1]);
  const b = kaplanMeier([1, 4, 6, 9], [1, 0, 1, 1]);

  it('draws each group as a step curve with its band, and counts those at risk (time ≥ τ) under the axis', () => {
    const fig = survivalChart({ A: a, B: b }, { atRiskTimes: [0, 3, 6, 9], timeLabel: 'months' });
    const curve = fig.data.find((t) => t.name === 'A')!;
    expect(curve.line).to.deep.include({ shape: 'hv' });
    expect(curve.y).to.deep.equal(Array.from(a.survival));
    expect(fig.data.filter((t) => t.fill === 'tonexty')).to.have.length(2);
    // By hand: A has 6 at time 0, 5 with time ≥ 3 … ; B has 4, 3 (≥ 3: 4, 6, 9), 2, 1.
    expect(fig.data.find((t) => t.name === 'A at risk')!.text).to.deep.equal(['6', '5', '2', '1']);
    expect(fig.data.find((t) => t.name === 'B at risk')!.text).to.deep.equal(['4', '3', '2', '1']);
    expect((fig.layout.xaxis as { title: { text: string } }).title.text).to.equal('months');
  });

  it('chooses round at-risk times by default, and draws model curves without a table', () => {
    const fig = survivalChart({ A: a });
    expect(fig.data.find((t) => t.name === 'A at risk')!.x).to.deep.equal([0, 2, 4, 6, 8, 10, 12]);
    const model = survivalChart({ patient: { times: Float64Array.from([0, 5, 10]), survival: Float64Array.from([1, 0.8, 0.5]) } });
    expect(model.data).to.have.length(1);
    expectError(
      () => survivalChart({ patient: { times: Float64Array.from([0, 5]), survival: Float64Array.from([1, 0.8]) } }, { atRiskTimes: [0, 5] }),
      InputError,
      'needs Kaplan–Meier curves',
    );
    expectError(() => survivalChart([] as never), InputError, 'needs at least one curve');
  });
});
