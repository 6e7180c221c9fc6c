import { expect } from 'chai';
import { backtest } from '../../lib/metrics/backtest';
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
