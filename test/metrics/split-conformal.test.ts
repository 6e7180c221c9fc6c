import { expect } from 'chai';
import { intervalCoverage, splitConformal } from '../../lib/metrics/split-conformal';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectClose, expectError, fixture } from '../helpers';

const golden = fixture('conformal.json');

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('split-conformal intervals', () => {
  for (const c of golden.regression) {
    it(`equal MAPIE's SplitConformalRegressor (n = ${c.actual.length}, alpha ${c.alpha})`, () => {
      const band = splitConformal(c.actual, c.predicted, { alpha: c.alpha }).interval(c.test);
      expectClose(band.lower, c.lower, 1e-12, 'lower');
      expectClose(band.upper, c.upper, 1e-12, 'upper');
    });
  }

  it('the quantile is the k-th smallest |error|, k = ⌈(n + 1)(1 − α)⌉, by hand: n = 9, α = 0.2 → k = 8', () => {
    const actual = [1, 2, 3, 4, 5, 6, 7, 8, 9];
    const predicted = [1.1, 2.5, 2.0, 4.0, 5.3, 6.9, 7.05, 8.6, 9.2]; // errors .1 .5 1 0 .3 .9 .05 .6 .2
    expect(splitConformal(actual, predicted, { alpha: 0.2 }).quantile).to.be.closeTo(0.9, 1e-12); // sorted: 0 .05 .1 .2 .3 .5 .6 .9 1
  });

  it('covers 1 − α on new exchangeable data: mean coverage over 300 seeds within ±2 points of nominal, for both scores', () => {
    for (const alpha of [0.1, 0.2]) {
      for (const normalised of [false, true]) {
        let total = 0;
        const seeds = 300;
        for (let s = 0; s < seeds; s++) {
          const rng = seededRng(100 + s);
          const draw = (n: number) => {
            const pred = Array.from({ length: n }, () => 3 * gaussian(rng));
            const sd = pred.map(() => 0.5 + 2 * rng()); // heteroscedastic noise, its scale known to the normalised score
            return { pred, sd, y: pred.map((p, i) => p + sd[i] * gaussian(rng)) };
          };
          const cal = draw(100);
          const test = draw(200);
          const cp = splitConformal(cal.y, cal.pred, { alpha, scale: normalised ? cal.sd : undefined });
          total += intervalCoverage(test.y, cp.interval(test.pred, normalised ? test.sd : undefined));
        }
        expect(Math.abs(total / seeds - (1 - alpha)), `alpha ${alpha}, normalised ${normalised}`).to.be.below(0.02);
      }
    }
  });

  it('the normalised band is q · scale wide around each prediction', () => {
    const cp = splitConformal([0, 0, 0, 0], [1, 2, 3, 4], { alpha: 0.4, scale: [1, 2, 3, 8] }); // scores 1 1 1 .5 → k = 3 → q = 1
    expect(cp.quantile).to.equal(1);
    const band = cp.interval([10, 20], [0.5, 4]);
    expect(Array.from(band.lower)).to.deep.equal([9.5, 16]);
    expect(Array.from(band.upper)).to.deep.equal([10.5, 24]);
  });

  it('refuses too few calibration rows, a bad alpha, NaN and a missing scale, naming the fix', () => {
    expectError(() => splitConformal([1, 2, 3], [1, 2, 3], { alpha: 0.1 }), InputError, '3 calibration rows are too few for 90% coverage', 'at least 9');
    expectError(() => splitConformal([1, 2], [1, 2], { alpha: 10 }), InputError, 'alpha must be in (0, 1)');
    expectError(() => splitConformal([1, NaN], [1, 2]), InputError, 'NaN at index 1');
    const cp = splitConformal(Array(20).fill(0), Array(20).fill(1), { scale: Array(20).fill(1) });
    expectError(() => cp.interval([1]), InputError, 'scale');
    expectError(() => splitConformal([1, 2], [1, 2], { scale: [1, 0] }), InputError, 'scale holds 0 at index 1');
  });
});
