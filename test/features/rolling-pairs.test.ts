import { expect } from 'chai';
import { rollingCorr, rollingCov } from '../../lib/features/rolling-pairs';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError } from '../helpers';

describe('rollingCov, rollingCorr (features/rolling-pairs.ts)', () => {
  it('rollingCov and rollingCorr over the rows where both series have a value (pandas rolling cov/corr)', () => {
    const x = [1, 2, 3, 4, 5, 5, 5];
    const y = [2, 4, 6, 9, NaN, 1, 2];
    const cov = rollingCov(x, y, 3, { minPeriods: 2 });
    const corr = rollingCorr(x, y, 3, { minPeriods: 2 });
    // By hand: rows 0–2: deviations (−1, 0, 1) and (−2, 0, 2): cov 4/2 = 2, corr 1. Rows 1–3: cov 5/2 = 2.5 with
    // var x = 1 and var y = (49 + 1 + 64)/9/2: corr 2.5/√(114/18). Row 4 pairs rows 2–3 only (y is missing at 4).
    expectClose([cov[2], corr[2], cov[3], corr[3], cov[4], corr[4]], [2, 1, 2.5, 2.5 / Math.sqrt(114 / 18), 1.5, 1], 1e-12);
    // Rows 4–6 pair (5, 1) and (5, 2): x is constant, so no correlation; its covariance is 0.
    expect([cov[6], corr[6]]).to.deep.equal([0, NaN]);
    expect(Number.isNaN(cov[0])).to.equal(true);
    expectError(() => rollingCorr(x, [1, 2], 3), InputError, '7 and 2 values', 'align');
  });
});
