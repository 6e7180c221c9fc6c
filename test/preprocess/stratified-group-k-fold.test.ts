import { expect } from 'chai';
import { stratifiedGroupKFold } from '../../lib/preprocess/stratified-group-k-fold';
import { InputError } from '../../lib/util/errors';
import { expectError, fixture } from '../helpers';

const ref = fixture<{ stratifiedGroupKFold: { groups: string[]; labels: number[]; k: number; folds: number[][] } }>('clinical.json').stratifiedGroupKFold;

describe('stratifiedGroupKFold (preprocess/stratified-group-k-fold.ts; scripts/make-clinical-fixtures.py)', () => {
  it("gives scikit-learn's StratifiedGroupKFold(n_splits=4) test folds on 40 patients with repeated visits", () => {
    const folds = stratifiedGroupKFold(ref.groups, ref.labels, { k: ref.k });
    expect(folds.map((f) => Array.from(f.test).sort((a, b) => a - b))).to.deep.equal(ref.folds);
  });

  it('keeps every patient on one side, covers each row once, and keeps class shares near the whole', () => {
    const folds = stratifiedGroupKFold(ref.groups, ref.labels, { k: 4 });
    const seen = new Int32Array(ref.groups.length);
    const overall = ref.labels.filter((v) => v === 1).length / ref.labels.length;
    for (const f of folds) {
      const trainGroups = new Set(Array.from(f.train, (i) => ref.groups[i]));
      for (const i of f.test) {
        expect(trainGroups.has(ref.groups[i])).to.equal(false);
        seen[i]++;
      }
      const share = Array.from(f.test).filter((i) => ref.labels[i] === 1).length / f.test.length;
      expect(Math.abs(share - overall)).to.be.below(0.15);
    }
    expect(Array.from(seen).every((v) => v === 1)).to.equal(true);
  });

  it('refuses more folds than groups, mismatched lengths and missing groups', () => {
    expectError(() => stratifiedGroupKFold(['a', 'a', 'b', 'b', 'b', 'b'], [0, 1, 0, 1, 0, 1], { k: 3 }), InputError, '3 folds need at least 3 groups');
    expectError(() => stratifiedGroupKFold(['a', 'b', 'c'], [0, 1, 0], { k: 3 }), InputError, 'more than the rows of every class');
    expectError(() => stratifiedGroupKFold(['a', 'b'], [0]), InputError, '2 groups but 1 labels');
    expectError(() => stratifiedGroupKFold(['a', null, 'b', 'c'], [0, 1, 0, 1], { k: 2 }), InputError, 'group is missing at row 1');
  });
});
