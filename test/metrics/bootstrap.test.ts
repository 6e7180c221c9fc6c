import { expect } from 'chai';
import { accuracy } from '../../lib/metrics/classification';
import { rocAuc } from '../../lib/metrics/curves';
import { bootstrapCi, bootstrapRowsCi } from '../../lib/metrics/bootstrap';
import { fixture } from '../helpers';

const g = fixture('metrics.json');
const y: number[] = g.y;
const prob: number[] = g.prob;
const pred: number[] = g.pred;

describe('bootstrapCi (metrics/bootstrap.ts)', () => {
  it('is seeded, brackets the estimate, and narrows with more data', () => {
    const a = bootstrapCi(rocAuc, y, prob, { seed: 1, resamples: 300 });
    const b = bootstrapCi(rocAuc, y, prob, { seed: 1, resamples: 300 });
    expect(a).to.deep.equal(b);
    expect(a.lower).to.be.at.most(a.estimate);
    expect(a.upper).to.be.at.least(a.estimate);
    const small = bootstrapCi(accuracy, y.slice(0, 40), pred.slice(0, 40), { seed: 1, resamples: 300 });
    const big = bootstrapCi(accuracy, y, pred, { seed: 1, resamples: 300 });
    expect(big.upper - big.lower).to.be.below(small.upper - small.lower);
  });

  it('skips resamples where the metric is undefined and counts them', () => {
    const ci = bootstrapCi(rocAuc, [0, 0, 0, 0, 0, 0, 0, 1, 1], [0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.4, 0.9, 0.7], { seed: 2, resamples: 200 });
    expect(ci.skipped).to.be.greaterThan(0);
  });
});

describe('bootstrapRowsCi (metrics/bootstrap.ts)', () => {
  it('resamples row indices: the same interval as bootstrapCi for a metric of two arrays, seeded', () => {
    const viaRows = bootstrapRowsCi(
      y.length,
      (rows) =>
        rocAuc(
          Array.from(rows, (i) => y[i]),
          Array.from(rows, (i) => prob[i]),
        ),
      { seed: 3, resamples: 200 },
    );
    expect(viaRows).to.deep.equal(bootstrapCi(rocAuc, y, prob, { seed: 3, resamples: 200 }));
  });

  it('the mean of 0/1 rows by hand: the estimate is the full-sample mean; a bad call is refused', () => {
    const v = [0, 1, 1, 1];
    const ci = bootstrapRowsCi(4, (rows) => rows.reduce((s, i) => s + v[i], 0) / rows.length, { seed: 1, resamples: 100 });
    expect(ci.estimate).to.equal(0.75);
    expect(ci.lower).to.be.at.least(0);
    expect(ci.upper).to.be.at.most(1);
    expect(() => bootstrapRowsCi(0, () => 1)).to.throw('bootstrapRowsCi takes the number of rows');
  });
});
