import { expect } from 'chai';
import { adaptiveConformal } from '../../lib/metrics/adaptive-conformal';
import { intervalCoverage, splitConformal } from '../../lib/metrics/split-conformal';
import { seededRng } from '../../lib/util/rng';

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

describe('adaptive conformal intervals for a drifting stream', () => {
  /** A forecast whose error spread triples halfway through the test period. */
  function stream(seed: number) {
    const rng = seededRng(seed);
    const calPred = Array.from({ length: 200 }, () => gaussian(rng));
    const calY = calPred.map((p) => p + gaussian(rng));
    const pred = Array.from({ length: 2000 }, () => gaussian(rng));
    const y = pred.map((p, t) => p + (t < 1000 ? 1 : 3) * gaussian(rng));
    return { calPred, calY, pred, y };
  }

  it('holds coverage where split conformal falls short after the shift (2,000 steps, 20 seeds)', () => {
    let aci = 0;
    let split = 0;
    for (let s = 0; s < 20; s++) {
      const d = stream(900 + s);
      const band = adaptiveConformal(d.y, d.pred, { alpha: 0.1, gamma: 0.01, calibrationActual: d.calY, calibrationPredicted: d.calPred });
      aci += intervalCoverage(d.y, band) / 20;
      split += intervalCoverage(d.y, splitConformal(d.calY, d.calPred, { alpha: 0.1 }).interval(d.pred)) / 20;
    }
    expect(Math.abs(aci - 0.9)).to.be.below(0.02);
    expect(split).to.be.below(0.8);
  });

  it("step t's interval uses no actual value at or after t", () => {
    const d = stream(7);
    const opts = { calibrationActual: d.calY, calibrationPredicted: d.calPred };
    const a = adaptiveConformal(d.y, d.pred, opts);
    const changed = d.y.slice();
    for (let t = 1200; t < changed.length; t++) changed[t] = 1e6;
    const b = adaptiveConformal(changed, d.pred, opts);
    expect(Array.from(b.lower.subarray(0, 1201))).to.deep.equal(Array.from(a.lower.subarray(0, 1201)));
    expect(b.lower[1201]).to.not.equal(a.lower[1201]);
  });
});
