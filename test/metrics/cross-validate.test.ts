import { expect } from 'chai';
import { crossValidate, walkForward } from '../../lib/metrics/cross-validate';
import { table } from '../../lib/data/table';
import { kFold } from '../../lib/preprocess/k-fold';
import { standardScaler } from '../../lib/preprocess/scaler';
import { InputError } from '../../lib/util/errors';
import { expectNear } from '../helpers';

describe('crossValidate / walkForward', () => {
  const t = table({ x: Array.from({ length: 30 }, (_, i) => i), y: Array.from({ length: 30 }, (_, i) => 2 * i) });
  it('each fold fits only on its training rows (a scaler inside the fold never sees test rows)', async () => {
    const seen: number[][] = [];
    const cv = await crossValidate(t, kFold(30, { k: 3 }), (train, test) => {
      const s = standardScaler({ columns: ['x'] }).fit(train);
      seen.push(Array.from(train.numbers('x')));
      expect(Array.from(test.numbers('x')).some((v) => seen[seen.length - 1].includes(v))).to.equal(false);
      return { mean: s.offset[0] };
    });
    expect(cv.folds.map((f) => f.mean)).to.deep.equal([19.5, 14.5, 9.5]);
    expectNear(cv.mean.mean, 14.5, 1e-12);
    expect(cv.tabulate().header).to.deep.equal(['fold', 'train rows', 'test rows', 'mean']);
    expect(
      cv
        .tabulate()
        .rows.slice(-2)
        .map((r) => r[0]),
    ).to.deep.equal(['mean', 'std']);
  });
  it('walk-forward folds train on the past only', async () => {
    const cv = await walkForward(t, { nSplits: 3, gap: 1, ordered: true }, (train, test) => ({
      lastTrain: Math.max(...train.numbers('x')),
      firstTest: Math.min(...test.numbers('x')),
    }));
    for (const f of cv.folds) expect(f.lastTrain + 1).to.be.below(f.firstTest);
  });
  it('refuses rows out of time order (they would train on the future) and a panel without series', async () => {
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i));
    const shuffled = table({ date: [0, 2, 1, 3, 4, 5].map(day), x: [0, 2, 1, 3, 4, 5] });
    let caught: unknown;
    await walkForward(shuffled, { nSplits: 2 }, () => ({ m: 0 })).catch((e) => (caught = e));
    expect(caught).to.be.instanceOf(InputError);
    expect((caught as Error).message)
      .to.include('not sorted')
      .and.include('row 2');
    const panel = table({ date: [0, 0, 1, 1].map(day), s: ['A', 'B', 'A', 'B'], x: [0, 1, 2, 3] });
    caught = undefined;
    await walkForward(panel, { nSplits: 2 }, () => ({ m: 0 })).catch((e) => (caught = e));
    expect((caught as Error).message)
      .to.include('duplicate date')
      .and.include('series');
  });
  it('with series, folds are cut over dates: every symbol in each fold, no date on both sides', async () => {
    const day = (i: number) => new Date(Date.UTC(2020, 0, 1 + i));
    // Six dates × two symbols. nSplits 2 over 6 dates: test folds of 2 dates (dates 2–3, 4–5), gap 1 date.
    const panel = table({ date: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5].map(day), s: 'ABABABABABAB'.split(''), x: [0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5] });
    const cv = await walkForward(panel, { nSplits: 2, gap: 1, series: 's' }, (train, test) => ({
      trainDates: new Set(train.numbers('x')).size,
      lastTrain: Math.max(...train.numbers('x')),
      firstTest: Math.min(...test.numbers('x')),
      lastTest: Math.max(...test.numbers('x')),
      symbolsInTest: new Set(test.strings('s')).size,
    }));
    // By hand (TimeSeriesSplit over 6 dates, test_size 2, gap 1): train dates 0–0 | test 2–3; train 0–2 | test 4–5.
    expect(cv.folds.map((f) => [f.trainDates, f.lastTrain, f.firstTest, f.lastTest, f.symbolsInTest, f.trainSize, f.testSize])).to.deep.equal([
      [1, 0, 2, 3, 2, 2, 4],
      [3, 2, 4, 5, 2, 6, 4],
    ]);
  });
});
