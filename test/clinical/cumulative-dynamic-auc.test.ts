import { expect } from 'chai';
import { cumulativeDynamicAuc } from '../../lib/clinical/cumulative-dynamic-auc';
import { ref, train, test, outcome } from './survival-split';

describe('cumulativeDynamicAuc against scikit-survival (clinical/cumulative-dynamic-auc.ts)', () => {
  it('cumulative/dynamic AUC at 180, 365 and 540 days and its mean equal cumulative_dynamic_auc', () => {
    const r = cumulativeDynamicAuc(outcome(train), outcome(test), ref.risk, ref.aucTimes);
    r.auc.forEach((a, k) => expect(a, `AUC(${ref.aucTimes[k]})`).to.be.closeTo(ref.auc[k], 1e-12));
    expect(r.meanAuc).to.be.closeTo(ref.meanAuc, 1e-12);
  });
});
