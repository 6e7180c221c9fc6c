import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { kFold, stratifiedKFold } from '../../lib/preprocess/k-fold';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

const g = fixture('preprocess.json');
const cancer = () => loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));

describe('k-fold', () => {
  it("kFold equals scikit-learn's KFold", () => {
    expect(kFold(10, { k: 3 }).map((f) => Array.from(f.test))).to.deep.equal(g.kfold_10_3);
    expect(kFold(569, { k: 5 }).map((f) => f.test.length)).to.deep.equal(g.kfold_569_5_sizes);
  });
  it("stratifiedKFold equals scikit-learn's StratifiedKFold", () => {
    expect(stratifiedKFold(cancer().strings('diagnosis') as string[], { k: 5 }).map((f) => Array.from(f.test))).to.deep.equal(g.stratified_5_test);
    expect(stratifiedKFold(g.toy_labels, { k: 3 }).map((f) => Array.from(f.test))).to.deep.equal(g.stratified_toy_3_test);
  });
  it('shuffled folds are disjoint, cover every row, and depend on the seed', () => {
    const folds = kFold(50, { k: 4, shuffle: true, seed: 9 });
    const all = folds.flatMap((f) => Array.from(f.test)).sort((a, b) => a - b);
    expect(all).to.deep.equal(Array.from({ length: 50 }, (_, i) => i));
    for (const f of folds) expect(Array.from(f.train).some((i) => f.test.includes(i))).to.equal(false);
    expect(kFold(50, { k: 4, shuffle: true, seed: 10 })[0].test).to.not.deep.equal(folds[0].test);
  });
  it('bad input: k larger than a class', () => {
    expectError(() => stratifiedKFold(['a', 'a', 'a', 'b', 'b'], { k: 3 }), InputError, 'class "b" has 2 rows', 'k = 3');
    expectError(() => kFold(3, { k: 1 }), InputError, 'k must be an integer ≥ 2');
  });
});
