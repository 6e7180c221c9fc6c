import { expect } from 'chai';
import * as path from 'path';
import { coxPh } from '../../lib/clinical/cox-ph';
import { coxData, coxLikelihood } from '../../lib/clinical/cox-likelihood';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

interface Ref {
  coxEfron: {
    covariates: string[];
    coef: number[];
    se: number[];
    logLikelihood: number;
    lrStatistic: number;
    lrP: number;
    concordance: number;
    times: number[];
    survival: number[][];
  };
  coxBreslow: { coef: number[]; se: number[]; logLikelihood: number };
}
const ref = fixture<Ref>('survival.json');
const lung = loadCsv(path.join(DATASETS, 'ncctg-lung.csv')).dropMissing(['age', 'sex', 'ph.ecog']);
const covariates = ['age', 'sex', 'ph.ecog'];

describe('coxPh against lifelines and statsmodels (clinical/cox-ph.ts; scripts/make-survival-fixtures.py)', () => {
  it("Efron ties: coefficients, standard errors, log-likelihood, LR test and C equal lifelines' CoxPHFitter within 1e-4", () => {
    const cox = coxPh(lung, { time: 'time', event: 'status', covariates });
    const r = ref.coxEfron;
    expect(cox.observations).to.equal(227);
    cox.coefficients.forEach((c, a) => {
      expect(c.covariate).to.equal(r.covariates[a]);
      expect(c.coef, `${c.covariate} coef`).to.be.closeTo(r.coef[a], 1e-4 * Math.max(1, Math.abs(r.coef[a])));
      expect(c.se, `${c.covariate} se`).to.be.closeTo(r.se[a], 1e-4 * r.se[a]);
      expect(c.hazardRatio).to.be.closeTo(Math.exp(r.coef[a]), 1e-4);
      expect(c.hazardRatioLower).to.be.closeTo(Math.exp(r.coef[a] - 1.959963984540054 * r.se[a]), 1e-4);
    });
    expect(cox.logLikelihood).to.be.closeTo(r.logLikelihood, 1e-6);
    expect(cox.likelihoodRatio.statistic).to.be.closeTo(r.lrStatistic, 1e-5);
    expect(cox.likelihoodRatio.pValue).to.be.closeTo(r.lrP, 1e-9);
    expect(cox.concordance).to.be.closeTo(r.concordance, 1e-9);
  });

  it("survival curves from the Breslow baseline equal lifelines' predict_survival_function at observed times", () => {
    const cox = coxPh(lung, { time: 'time', event: 'status', covariates });
    const curves = cox.predictSurvival(lung.head(5), ref.coxEfron.times);
    curves.survival.forEach((row, i) =>
      row.forEach((s, k) => expect(s, `patient ${i} at ${ref.coxEfron.times[k]}`).to.be.closeTo(ref.coxEfron.survival[i][k], 1e-5)),
    );
    // Before the first event nothing has happened; survival never rises.
    expect(cox.predictSurvival(lung.head(1), [0, 1]).survival[0][0]).to.equal(1);
  });

  it("Breslow ties equal statsmodels' PHReg(ties='breslow')", () => {
    const cox = coxPh(lung, { time: 'time', event: 'status', covariates, ties: 'breslow' });
    const r = ref.coxBreslow;
    cox.coefficients.forEach((c, a) => {
      expect(c.coef, `${c.covariate} coef`).to.be.closeTo(r.coef[a], 1e-4 * Math.max(1, Math.abs(r.coef[a])));
      expect(c.se, `${c.covariate} se`).to.be.closeTo(r.se[a], 1e-4 * r.se[a]);
    });
    expect(cox.logLikelihood).to.be.closeTo(r.logLikelihood, 1e-6);
  });

  it('the gradient and Hessian of the partial likelihood equal central finite differences (Efron and Breslow)', () => {
    const x = Float64Array.from({ length: 40 }, (_, k) => Math.sin(k * 1.7) + (k % 3));
    const time = Float64Array.from({ length: 20 }, (_, i) => [3, 5, 5, 8, 2, 9, 9, 9, 1, 4][i % 10] + (i >= 10 ? 0.5 : 0));
    const event = Uint8Array.from({ length: 20 }, (_, i) => (i % 4 === 3 ? 0 : 1));
    const data = coxData(x, 2, time, event);
    const beta = Float64Array.from([0.3, -0.2]);
    for (const ties of ['efron', 'breslow'] as const) {
      const at = coxLikelihood(data, beta, ties);
      const h = 1e-5;
      for (let a = 0; a < 2; a++) {
        const up = Float64Array.from(beta);
        const down = Float64Array.from(beta);
        up[a] += h;
        down[a] -= h;
        const fu = coxLikelihood(data, up, ties);
        const fd = coxLikelihood(data, down, ties);
        expect(at.gradient[a], `${ties} gradient ${a}`).to.be.closeTo((fu.logLikelihood - fd.logLikelihood) / (2 * h), 1e-6);
        for (let b = 0; b < 2; b++) expect(at.hessian[a * 2 + b], `${ties} hessian ${a},${b}`).to.be.closeTo((fu.gradient[b] - fd.gradient[b]) / (2 * h), 1e-6);
      }
    }
  });

  it('refuses missing, text, constant, collinear and separating covariates, naming the column and the fix', () => {
    const raw = loadCsv(path.join(DATASETS, 'ncctg-lung.csv'));
    expectError(
      () => coxPh(raw, { time: 'time', event: 'status', covariates: ['ph.ecog'] }),
      InputError,
      '"ph.ecog" is missing on 1 of 228 rows',
      'dropMissing',
    );
    const t = table({
      time: [5, 3, 8, 2, 9, 4],
      status: [1, 1, 0, 1, 1, 0],
      arm: ['a', 'b', 'a', 'b', 'a', 'b'],
      k: [1, 1, 1, 1, 1, 1],
      x: [1, 2, 3, 4, 5, 6],
      x2: [2, 4, 6, 8, 10, 12],
    });
    expectError(() => coxPh(t, { time: 'time', event: 'status', covariates: ['arm'] }), InputError, 'holds string values', 'oneHotEncoder');
    expectError(() => coxPh(t, { time: 'time', event: 'status', covariates: ['k'] }), InputError, '"k" is constant');
    expectError(() => coxPh(t, { time: 'time', event: 'status', covariates: ['x', 'x2'] }), InputError, 'collinear');
    // Everyone with x = 1 dies first: the hazard ratio of x is infinite.
    const sep = table({ time: [1, 2, 3, 4, 5, 6, 7, 8], status: [1, 1, 1, 1, 1, 1, 1, 1], x: [1, 1, 1, 1, 0, 0, 0, 0] });
    expectError(() => coxPh(sep, { time: 'time', event: 'status', covariates: ['x'] }), InputError, '"x" grows without bound');
    expectError(() => coxPh(t, { time: 'time', event: 'nope' }), InputError, '"nope" is not a column');
  });

  it('does not change its input', () => {
    const before = Array.from(lung.numbers('age'));
    coxPh(lung, { time: 'time', event: 'status', covariates });
    expect(Array.from(lung.numbers('age'))).to.deep.equal(before);
  });
});
