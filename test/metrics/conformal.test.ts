import { expect } from 'chai';
import { adaptiveConformal } from '../../lib/metrics/adaptive-conformal';
import { conformalSets, setCoverage } from '../../lib/metrics/conformal-sets';
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

describe('conformal prediction sets', () => {
  for (const c of golden.classification) {
    it(`equal the reference (${c.reference}: ${c.method}, ${c.classes} classes, alpha ${c.alpha})`, () => {
      const sets = conformalSets(c.labels, c.proba, c.classes, { alpha: c.alpha, method: c.method }).predictSets(c.test);
      expect(sets.map((s) => [...s].sort())).to.deep.equal(c.sets);
    });
  }

  it('hold the true class 1 − α of the time on exchangeable cases (200 seeds, ±2 points), LAC sets smaller than APS on average', () => {
    const size: Record<string, number> = {};
    for (const method of ['lac', 'aps'] as const) {
      let cov = 0;
      size[method] = 0;
      for (let s = 0; s < 200; s++) {
        const rng = seededRng(500 + s);
        const draw = (n: number) => {
          const proba: number[] = [];
          const labels: number[] = [];
          for (let i = 0; i < n; i++) {
            const e = [0, 1, 2].map(() => Math.exp(2 * gaussian(rng)));
            const z = e[0] + e[1] + e[2];
            const p = e.map((v) => v / z);
            proba.push(...p);
            const u = rng();
            labels.push(u < p[0] ? 0 : u < p[0] + p[1] ? 1 : 2); // labels drawn from the model's own probabilities: calibrated
          }
          return { proba, labels };
        };
        const cal = draw(150);
        const test = draw(150);
        const r = setCoverage(test.labels, conformalSets(cal.labels, cal.proba, 3, { alpha: 0.1, method }).predictSets(test.proba));
        cov += r.coverage;
        size[method] += r.meanSize / 200;
      }
      expect(Math.abs(cov / 200 - 0.9), method).to.be.below(0.02);
    }
    expect(size.lac).to.be.below(size.aps);
  });

  it('APS sets are the top of the ranking, never empty, and repeat for a seed', () => {
    const rng = seededRng(3);
    const proba = Array.from({ length: 40 }, () => [rng(), rng(), rng(), rng()]).flatMap((r) => r.map((v) => v / (r[0] + r[1] + r[2] + r[3])));
    const labels = Array.from({ length: 40 }, (_, i) => i % 4);
    const cs = conformalSets(labels, proba, 4, { alpha: 0.2, method: 'aps', seed: 5 });
    const sets = cs.predictSets(proba);
    expect(cs.predictSets(proba)).to.deep.equal(sets);
    sets.forEach((set, i) => {
      const row = proba.slice(i * 4, i * 4 + 4);
      const order = [0, 1, 2, 3].sort((a, b) => row[b] - row[a] || a - b);
      expect(set).to.deep.equal(order.slice(0, set.length));
      expect(set.length).to.be.at.least(1);
    });
  });

  it('refuses labels that are not class codes and probabilities outside [0, 1]', () => {
    expectError(() => conformalSets([0, 3], [0.5, 0.5, 0.5, 0.5], 2), InputError, 'label 3 at index 1', 'labelEncoder');
    expectError(() => conformalSets([0, 1], [0.5, 0.5, 1.5, -0.5], 2), InputError, 'probabilities must lie in [0, 1]');
    expectError(() => conformalSets([0], [0.2, 0.3, 0.5], 2), InputError, 'not whole rows of 2 classes');
  });
});

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
