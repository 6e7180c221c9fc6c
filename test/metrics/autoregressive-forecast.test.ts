import { expect } from 'chai';
import { autoregressiveForecast, fitAutoregressive } from '../../lib/metrics/autoregressive-forecast';
import { InputError } from '../../lib/util/errors';
import { fixture } from '../helpers';

const golden = fixture('autoregressive.json');

describe('fitAutoregressive and autoregressiveForecast', () => {
  for (const [name, c] of Object.entries(golden.cases) as [string, any][]) {
    it(`${name}: coefficients, sigma2 and 1- and 3-step forecasts equal statsmodels' AutoReg within 1e-9 (relative)`, () => {
      const y = golden.series[c.series] as number[];
      const fit = fitAutoregressive(y, { lags: c.lags, trend: c.trend, trainEnd: c.trainEnd });
      expect(fit.observations).to.equal(c.nobs);
      expect(fit.intercept).to.be.closeTo(c.intercept, 1e-9 * Math.max(1, Math.abs(c.intercept)));
      c.coefficients.forEach((phi: number, j: number) => expect(fit.coefficients[j], `φ${j + 1}`).to.be.closeTo(phi, 1e-9));
      expect(fit.sigma2).to.be.closeTo(c.sigma2, 1e-9 * c.sigma2);
      for (const h of [1, 3]) {
        const t = c.targets[String(h)];
        const f = autoregressiveForecast(y, t.rows, { fit, horizon: h, trainEnd: c.trainEnd });
        t.forecast.forEach((v: number, i: number) => expect(f[i], `h=${h}, row ${t.rows[i]}`).to.be.closeTo(v, 1e-8 * Math.max(1, Math.abs(v))));
        // Fitting inside the call gives the same forecasts.
        expect(Array.from(autoregressiveForecast(y, t.rows, { lags: c.lags, trend: c.trend, trainEnd: c.trainEnd, horizon: h }))).to.deep.equal(Array.from(f));
      }
    });
  }

  it('AR(1) by hand: y = 1, 3, 7, 15 (y[t] = 1 + 2·y[t−1]) gives c = 1, φ = 2, and forecasts 31 then 63', () => {
    const fit = fitAutoregressive([1, 3, 7, 15], { lags: 1 });
    expect(fit.intercept).to.be.closeTo(1, 1e-12);
    expect(fit.coefficients[0]).to.be.closeTo(2, 1e-12);
    expect(fit.sigma2).to.be.closeTo(0, 1e-20);
    const next = autoregressiveForecast([1, 3, 7, 15, 0, 0], [4, 5], { fit, horizon: 1 });
    expect(next[0]).to.be.closeTo(31, 1e-9);
    expect(next[1]).to.be.closeTo(1 + 2 * 0, 1e-9);
    expect(autoregressiveForecast([1, 3, 7, 15, 0, 0], [5], { fit, horizon: 2 })[0]).to.be.closeTo(63, 1e-9);
  });

  it('never looks at the target or the test period: changing rows at and after the origin leaves earlier forecasts alone', () => {
    const y = golden.series.treasury as number[];
    const rows = [500, 510, 520];
    const a = autoregressiveForecast(y, rows, { lags: 3, trainEnd: 440, horizon: 3 });
    const later = y.slice();
    for (let t = 518; t < later.length; t++) later[t] = 99; // row 520's target and everything after its origin 517
    expect(Array.from(autoregressiveForecast(later, rows, { lags: 3, trainEnd: 440, horizon: 3 }))).to.deep.equal(Array.from(a));
    const origin = y.slice();
    origin[517] += 1;
    const b = autoregressiveForecast(origin, rows, { lags: 3, trainEnd: 440, horizon: 3 });
    expect(b[2]).to.not.equal(a[2]);
    expect(b[1]).to.equal(a[1]);
  });

  it('refuses targets inside the training rows, a missing trainEnd, NaN in the fit and too many lags, naming the fix', () => {
    const y = golden.series.unemployment as number[];
    expect(() => autoregressiveForecast(y, [10], { lags: 2, trainEnd: 100 })).to.throw(InputError, /inside the training rows \(< 100\)/);
    expect(() => autoregressiveForecast(y, [150], { lags: 2 } as any)).to.throw(InputError, /pass trainEnd/);
    const gap = y.slice();
    gap[5] = NaN;
    expect(() => fitAutoregressive(gap, { lags: 2, trainEnd: 100 })).to.throw(InputError, /NaN at row 5/);
    expect(() => fitAutoregressive(y.slice(0, 5), { lags: 3 })).to.throw(InputError, /use fewer lags/);
    expect(() => fitAutoregressive([2, 2, 2, 2, 2, 2], { lags: 1 })).to.throw(InputError, /linearly dependent/);
  });
});
