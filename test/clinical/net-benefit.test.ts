import { expect } from 'chai';
import { netBenefit } from '../../lib/clinical/net-benefit';
import { InputError } from '../../lib/util/errors';
import { expectError, fixture } from '../helpers';

const ref = fixture<{ netBenefit: { actual: number[]; risk: number[]; thresholds: number[]; model: number[]; all: number[]; none: number[] } }>(
  'clinical.json',
);

describe('netBenefit against dcurves (clinical/net-benefit.ts)', () => {
  it("the model's and treat-all's net benefit at 19 thresholds equal dcurves' dca within 1e-12; treat-none is 0", () => {
    const rows = netBenefit(ref.netBenefit.actual, ref.netBenefit.risk, { thresholds: ref.netBenefit.thresholds });
    rows.forEach((r, i) => {
      expect(r.model, `model at ${r.threshold}`).to.be.closeTo(ref.netBenefit.model[i], 1e-12);
      expect(r.treatAll, `all at ${r.threshold}`).to.be.closeTo(ref.netBenefit.all[i], 1e-12);
      expect(ref.netBenefit.none[i]).to.equal(0);
    });
  });

  it('by hand: 4 patients, 2 with the event; at threshold 0.5 one true and one false positive: NB = 1/4 − 1/4 · 1 = 0', () => {
    const [r] = netBenefit([1, 1, 0, 0], [0.9, 0.2, 0.6, 0.1], { thresholds: [0.5] });
    expect(r.model).to.equal(0);
    expect(r.treatAll).to.equal(0.5 - 0.5 * 1);
    expect(r.standardized).to.equal(0);
    expectError(() => netBenefit([1, 0], [0.5, 0.5], { thresholds: [1] }), InputError, 'strictly between 0 and 1');
  });
});
