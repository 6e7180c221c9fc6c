import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { splitIndices, trainTestSplit } from '../../lib/preprocess/train-test-split';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';

const cancer = () => loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));

describe('trainTestSplit', () => {
  it('is seeded: same seed, same split; another seed, another split', () => {
    const t = cancer();
    const a = trainTestSplit(t, { seed: 1, testSize: 0.2 });
    const b = trainTestSplit(t, { seed: 1, testSize: 0.2 });
    const c = trainTestSplit(t, { seed: 2, testSize: 0.2 });
    expect(Array.from(a.test.numbers('mean_radius'))).to.deep.equal(Array.from(b.test.numbers('mean_radius')));
    expect(Array.from(a.test.numbers('mean_radius'))).to.not.deep.equal(Array.from(c.test.numbers('mean_radius')));
    expect(a.train.numRows + a.test.numRows).to.equal(569);
  });
  it('a million rows: 200,000 test rows, disjoint from training, none lost (push(...rows) overflowed the stack)', () => {
    const { train, test } = splitIndices(1_000_000, { testSize: 0.2, seed: 5 });
    expect([train.length, test.length]).to.deep.equal([800_000, 200_000]);
    const seen = new Uint8Array(1_000_000);
    for (const i of train) seen[i]++;
    for (const i of test) seen[i]++;
    expect(seen.every((v) => v === 1)).to.equal(true);
  });
  it('stratified: each class keeps its share within one row', () => {
    const { train, test } = trainTestSplit(cancer(), { stratify: 'diagnosis', testSize: 0.2, seed: 3 });
    for (const [name, n] of [
      ['malignant', 212],
      ['benign', 357],
    ] as const) {
      const inTest = test.strings('diagnosis').filter((v) => v === name).length;
      expect(Math.abs(inTest - n * 0.2)).to.be.at.most(1);
      expect(inTest + train.strings('diagnosis').filter((v) => v === name).length).to.equal(n);
    }
  });
  it('stratified split sizes equal scikit-learn: exactly ceil(n · testSize) test rows, remainders to the largest shares', () => {
    // 569 rows (212 malignant, 357 benign), testSize 0.2 → ceil(113.8) = 114 test rows. Shares 42.4 and 71.6
    // floor to 42 + 71 = 113; the last row goes to the larger remainder (benign): 42 + 72, as
    // sklearn.model_selection.train_test_split(stratify=y) gives.
    const { train, test } = trainTestSplit(cancer(), { stratify: 'diagnosis', testSize: 0.2, seed: 3 });
    expect([train.numRows, test.numRows]).to.deep.equal([455, 114]);
    const count = (t: typeof test, v: string) => t.strings('diagnosis').filter((x) => x === v).length;
    expect([count(test, 'malignant'), count(test, 'benign')]).to.deep.equal([42, 72]);
    // 228 rows (82/146) at 0.25 → 57 test rows: 20.5 → 20 and 36.5 → 36, tie broken to the first class → 21 + 36.
    const small = table({ y: [...Array(82).fill('a'), ...Array(146).fill('b')] });
    const s = trainTestSplit(small, { stratify: 'y', testSize: 0.25, seed: 1 });
    expect([s.train.numRows, s.test.numRows]).to.deep.equal([171, 57]);
  });

  it('bad input: a class too small to stratify', () => {
    expectError(() => trainTestSplit(table({ y: ['a', 'a', 'a', 'b'] }), { stratify: 'y', testSize: 0.5 }), InputError, 'class "b" has 1 row');
  });
});
