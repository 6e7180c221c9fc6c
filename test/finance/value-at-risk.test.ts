import { expect } from 'chai';
import * as path from 'path';
import { expectedShortfall, valueAtRisk, type RiskMethod } from '../../lib/finance/value-at-risk';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

interface Case {
  sample: 'all' | 'last-500';
  level: number;
  method: RiskMethod;
  valueAtRisk: number;
  expectedShortfall: number | null;
}
const ref = fixture<{ cases: Case[] }>('risk.json');
const close = loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')).numbers('close');
const returns = Float64Array.from({ length: close.length - 1 }, (_, i) => close[i + 1] / close[i] - 1);

describe('valueAtRisk and expectedShortfall against empyrical-reloaded and SciPy (finance/value-at-risk.ts)', () => {
  it('every method and level on the S&P 500 daily returns, whole and last 500 days, within 1e-10 relative', () => {
    for (const c of ref.cases) {
      const r = c.sample === 'all' ? returns : returns.subarray(returns.length - 500);
      const what = `${c.sample} ${c.method} ${c.level}`;
      expect(Math.abs(valueAtRisk(r, { level: c.level, method: c.method }) - c.valueAtRisk) / c.valueAtRisk, what).to.be.below(1e-10);
      if (c.expectedShortfall !== null)
        expect(Math.abs(expectedShortfall(r, { level: c.level, method: c.method }) - c.expectedShortfall) / c.expectedShortfall, what).to.be.below(1e-10);
    }
  });

  it('by hand: the historical VaR of 1..100 at 0.95 is minus the interpolated 5th percentile; shortfall the mean of the 5 worst', () => {
    const r = Array.from({ length: 100 }, (_, i) => (i + 1 - 50) / 1000); // -0.049 … 0.05
    // position (n − 1) · 0.05 = 4.95: between the 5th and 6th smallest, -0.045 and -0.044
    expect(valueAtRisk(r, { level: 0.95 })).to.be.closeTo(0.04405, 1e-15);
    // k = ⌊99 · 0.05⌋ + 1 = 5 smallest: -0.049 … -0.045, mean -0.047
    expect(expectedShortfall(r, { level: 0.95 })).to.be.closeTo(0.047, 1e-15);
    // ES is at least the VaR for every method
    for (const method of ['historical', 'normal', 't'] as const)
      expect(expectedShortfall(returns, { method, level: 0.99 })).to.be.above(valueAtRisk(returns, { method, level: 0.99 }));
  });

  it('refuses bad levels, methods and values, naming them', () => {
    expectError(() => valueAtRisk(returns, { level: 99 }), InputError, 'level must be between 0.5 and 1');
    expectError(() => valueAtRisk(returns, { method: 'garch' as RiskMethod }), InputError, 'unknown method "garch"');
    expectError(() => valueAtRisk([0.01, NaN, 0.02]), InputError, 'NaN at 1');
    expectError(() => expectedShortfall(returns, { method: 'cornish-fisher' }), InputError, 'not a tail mean');
    expectError(() => valueAtRisk(returns, { method: 't', df: 2 }), InputError, 'df must be above 2');
  });
});
