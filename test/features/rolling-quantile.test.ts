import { expect } from 'chai';
import { rollingMedian, rollingQuantile } from '../../lib/features/rolling-quantile';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('rollingMedian, rollingQuantile (features/rolling-quantile.ts)', () => {
  it('rollingMedian and rollingQuantile over the valid values of each window (pandas rolling median/quantile)', () => {
    const x = [5, 1, NaN, 4, 2, 8];
    // By hand, window 3: rows 0–1 too few; [5,1,NaN] → 2 values < 3; [1,NaN,4]; [NaN,4,2]; [4,2,8] → 4.
    expect(Array.from(rollingMedian(x, 3))).to.deep.equal([NaN, NaN, NaN, NaN, NaN, 4]);
    // minPeriods 2: [5,1] → 3; [5,1,NaN] → 3; [1,NaN,4] → 2.5; [NaN,4,2] → 3; [4,2,8] → 4.
    expect(Array.from(rollingMedian(x, 3, { minPeriods: 2 }))).to.deep.equal([NaN, 3, 3, 2.5, 3, 4]);
    // q = 0.25 of [2,4,8]: position 0.5 → 2 + (4 − 2)·0.5 = 3; of [1,5] → 1 + 4·0.25 = 2.
    expect(Array.from(rollingQuantile(x, 3, 0.25, { minPeriods: 2 }))).to.deep.equal([NaN, 2, 2, 1.75, 2.5, 3]);
    expectError(() => rollingQuantile(x, 3, 1.5), InputError, 'q 1.5');
    expectError(() => rollingMedian(x, 3, { minPeriods: 4 }), InputError, 'minPeriods 4 is more than the window of 3', 'every value would be NaN');
  });
});
