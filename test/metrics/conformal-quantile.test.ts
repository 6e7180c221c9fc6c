import { expect } from 'chai';
import { checkAlpha, conformalQuantile } from '../../lib/metrics/conformal-quantile';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('the split-conformal quantile (metrics/conformal-quantile.ts)', () => {
  it('is the k-th smallest score with k = ⌈(n + 1)(1 − α)⌉, exact where (n + 1)(1 − α) is a whole number', () => {
    const scores = Float64Array.from([5, 1, 4, 2, 3, 9, 8, 7, 6, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19]); // n = 19
    // α 0.1: 20 · 0.9 = 18.000000000000004 in floating point, k = 18 (not 19) → the 18th smallest, 18.
    expect(conformalQuantile('t', scores, 0.1)).to.equal(18);
    // α 0.25: 20 · 0.75 = 15 → 15.
    expect(conformalQuantile('t', scores, 0.25)).to.equal(15);
    expect(Array.from(scores.subarray(0, 3))).to.deep.equal([5, 1, 4]); // the caller's scores are not sorted in place
  });

  it('refuses too few rows for the level and an alpha outside (0, 1), naming the fix', () => {
    expectError(
      () => conformalQuantile('splitConformal', Float64Array.from([1, 2, 3]), 0.1),
      InputError,
      '3 calibration rows are too few for 90% coverage',
      'at least 9',
    );
    expectError(() => checkAlpha('splitConformal', 1), InputError, 'alpha must be in (0, 1)', 'got 1');
  });
});
