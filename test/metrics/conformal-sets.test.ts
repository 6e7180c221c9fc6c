import { expect } from 'chai';
import { conformalSets, setCoverage } from '../../lib/metrics/conformal-sets';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectError, fixture } from '../helpers';

const golden = fixture('conformal.json');

function gaussian(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
}

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
