import { expect } from 'chai';
import { concordanceIndexIpcw } from '../../lib/clinical/concordance-index-ipcw';
import { concordanceIndex } from '../../lib/clinical/concordance-index';
import { coxPh } from '../../lib/clinical/cox-ph';
import { ref, train, test, outcome } from './survival-split';

describe('concordanceIndexIpcw against scikit-survival (clinical/concordance-index-ipcw.ts; scripts/make-survival-fixtures.py)', () => {
  it("a Cox model fitted on the training rows gives lifelines' coefficients and risk scores on the test rows", () => {
    const cox = coxPh(train, { time: 'time', event: 'status', covariates: ['age', 'sex', 'ph.ecog'] });
    cox.coefficients.forEach((c, a) => expect(c.coef).to.be.closeTo(ref.trainCoef[a], 1e-5));
    cox.riskScore(test).forEach((r, i) => expect(r).to.be.closeTo(ref.risk[i], 1e-5));
  });
  it("Harrell's and Uno's C equal concordance_index_censored and concordance_index_ipcw (with and without tau)", () => {
    expect(concordanceIndex(test.numbers('time'), test.numbers('status'), ref.risk).cIndex).to.be.closeTo(ref.harrell, 1e-12);
    expect(concordanceIndexIpcw(outcome(train), outcome(test), ref.risk, { tau: 730 })).to.be.closeTo(ref.uno, 1e-12);
    expect(concordanceIndexIpcw(outcome(train), outcome(test), ref.risk)).to.be.closeTo(ref.unoNoTau, 1e-12);
  });
});
