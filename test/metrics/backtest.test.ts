import { expect } from 'chai';
import { backtest } from '../../lib/metrics/backtest';
import { driftForecast, majorityClass, movingAverageForecast, persistenceForecast, seasonalNaiveForecast } from '../../lib/metrics/baselines';
import { crossValidate, walkForward } from '../../lib/metrics/cross-validate';
import { table } from '../../lib/data/table';
import { kFold } from '../../lib/preprocess/k-fold';
import { standardScaler } from '../../lib/preprocess/scaler';
import { InputError } from '../../lib/util/errors';
import { expectError, expectNear, fixture } from '../helpers';

const g = fixture('metrics.json');

describe('backtest vs NumPy', () => {
  for (const rule of ['long-flat', 'long-short'] as const) {
    it(`${rule}, 10 bps costs`, () => {
      const r = backtest(g.bt_prices, g.bt_signal, { rule, costBps: 10 });
      const w = g[`bt_${rule}`];
      expectNear(r.strategy.totalReturn, w.total, 1e-9, 'total');
      expectNear(r.strategy.annualReturn, w.annual, 1e-9, 'annual');
      expectNear(r.strategy.annualVolatility, w.vol, 1e-9, 'vol');
      expectNear(r.strategy.sharpe, w.sharpe, 1e-9, 'sharpe');
      expectNear(r.strategy.sortino, w.sortino, 1e-9, 'sortino');
      expectNear(r.strategy.maxDrawdown, w.maxdd, 1e-9, 'maxdd');
      expectNear(r.strategy.exposure, w.exposure, 1e-12, 'exposure');
      expectNear(r.strategy.turnover, w.turnover, 1e-12, 'turnover');
    });
  }

  it('buy-and-hold earns the price change, less one entry cost', () => {
    const r = backtest([100, 110, 99, 121], [1, 1, 1, 1], { costBps: 0 });
    expectNear(r.buyAndHold.totalReturn, 0.21, 1e-12);
    expectNear(r.strategy.totalReturn, 0.21, 1e-12);
    expectNear(r.buyAndHold.maxDrawdown, 99 / 110 - 1, 1e-12);
  });

  it('the older single-object form gives the same result; anything else is refused with the call to write', () => {
    const prices = [100, 110, 99, 121, 118];
    const signal = [1, -1, 0.5, 1, -1];
    const options = { rule: 'long-short' as const, costBps: 10 };
    const older = backtest({ prices, signal, ...options });
    const now = backtest(prices, signal, options);
    expect([older.returns, older.positions, older.strategy, older.buyAndHold]).to.deep.equal([now.returns, now.positions, now.strategy, now.buyAndHold]);
    expect(String(older)).to.equal(String(now));
    expectError(() => backtest(undefined as never, signal), InputError, 'backtest(prices, signal, { rule, costBps, dates })');
  });

  it('positions at t use only information up to t: changing later prices changes nothing before', () => {
    const prices: number[] = g.bt_prices;
    const signal: number[] = g.bt_signal;
    const base = backtest(prices, signal, { costBps: 5 });
    const t = 200;
    const shocked = prices.map((p, i) => (i > t ? p * 1.5 : p));
    const after = backtest(shocked, signal, { costBps: 5 });
    expect(Array.from(after.returns.subarray(0, t + 1))).to.deep.equal(Array.from(base.returns.subarray(0, t + 1)));
    // A signal that peeks one day ahead wins far more than the honest one: the engine does not shift it back.
    const peek = prices.map((p, i) => (i + 1 < prices.length ? prices[i + 1] - p : 0));
    expect(backtest(prices, peek).strategy.sharpe).to.be.above(base.strategy.sharpe + 3);
  });

  it('bad input: missing prices, mismatched lengths', () => {
    expectError(() => backtest([1, NaN, 3], [1, 1, 1]), InputError, 'price NaN at index 1');
    expectError(() => backtest([1, 2, 3], [1, 1]), InputError, '3 prices but 2 signals');
  });
});

describe('baselines', () => {
  const s = [10, 11, 13, 12, 15, 16];
  it('persistence, seasonal naive, moving average, drift, majority class by hand', () => {
    expect(Array.from(persistenceForecast(s, [3, 5]))).to.deep.equal([13, 15]);
    expect(Array.from(persistenceForecast(s, [5], { horizon: 2 }))).to.deep.equal([12]);
    expect(Array.from(seasonalNaiveForecast(s, [5], { season: 3 }))).to.deep.equal([13]);
    expect(Array.from(movingAverageForecast(s, [5], { window: 2 }))).to.deep.equal([13.5]);
    // Drift at row 5 from rows 0..4: 15 + (15 − 10) / 4.
    expect(Array.from(driftForecast(s, [5]))).to.deep.equal([16.25]);
    expect(majorityClass([0, 1, 1, 0, 1])).to.deep.equal({ label: 1, share: 0.6 });
  });
  it('refuses a forecast with no past', () => {
    expectError(() => persistenceForecast(s, [0]), InputError, 'target row 0');
  });
});

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
