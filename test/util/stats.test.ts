import { expect } from 'chai';
import { presentSorted, quantile, quantileSorted } from '../../lib/util/stats';

describe('order statistics (util/stats.ts)', () => {
  it("quantile interpolates linearly between order statistics, as NumPy's default method", () => {
    // By hand: [1, 2, 3, 4] at q 0.25 → position 0.75 → 1 + 0.75 · (2 − 1) = 1.75 (np.quantile gives 1.75);
    // [1, 2, 3, 4, 10] at q 0.9 → position 3.6 → 4 + 0.6 · 6 = 7.6 (np.quantile: 7.6000000000000005).
    expect(quantile([4, 2, 3, 1], 0.25)).to.equal(1.75);
    expect(quantile([10, 1, 2, 3, 4], 0.9)).to.equal(7.6000000000000005);
    expect([quantile([5], 0.3), quantile([], 0.5)]).to.deep.equal([5, NaN]);
  });

  it('interpolates from the nearer value, so the bits equal NumPy where a ± b rounds differently', () => {
    // 0.1 + 0.6 · 0.3 = 0.28 but 0.7 − 0.6 · 0.7 = 0.27999999999999997: NumPy's _lerp takes the first for t < 0.5.
    expect(quantileSorted([0.1, 0.7], 0.3)).to.equal(0.28);
    // t ≥ 0.5 comes from the upper value: 0.7 − 0.6 · (1 − 0.7) = 0.5199999999999999, np.quantile's bits too.
    expect(quantileSorted([0.1, 0.7], 0.7)).to.equal(0.5199999999999999);
  });

  it('presentSorted drops NaN and sorts numerically (not as text)', () => {
    expect(Array.from(presentSorted([10, NaN, 9, -1, 100]))).to.deep.equal([-1, 9, 10, 100]);
    expect(quantile([NaN, 1, 3], 0.5)).to.equal(2);
  });
});
