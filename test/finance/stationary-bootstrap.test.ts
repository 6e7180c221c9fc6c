import { expect } from 'chai';
import { stationaryBootstrap, stationaryResamples } from '../../lib/finance/stationary-bootstrap';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectError } from '../helpers';

const mean = (v: Float64Array) => v.reduce((s, x) => s + x, 0) / v.length;

describe('stationaryBootstrap (finance/stationary-bootstrap.ts)', () => {
  it('resamples are runs of consecutive rows (wrapping) whose mean length is meanBlock; meanBlock 1 restarts at random every row', () => {
    const n = 500;
    let runs = 0;
    let rows = 0;
    stationaryResamples(n, { meanBlock: 10, resamples: 200, seed: 3 }, (r) => {
      for (let i = 0; i < n; i++) {
        if (i === 0 || r[i] !== (r[i - 1] + 1) % n) runs++;
        rows++;
      }
    });
    // A new block starts with probability 1/10 per row (a random restart can land on the next row: rarely, 1/n).
    expect(rows / runs).to.be.within(9, 11);
    let consecutive = 0;
    stationaryResamples(n, { meanBlock: 1, resamples: 20, seed: 3 }, (r) => {
      for (let i = 1; i < n; i++) if (r[i] === (r[i - 1] + 1) % n) consecutive++;
    });
    expect(consecutive).to.be.below(20 * 5); // about 1 in n by chance
  });

  it('a constant series has a zero-width interval at its value; the estimate is the statistic of the series; seeded', () => {
    const c = stationaryBootstrap(new Float64Array(50).fill(0.01), mean, { resamples: 100 });
    expect([c.estimate, c.lower, c.upper]).to.deep.equal([0.01, 0.01, 0.01].map((v) => mean(new Float64Array(50).fill(v))));
    const rng = seededRng(5);
    const x = Float64Array.from({ length: 300 }, () => rng() - 0.5);
    expect(stationaryBootstrap(x, mean, { seed: 9 })).to.deep.equal(stationaryBootstrap(x, mean, { seed: 9 }));
    const ci = stationaryBootstrap(x, mean, { seed: 9 });
    expect(ci.estimate).to.equal(mean(x));
    expect(ci.lower).to.be.below(ci.estimate);
    expect(ci.upper).to.be.above(ci.estimate);
  });

  it('on an autocorrelated series, blocks give a wider interval of the mean than single rows (iid is too narrow there)', () => {
    // AR(1) with phi 0.9: the variance of the mean is about (1 + phi) / (1 - phi) = 19 times the iid one.
    const rng = seededRng(1);
    const x = new Float64Array(2000);
    for (let i = 1; i < x.length; i++) x[i] = 0.9 * x[i - 1] + (rng() - 0.5);
    const iid = stationaryBootstrap(x, mean, { meanBlock: 1, resamples: 500 });
    const blocks = stationaryBootstrap(x, mean, { meanBlock: 50, resamples: 500 });
    expect((blocks.upper - blocks.lower) / (iid.upper - iid.lower)).to.be.above(2.5);
  });

  it('refuses a series with NaN, one value, or a meanBlock below 1, naming it', () => {
    expectError(() => stationaryBootstrap([1, NaN, 2], mean), InputError, 'NaN at position 1');
    expectError(() => stationaryBootstrap([1], mean), InputError, 'at least 2 values');
    expectError(() => stationaryBootstrap([1, 2, 3], mean, { meanBlock: 0.5 }), InputError, 'meanBlock must be ≥ 1');
  });
});
