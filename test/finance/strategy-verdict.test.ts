import { expect } from 'chai';
import { strategyVerdict } from '../../lib/finance/strategy-verdict';
import { backtest } from '../../lib/metrics/backtest';
import { seededRng } from '../../lib/util/rng';

/** A random-walk price path and, per period, a forecast of the next period's direction with the given skill. */
function market(n: number, skill: number, seed: number) {
  const rng = seededRng(seed);
  const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
  const r = Array.from({ length: n }, () => 0.0003 + 0.01 * gauss());
  const prices = [100];
  for (let t = 1; t < n; t++) prices.push(prices[t - 1] * (1 + r[t]));
  // Signal at t's close forecasts t+1's return: the truth scaled by skill, plus noise.
  const signal = prices.map((_, t) => (t + 1 < n ? skill * Math.sign(r[t + 1]) : 0) + gauss());
  const bt = backtest(prices, signal, { rule: 'long-flat' });
  const actual = prices.slice(0, -1).map((_, t) => (r[t + 1] > 0 ? 1 : 0));
  const benchmark = Float64Array.from(prices, (p, t) => (t === 0 ? 0 : p / prices[t - 1] - 1));
  return { bt, actual, score: signal.slice(0, -1), benchmark };
}

describe('strategyVerdict (finance/strategy-verdict.ts): the stock verdict follows the evidence (issue 31, item 17)', () => {
  it('no skill (a coin): never "beats", says there is no evidence of skill, whatever the point estimates', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const m = market(1000, 0, seed);
      const v = strategyVerdict({ actual: m.actual, score: m.score, strategyReturns: m.bt.returns, benchmarkReturns: m.benchmark }, { resamples: 400 });
      expect(v.outcome, v.sentence).to.not.equal('beats');
      expect(v.skill).to.equal('none');
      expect(v.sentence).to.include('no evidence of predictive skill').and.include('interval');
    }
  });

  it('a skilled synthetic forecaster beats buy-and-hold, and the sentence carries both intervals', () => {
    const m = market(1000, 1.5, 7);
    const v = strategyVerdict({ actual: m.actual, score: m.score, strategyReturns: m.bt.returns, benchmarkReturns: m.benchmark }, { resamples: 400 });
    expect(v.skill).to.equal('skill');
    expect(v.auc.lower).to.be.above(0.5);
    expect(v.excessReturn.lower).to.be.above(0);
    expect(v.outcome).to.equal('beats');
    expect(v.sentence).to.match(/^The model beats buy-and-hold: mean excess return over buy-and-hold \+\d+\.\d% \(95% interval \+/);
  });

  it('an anti-skilled forecaster (AUC below a coin) loses and is called worse than a coin', () => {
    const m = market(1000, -1.5, 8);
    const v = strategyVerdict({ actual: m.actual, score: m.score, strategyReturns: m.bt.returns, benchmarkReturns: m.benchmark }, { resamples: 400 });
    expect(v.skill).to.equal('anti-skill');
    expect(v.outcome).to.equal('loses');
    expect(v.sentence).to.include('worse than a coin');
  });

  it('the excess return is the arithmetic mean of per-period differences × periodsPerYear (by hand)', () => {
    const s = [0, 0.01, -0.02, 0.03, 0.0];
    const b = [0, 0.02, -0.01, 0.01, 0.01];
    const v = strategyVerdict(
      { actual: [1, 0, 1, 0], score: [0.9, 0.1, 0.8, 0.3], strategyReturns: s, benchmarkReturns: b },
      { periodsPerYear: 12, resamples: 50 },
    );
    // differences 0, -0.01, -0.01, 0.02, -0.01: mean -0.002, × 12 = -0.024
    expect(v.excessReturn.estimate).to.be.closeTo(-0.024, 1e-12);
    expect(v.auc.estimate).to.equal(1);
  });
});
