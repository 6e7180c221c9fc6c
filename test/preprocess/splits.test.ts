import { expect } from 'chai';
import * as path from 'path';
import { loadCsv } from '../../lib/data/load-csv';
import { table } from '../../lib/data/table';
import { kFold, stratifiedKFold } from '../../lib/preprocess/k-fold';
import { splitByTime } from '../../lib/preprocess/split-by-time';
import { timeSeriesSplit } from '../../lib/preprocess/time-series-split';
import { splitIndices, trainTestSplit } from '../../lib/preprocess/train-test-split';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

const g = fixture('preprocess.json');
const cancer = () => loadCsv(path.join(DATASETS, 'breast-cancer-wisconsin-diagnostic.csv'));

describe('splitByTime', () => {
  const yields = loadCsv(path.join(DATASETS, 'treasury-yields-monthly.csv'));
  it('puts the latest rows in test, never shuffling', () => {
    const { train, test } = splitByTime(yields, { testSize: 0.2 });
    expect(train.numRows + test.numRows).to.equal(558);
    expect(test.numRows).to.equal(Math.ceil(558 * 0.2));
    expect(train.dates('date')[train.numRows - 1]).to.be.below(test.dates('date')[0]);
  });
  it('splits at a cutoff date', () => {
    const { test } = splitByTime(yields, { cutoff: '1990-01-01' });
    expect(new Date(test.dates('date')[0]).toISOString().slice(0, 7)).to.equal('1990-01');
  });
  it('reads a cutoff string in UTC, as the loader reads dates, whatever the time zone of the machine', () => {
    // In New York, Date.parse reads "2010-01-01 00:00" and "Jan 1 2010" as 05:00 UTC: the 2010-01-01 row
    // (a UTC midnight, as loaded) would land in training.
    const days = table({ date: ['2009-12-30', '2009-12-31', '2010-01-01', '2010-01-04'].map((s) => new Date(`${s}T00:00:00Z`)), a: [1, 2, 3, 4] });
    const tz = process.env.TZ;
    process.env.TZ = 'America/New_York';
    try {
      expect(new Date(2010, 0, 1).getTime()).to.not.equal(Date.UTC(2010, 0, 1)); // the zone took effect
      for (const cutoff of ['2010-01-01', '2010-01-01 00:00', 'Jan 1 2010', '01/01/2010', '01.01.2010']) {
        expect(splitByTime(days, { cutoff }).test.numRows, cutoff).to.equal(2);
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
    expectError(() => splitByTime(days, { cutoff: '2010-02-30' }), InputError, 'cutoff "2010-02-30" is not a date');
  });
  it('bad input: fraction outside (0,1), unsorted and duplicate dates', () => {
    expectError(() => splitByTime(yields, { testSize: 1.5 }), InputError, 'testSize', '1.5');
    expectError(() => splitByTime(yields, { testSize: 0 }), InputError, 'testSize');
    const d = (s: string) => new Date(s);
    expectError(() => splitByTime(table({ date: [d('2000-01-02'), d('2000-01-01'), d('2000-01-03')], x: [1, 2, 3] })), InputError, 'not sorted', 'row 1');
    expectError(() => splitByTime(table({ date: [d('2000-01-01'), d('2000-01-01'), d('2000-01-03')], x: [1, 2, 3] })), InputError, 'duplicate date 2000-01-01');
    // An invalid Date is NaN, which no comparison catches: refused by name.
    expectError(() => splitByTime(table({ date: [d('2000-01-01'), d('not a date'), d('2000-01-03')], x: [1, 2, 3] })), InputError, 'no date at row 1');
  });
});

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

describe('timeSeriesSplit', () => {
  it("equals scikit-learn's TimeSeriesSplit (gap, maxTrainSize, testSize)", () => {
    for (const c of g.tss) {
      const folds = timeSeriesSplit(c.n, { nSplits: c.opts.n_splits, gap: c.opts.gap, maxTrainSize: c.opts.max_train_size, testSize: c.opts.test_size });
      expect(
        folds.map((f) => [Array.from(f.train), Array.from(f.test)]),
        JSON.stringify(c.opts),
      ).to.deep.equal(c.folds);
    }
  });
  it('every test row lies after every training row', () => {
    for (const f of timeSeriesSplit(100, { nSplits: 5, gap: 3 })) expect(f.train[f.train.length - 1] + 3).to.be.below(f.test[0]);
  });
});
