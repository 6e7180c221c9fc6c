import { expect } from 'chai';
import { rollingMax, rollingMean, rollingMin, rollingStd, rollingSum } from '../../lib/features/rolling';
import { expectClose, fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('rollingMean, rollingSum, rollingStd, rollingMin, rollingMax (features/rolling.ts)', () => {
  const cases: [string, () => Float64Array][] = [
    ['rolling_mean_20', () => rollingMean(close, 20)],
    ['rolling_mean_5_min3', () => rollingMean(close, 5, { minPeriods: 3 })],
    ['rolling_std_20', () => rollingStd(close, 20)],
    ['rolling_min_10', () => rollingMin(close, 10)],
    ['rolling_max_10', () => rollingMax(close, 10)],
    ['rolling_sum_7', () => rollingSum(close, 7)],
  ];
  for (const [name, f] of cases) it(name, () => expectClose(f(), g[name], 1e-9, name));

  // The same closes with holes: at the start, single, a run of five, a run longer than the window.
  const holed = (g.holed as (number | null)[]).map((v) => v ?? NaN);
  const holedCases: [string, () => Float64Array][] = [
    ['holed_rolling_mean_5_min3', () => rollingMean(holed, 5, { minPeriods: 3 })],
    ['holed_rolling_sum_5_min1', () => rollingSum(holed, 5, { minPeriods: 1 })],
    ['holed_rolling_std_5_min2', () => rollingStd(holed, 5, { minPeriods: 2 })],
    ['holed_rolling_min_5_min2', () => rollingMin(holed, 5, { minPeriods: 2 })],
    ['holed_rolling_max_5', () => rollingMax(holed, 5)],
  ];
  for (const [name, f] of holedCases) it(`${name} (missing prices skipped as pandas skips them)`, () => expectClose(f(), g[name], 1e-9, name));

  it('rolling mean/sum stay exact along a long series (running sum with compensation), NaN gaps included', () => {
    // 100,000 values near 1e6 with cents; every 997th missing. Reference: each window summed afresh.
    const x = Array.from({ length: 100_000 }, (_, i) => (i % 997 === 5 ? NaN : 1e6 + ((i * 7919) % 1000) / 100));
    const w = 20;
    const mean = rollingMean(x, w, { minPeriods: 15 });
    const sum = rollingSum(x, w, { minPeriods: 15 });
    for (let t = 0; t < x.length; t++) {
      const vals = x.slice(Math.max(0, t - w + 1), t + 1).filter((v) => !Number.isNaN(v));
      if (vals.length < 15) {
        expect(Number.isNaN(mean[t]) && Number.isNaN(sum[t]), `row ${t}`).to.equal(true);
        continue;
      }
      const s = vals.reduce((a, b) => a + b, 0);
      if (Math.abs(sum[t] - s) > 1e-6 || Math.abs(mean[t] - s / vals.length) > 1e-9) expect.fail(`row ${t}: ${sum[t]} vs ${s}`);
    }
  });

  it('rolling std/min/max (one pass each) equal each window computed afresh, with gaps and minPeriods', () => {
    let seed = 3;
    const rand = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const x = Array.from({ length: 20_000 }, (_, i) => (i % 211 < 9 ? NaN : 50 + 10 * rand()));
    const w = 30;
    const std = rollingStd(x, w, { minPeriods: 5 });
    const mn = rollingMin(x, w, { minPeriods: 5 });
    const mx = rollingMax(x, w, { minPeriods: 5 });
    for (let t = 0; t < x.length; t++) {
      const vals = x.slice(Math.max(0, t - w + 1), t + 1).filter((v) => !Number.isNaN(v));
      if (vals.length < 5) {
        if (![std[t], mn[t], mx[t]].every(Number.isNaN)) expect.fail(`row ${t}: expected NaN`);
        continue;
      }
      const m = vals.reduce((a, b) => a + b, 0) / vals.length;
      const sd = Math.sqrt(vals.reduce((a, b) => a + (b - m) ** 2, 0) / (vals.length - 1));
      if (Math.abs(std[t] - sd) > 1e-9 * sd || mn[t] !== Math.min(...vals) || mx[t] !== Math.max(...vals)) {
        expect.fail(`row ${t}: std ${std[t]} vs ${sd}, min ${mn[t]} vs ${Math.min(...vals)}, max ${mx[t]} vs ${Math.max(...vals)}`);
      }
    }
  });

  it('rolling std of a window of equal values is exactly 0 (as pandas), also after different values left it', () => {
    // Removing 10 and 11 from the running sums leaves ~1e-8 of rounding; pandas' rolling std gives 0 here.
    const x = [10, 11, NaN, 12, 12, 12, 12, 11, NaN, NaN, 13, 14, 14, 14];
    const std = rollingStd(x, 3);
    for (const t of [5, 6, 13]) expect(std[t]).to.equal(0);
    expect(std[7]).to.be.closeTo(Math.sqrt(1 / 3), 1e-12); // 12, 12, 11: mean 35/3, squares 2/9 + 2/9 + 4/9 over 2
  });
});
