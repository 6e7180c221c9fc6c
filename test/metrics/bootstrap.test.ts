import { expect } from 'chai';
import { accuracy } from '../../lib/metrics/classification';
import { rocAuc } from '../../lib/metrics/curves';
import { bootstrapCi } from '../../lib/metrics/bootstrap';
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
