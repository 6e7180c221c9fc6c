import { expect } from 'chai';
import { calibrateProbabilities } from '../../lib/metrics/calibrate-probabilities';
import { brierScore } from '../../lib/metrics/classification';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError, fixture } from '../helpers';

const golden = fixture('calibration.json');

describe('calibrateProbabilities', () => {
  for (const c of golden.cases) {
    it(`sigmoid (Platt) equals scikit-learn's: A, B and probabilities within 1e-5 (n = ${c.labels.length})`, () => {
      const cal = calibrateProbabilities(c.labels, c.scores);
      const p = cal.parameters as { a: number; b: number };
      expect(p.a).to.be.closeTo(c.a, 1e-4 * Math.max(1, Math.abs(c.a)));
      expect(p.b).to.be.closeTo(c.b, 1e-4 * Math.max(1, Math.abs(c.b)));
      expectClose(cal.transform(c.test), c.sigmoid, 1e-5, 'sigmoid');
    });

    it(`isotonic equals scikit-learn's IsotonicRegression (ties pooled, linear between steps, clipped) (n = ${c.labels.length})`, () => {
      expectClose(calibrateProbabilities(c.labels, c.scores, { method: 'isotonic' }).transform(c.test), c.isotonic, 1e-12, 'isotonic');
    });

    it(`lowers the Brier score of miscalibrated scores on the cases it was fitted on (n = ${c.labels.length})`, () => {
      const before = brierScore(c.labels, c.scores);
      for (const method of ['sigmoid', 'isotonic'] as const)
        expect(brierScore(c.labels, calibrateProbabilities(c.labels, c.scores, { method }).transform(c.scores))).to.be.below(before);
    });
  }

  it('pool adjacent violators by hand: labels 1 0 1 1 at scores .1 .2 .3 .4 → steps .5 .5 1 1', () => {
    const cal = calibrateProbabilities([1, 0, 1, 1], [0.1, 0.2, 0.3, 0.4], { method: 'isotonic' });
    expect(Array.from(cal.transform([0.1, 0.2, 0.3, 0.4, 0.25]))).to.deep.equal([0.5, 0.5, 1, 1, 0.75]);
  });

  it('refuses one class, labels that are not 0/1 and an unknown method', () => {
    expectError(() => calibrateProbabilities([1, 1], [0.2, 0.3]), InputError, 'both classes');
    expectError(() => calibrateProbabilities([0, 2], [0.2, 0.3]), InputError, 'labels must be 0 or 1');
    expectError(() => calibrateProbabilities([0, 1], [0.2, 0.3], { method: 'beta' as 'sigmoid' }), InputError, '"beta"');
  });
});
