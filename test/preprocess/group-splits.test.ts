import { expect } from 'chai';
import fc from 'fast-check';
import { groupKFold, groupShuffleSplit } from '../../lib/preprocess/group-splits';
import { trainTestSplit } from '../../lib/preprocess/train-test-split';
import { table } from '../../lib/data/table';
import { InputError } from '../../lib/util/errors';
import { expectError, fixture } from '../helpers';

const ref = fixture<{ groupKFold: { groups: string[]; k: number; folds: number[][] } }>('clinical.json');

describe('patient-level splits (preprocess/group-splits.ts)', () => {
  it("groupKFold assigns folds as scikit-learn's GroupKFold does (30 patients with 1 … 30 visits, rows shuffled)", () => {
    const folds = groupKFold(ref.groupKFold.groups, { k: ref.groupKFold.k });
    expect(folds.map((f) => Array.from(f.test))).to.deep.equal(ref.groupKFold.folds);
  });

  it('no group is on both sides, and every row is tested once: property over random groupings', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 12 }), { minLength: 8, maxLength: 120 }), fc.integer({ min: 2, max: 5 }), (g, k) => {
        fc.pre(new Set(g).size >= k);
        const folds = groupKFold(g, { k });
        const tested = new Array(g.length).fill(0);
        for (const f of folds) {
          const trainGroups = new Set(Array.from(f.train, (i) => g[i]));
          for (const i of f.test) {
            expect(trainGroups.has(g[i])).to.equal(false);
            tested[i]++;
          }
        }
        expect(tested.every((c) => c === 1)).to.equal(true);
        const split = groupShuffleSplit(g, { testSize: 0.3, seed: 4 });
        const train = new Set(Array.from(split.train, (i) => g[i]));
        expect(Array.from(split.test).some((i) => train.has(g[i]))).to.equal(false);
        expect(split.train.length + split.test.length).to.equal(g.length);
      }),
      { numRuns: 150 },
    );
  });

  it('trainTestSplit({ group }) keeps each patient on one side; refuses missing IDs and group with stratify', () => {
    const visits = table({ patient: Array.from({ length: 60 }, (_, i) => `p${i % 13}`), x: Array.from({ length: 60 }, (_, i) => i) });
    const { train, test } = trainTestSplit(visits, { group: 'patient', testSize: 0.25, seed: 3 });
    const inTrain = new Set(train.strings('patient'));
    expect(test.strings('patient').some((p) => inTrain.has(p))).to.equal(false);
    expect(new Set(test.strings('patient')).size).to.equal(Math.ceil(0.25 * 13));
    expectError(() => groupKFold(['a', null, 'b'], { k: 2 }), InputError, 'group is missing at row 1');
    expectError(() => trainTestSplit(visits, { group: 'patient', stratify: 'x' }), InputError, 'group and stratify');
    expectError(() => groupKFold(['a', 'a', 'b'], { k: 3 }), InputError, 'at least 3 groups');
  });
});
