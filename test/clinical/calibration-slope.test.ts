import { expect } from 'chai';
import { calibrationSlope } from '../../lib/clinical/calibration-slope';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectError, fixture } from '../helpers';

const ref = fixture<{
  netBenefit: { actual: number[]; risk: number[] };
  calibration: { slope: [number, number]; slopeIntercept: number; intercept: [number, number]; observedExpected: number };
}>('clinical.json');

describe('calibrationSlope against statsmodels (clinical/calibration-slope.ts)', () => {
  it('slope (Logit on logit p) and calibration-in-the-large (GLM with logit p as offset), with standard errors, within 1e-8', () => {
    const c = calibrationSlope(ref.netBenefit.actual, ref.netBenefit.risk);
    expect(c.slope.estimate).to.be.closeTo(ref.calibration.slope[0], 1e-8);
    expect(c.slope.standardError).to.be.closeTo(ref.calibration.slope[1], 1e-8);
    expect(c.slopeIntercept).to.be.closeTo(ref.calibration.slopeIntercept, 1e-8);
    expect(c.intercept.estimate).to.be.closeTo(ref.calibration.intercept[0], 1e-8);
    expect(c.intercept.standardError).to.be.closeTo(ref.calibration.intercept[1], 1e-8);
    expect(c.observedExpected).to.be.closeTo(ref.calibration.observedExpected, 1e-12);
    expect(c.slope.lower).to.be.closeTo(c.slope.estimate - 1.959963984540054 * c.slope.standardError, 1e-12);
  });

  it('well-calibrated simulated risks give a slope near 1 and an intercept near 0; squeezed ones a slope above 1', () => {
    const rng = seededRng(11);
    const p = Array.from({ length: 20_000 }, () => 0.02 + 0.96 * rng());
    const y = p.map((q) => (rng() < q ? 1 : 0));
    const c = calibrationSlope(y, p);
    expect(c.slope.lower).to.be.below(1);
    expect(c.slope.upper).to.be.above(1);
    expect(c.intercept.lower).to.be.below(0);
    expect(c.intercept.upper).to.be.above(0);
    // Probabilities pulled towards 0.5 are too modest: the slope says to stretch them.
    const squeezed = p.map((q) => 0.5 + 0.5 * (q - 0.5));
    expect(calibrationSlope(y, squeezed).slope.estimate).to.be.above(1.5);
    expectError(() => calibrationSlope([1, 1], [0.2, 0.4]), InputError, 'needs both outcomes');
  });
});
