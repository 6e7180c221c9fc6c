import { expect } from 'chai';
import { conformalizedQuantiles } from '../../lib/metrics/conformalized-quantiles';
import { intervalCoverage } from '../../lib/metrics/split-conformal';
import { seededRng } from '../../lib/util/rng';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('conformalizedQuantiles (metrics/conformalized-quantiles.ts)', () => {
  it('by hand: scores max(lo − y, y − hi), Q the ⌈(n+1)(1−α)⌉-th smallest, the band moved out by Q', () => {
    // Nine rows, alpha 0.2: k = ⌈10 · 0.8⌉ = 8, the 8th smallest score.
    const y = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const lo = y.map((v) => v - 1);
    const hi = y.map((v) => v + 1);
    const shifted = y.map((v, i) => v + [0, 0.5, -0.5, 1.5, -2, 0.2, 3, -1.2, 0][i]);
    // Scores: |d| − 1 for these symmetric bands: −1, −0.5, −0.5, 0.5, 1, −0.8, 2, 0.2, −1 → sorted, the 8th is 1.
    const cqr = conformalizedQuantiles(shifted, lo, hi, { alpha: 0.2 });
    expect(cqr.correction).to.be.closeTo(1, 1e-12);
    const band = cqr.interval([0, 10], [2, 12]);
    expect(Array.from(band.lower)).to.deep.equal([-1, 9]);
    expect(Array.from(band.upper)).to.deep.equal([3, 13]);
  });

  it('repairs an undercovering band to at least 1 − alpha on new exchangeable rows, and narrows an overcovering one', () => {
    const rng = seededRng(9);
    const normal = () => Math.sqrt(-2 * Math.log(rng() || 1e-12)) * Math.cos(2 * Math.PI * rng());
    const draw = (n: number) => Array.from({ length: n }, () => normal());
    const cal = draw(1000);
    const test = draw(4000);
    for (const half of [0.5, 3]) {
      // ±0.5 covers 38% of N(0, 1); ±3 covers 99.7%: both should end near 90%.
      const cqr = conformalizedQuantiles(
        cal,
        cal.map(() => -half),
        cal.map(() => half),
        { alpha: 0.1 },
      );
      const coverage = intervalCoverage(
        test,
        cqr.interval(
          test.map(() => -half),
          test.map(() => half),
        ),
      );
      expect(coverage, `band ±${half}`).to.be.within(0.88, 0.93);
      expect(Math.sign(cqr.correction)).to.equal(half < 1.64 ? 1 : -1);
    }
  });

  it('refuses crossed bands, too few rows for the level, and mismatched lengths', () => {
    expectError(() => conformalizedQuantiles([1, 2], [2, 0], [1, 3]), InputError, 'row 0 has lower 2 above upper 1');
    expectError(() => conformalizedQuantiles([1, 2, 3], [0, 1, 2], [2, 3, 4], { alpha: 0.1 }), InputError, 'too few for 90% coverage');
    expectError(() => conformalizedQuantiles([1, 2, 3], [0, 1], [2, 3, 4]), InputError);
  });
});
