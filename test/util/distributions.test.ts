import { expect } from 'chai';
import { chiSquaredSf, normalCdf, normalQuantile, studentTCdf, studentTQuantile } from '../../lib/util/distributions';
import { fixture } from '../helpers';

interface Dist {
  normalQuantile: [number, number][];
  tQuantile: [number, number, number][];
  chi2Sf: [number, number, number][];
}
const { distributions: d } = fixture<{ distributions: Dist }>('risk.json');
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1e-300, Math.abs(b));

describe('distribution functions against SciPy (util/distributions.ts; scripts/make-risk-fixtures.py)', () => {
  it('normal quantile (AS 241) equals scipy.stats.norm.ppf within 1e-14 relative, and inverts normalCdf', () => {
    for (const [p, q] of d.normalQuantile) {
      expect(rel(normalQuantile(p), q), `p ${p}`).to.be.below(1e-14);
      if (p > 1e-6 && p < 1 - 1e-6) expect(Math.abs(normalCdf(q) - p) / p, `cdf at ${q}`).to.be.below(1e-12);
    }
  });

  it('Student-t quantile equals scipy.stats.t.ppf within 1e-10 relative (ν from 2.5 to 60), and inverts the t distribution function', () => {
    for (const [p, nu, q] of d.tQuantile) {
      expect(rel(studentTQuantile(p, nu), q), `p ${p}, ν ${nu}`).to.be.below(1e-10);
      expect(Math.abs(studentTCdf(q, nu) - p) / p).to.be.below(1e-10);
    }
  });

  it('chi-squared survival function equals scipy.stats.chi2.sf within 1e-12 relative', () => {
    for (const [x, k, sf] of d.chi2Sf) expect(rel(chiSquaredSf(x, k), sf), `x ${x}, k ${k}`).to.be.below(1e-12);
    // By hand: with 2 degrees of freedom the survival function is exp(−x/2).
    expect(chiSquaredSf(3, 2)).to.be.closeTo(Math.exp(-1.5), 1e-15);
  });
});
