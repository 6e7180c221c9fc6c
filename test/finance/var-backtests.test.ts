import { expect } from 'chai';
import * as path from 'path';
import { christoffersenTest, kupiecTest } from '../../lib/finance/var-backtests';
import { exceedances, rollingValueAtRisk } from '../../lib/finance/rolling-value-at-risk';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError, fixture } from '../helpers';

type Pair = [number, number];
interface Christoffersen {
  independence: Pair;
  conditionalCoverage: Pair;
  transitions: [number, number, number, number];
}
const ref = fixture<{
  backtests: {
    window: number;
    level: number;
    first: number[];
    last: number;
    exceedances: number;
    periods: number;
    kupiec: Pair;
    christoffersen: Christoffersen;
  };
  sequences: { hits: number[]; level: number; kupiec: Pair; christoffersen: Christoffersen }[];
}>('risk.json');
const near = (a: number, b: number, what: string) => expect(Math.abs(a - b) / Math.max(Math.abs(b), 1e-12), `${what}: ${a} vs ${b}`).to.be.below(1e-9);

describe('VaR backtests against SciPy (finance/var-backtests.ts, rolling-value-at-risk.ts)', () => {
  it('a rolling 250-day historical VaR at 0.99 on the S&P 500 uses only past days, and its Kupiec and Christoffersen statistics match', () => {
    const close = loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')).numbers('close');
    const r = Float64Array.from({ length: close.length - 1 }, (_, i) => close[i + 1] / close[i] - 1);
    const { window, level } = ref.backtests;
    const v = rollingValueAtRisk(r, { window, level }).valueAtRisk;
    expect(Number.isNaN(v[window - 1])).to.equal(true);
    ref.backtests.first.forEach((x, i) => near(v[window + i], x, `forecast ${i}`));
    near(v[v.length - 1], ref.backtests.last, 'last forecast');
    // Past data only: changing day t's return leaves day t's forecast as it was.
    const changed = Float64Array.from(r);
    changed[window + 10] = -0.5;
    expect(rollingValueAtRisk(changed, { window, level }).valueAtRisk[window + 10]).to.equal(v[window + 10]);
    const hits = exceedances(r, v);
    expect([hits.reduce((s, h) => s + h, 0), hits.length]).to.deep.equal([ref.backtests.exceedances, ref.backtests.periods]);
    const k = kupiecTest(hits, { level });
    near(k.statistic, ref.backtests.kupiec[0], 'Kupiec LR');
    near(k.pValue, ref.backtests.kupiec[1], 'Kupiec p');
    const c = christoffersenTest(hits, { level });
    expect(Object.values(c.transitions)).to.deep.equal(ref.backtests.christoffersen.transitions);
    near(c.independence.statistic, ref.backtests.christoffersen.independence[0], 'independence LR');
    near(c.conditionalCoverage.pValue, ref.backtests.christoffersen.conditionalCoverage[1], 'conditional coverage p');
  });

  it('seeded sequences — right rate, too many, clustered — give the reference statistics, and the verdicts follow', () => {
    for (const [i, s] of ref.sequences.entries()) {
      const k = kupiecTest(s.hits, { level: s.level });
      near(k.statistic, s.kupiec[0], `sequence ${i} Kupiec`);
      near(k.pValue, s.kupiec[1], `sequence ${i} Kupiec p`);
      const c = christoffersenTest(s.hits, { level: s.level });
      near(c.independence.pValue, s.christoffersen.independence[1], `sequence ${i} independence p`);
      near(c.conditionalCoverage.statistic, s.christoffersen.conditionalCoverage[0], `sequence ${i} cc`);
    }
    // 3% exceedances against a 1% VaR fails Kupiec.
    expect(kupiecTest(ref.sequences[1].hits, { level: 0.99 }).passes).to.equal(false);
  });

  it('by hand: no exceedance in 100 periods at 0.99 gives LR = −2·100·ln 0.99; bad input is refused', () => {
    const k = kupiecTest(new Array(100).fill(0), { level: 0.99 });
    expect(k.statistic).to.be.closeTo(-200 * Math.log(0.99), 1e-12);
    expectError(() => kupiecTest([0, 2, 1]), InputError, 'exceedances are 1');
    expectError(() => kupiecTest([]), InputError, 'at least one period');
    expectError(() => rollingValueAtRisk([0.01, 0.02], { window: 5 }), InputError, 'shorter window');
  });
});
