import { expect } from 'chai';
import { censoringSurvival, stepAt } from '../../lib/clinical/censoring-survival';
import { cumulativeDynamicAuc } from '../../lib/clinical/cumulative-dynamic-auc';
import { brierScore } from '../../lib/clinical/brier-score';
import { concordanceIndexIpcw } from '../../lib/clinical/concordance-index-ipcw';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';
import { ref, train, test, outcome } from './survival-split';

describe('censoringSurvival and the IPCW checks (clinical/censoring-survival.ts)', () => {
  it('censoring survival by hand: events leave before censorings at a tied time', () => {
    // times 1 (event), 2 (censored), 2 (event), 3 (censored), 4 (event): at 2, 4 at risk, 1 event leaves, 1 of 3 censored.
    const g = censoringSurvival({ time: [1, 2, 2, 3, 4], event: [1, 0, 1, 0, 1] });
    expect(stepAt(g, 1.5)).to.equal(1);
    expect(stepAt(g, 2)).to.be.closeTo(2 / 3, 1e-15);
    expect(stepAt(g, 3)).to.be.closeTo((2 / 3) * (1 - 1 / 2), 1e-15);
  });
  it('refuses times outside the follow-up and mismatched shapes, naming the fix', () => {
    expectError(() => cumulativeDynamicAuc(outcome(train), outcome(test), ref.risk, [5000]), InputError, 'outside the test follow-up');
    expectError(() => cumulativeDynamicAuc(outcome(train), outcome(test), ref.risk, [365, 180]), InputError, 'times must increase');
    expectError(() => brierScore(outcome(train), outcome(test), ref.survivalGrid.slice(1), ref.grid), InputError, 'rows of predicted survival');
    expectError(() => concordanceIndexIpcw(outcome(train), outcome(test), ref.risk.slice(1)), InputError, 'risk scores');
  });
});

describe('IPCW scores with test follow-up beyond the training follow-up', () => {
  it('a test event after the last training time does not stop AUC or Brier at earlier times (it is a control there), and changes nothing', () => {
    const trainO = { time: [1, 2, 3, 4, 5, 6], event: [1, 0, 1, 1, 0, 1] };
    const testO = { time: [1.5, 2.5, 3.5, 4.5, 9], event: [1, 1, 0, 1, 1] };
    const shorter = { time: [1.5, 2.5, 3.5, 4.5, 5.5], event: [1, 1, 0, 1, 1] };
    const risk = [5, 4, 3, 2, 1];
    // Patient 5 is a control at 2 and 3 whether followed to 5.5 or to 9.
    expect(Array.from(cumulativeDynamicAuc(trainO, testO, risk, [2, 3]).auc)).to.deep.equal(
      Array.from(cumulativeDynamicAuc(trainO, shorter, risk, [2, 3]).auc),
    );
    const surv = risk.map((r) => [1 - r / 10, 1 - r / 8]);
    expect(Array.from(brierScore(trainO, testO, surv, [2, 3]).score)).to.deep.equal(Array.from(brierScore(trainO, shorter, surv, [2, 3]).score));
    // Uno's C without tau anchors a pair at that event: it needs G there, so it asks for tau.
    expectError(() => concordanceIndexIpcw(trainO, testO, risk), InputError, 'beyond the training follow-up');
  });
});
