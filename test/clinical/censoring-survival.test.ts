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
