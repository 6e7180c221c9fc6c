import { expect } from 'chai';
import { deflatedSharpe, expectedMaxSharpe, probabilisticSharpe } from '../../lib/finance/probabilistic-sharpe';
import { normalCdf, normalQuantile } from '../../lib/util/distributions';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectError } from '../helpers';

describe('probabilistic and deflated Sharpe ratios (finance/probabilistic-sharpe.ts)', () => {
  const rng = seededRng(9);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const r = Array.from({ length: 750 }, () => 0.0005 + 0.01 * gauss());

  it('by hand: PSR is Φ((SR − SR*)√(n − 1) / √(1 − γ₃SR + (γ₄ − 1)/4·SR²)) with the sample moments written out here', () => {
    const n = r.length;
    const mean = r.reduce((s, v) => s + v, 0) / n;
    const sd = Math.sqrt(r.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1));
    const m2 = r.reduce((s, v) => s + (v - mean) ** 2, 0) / n;
    const g3 = r.reduce((s, v) => s + (v - mean) ** 3, 0) / n / m2 ** 1.5;
    const g4 = r.reduce((s, v) => s + (v - mean) ** 4, 0) / n / m2 ** 2;
    const sr = mean / sd;
    const want = normalCdf(((sr - 0.01) * Math.sqrt(n - 1)) / Math.sqrt(1 - g3 * sr + ((g4 - 1) / 4) * sr * sr));
    const got = probabilisticSharpe(r, { benchmark: 0.01 });
    expect(got.sharpe).to.be.closeTo(sr, 1e-15);
    expect(got.probability).to.be.closeTo(want, 1e-14);
    // Against its own Sharpe ratio, PSR is one half.
    expect(probabilisticSharpe(r, { benchmark: sr }).probability).to.be.closeTo(0.5, 1e-12);
  });

  it('the expected best of N skill-less trials grows with N; deflation lowers the probability', () => {
    const v = 0.0004;
    const e10 = expectedMaxSharpe(10, v);
    expect(e10).to.be.closeTo(
      Math.sqrt(v) * ((1 - 0.5772156649015329) * normalQuantile(0.9) + 0.5772156649015329 * normalQuantile(1 - 1 / (10 * Math.E))),
      1e-15,
    );
    expect(expectedMaxSharpe(1000, v)).to.be.above(e10);
    const plain = probabilisticSharpe(r).probability;
    const deflated = deflatedSharpe(r, { trials: 100, trialSharpeVariance: v }).probability;
    expect(deflated).to.be.below(plain);
    expectError(() => deflatedSharpe(r, { trials: 1, trialSharpeVariance: v }), InputError, 'trials must be a whole number ≥ 2');
    expectError(() => probabilisticSharpe([0.01, 0.01, 0.01]), InputError, 'do not vary');
  });
});
