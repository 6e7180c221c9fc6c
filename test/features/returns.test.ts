import { expect } from 'chai';
import { logReturns, pctChange, volatility } from '../../lib/features/returns';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError, fixture } from '../helpers';

const g = fixture('features.json');
const close: number[] = g.close;

describe('pctChange, logReturns, volatility (features/returns.ts)', () => {
  const cases: [string, () => Float64Array][] = [
    ['pct_change_1', () => pctChange(close)],
    ['pct_change_5', () => pctChange(close, 5)],
    ['log_returns', () => logReturns(close)],
    ['volatility_20', () => volatility(close, { window: 20 })],
  ];
  for (const [name, f] of cases) it(name, () => expectClose(f(), g[name], 1e-9, name));

  // The same closes with holes: at the start, single, a run of five, a run longer than the window.
  const holed = (g.holed as (number | null)[]).map((v) => v ?? NaN);
  const holedCases: [string, () => Float64Array][] = [['holed_pct_change_2', () => pctChange(holed, 2)]];
  for (const [name, f] of holedCases) it(`${name} (missing prices skipped as pandas skips them)`, () => expectClose(f(), g[name], 1e-9, name));

  it('logReturns: a missing price gives NaN, a zero or negative one is refused (not -Infinity or NaN)', () => {
    const r = logReturns([100, NaN, 110, 121]);
    expect(Number.isNaN(r[1]) && Number.isNaN(r[2])).to.equal(true);
    expect(r[3]).to.be.closeTo(Math.log(1.1), 1e-15);
    expectError(() => logReturns([100, 0, 110]), InputError, 'row 1 holds 0', 'pctChange');
    expectError(() => volatility([1.5, -0.2, 1.7]), InputError, 'row 1 holds -0.2', 'positive prices');
  });
});

describe('pctChange at every length and lag (four rows per iteration plus the rows left over)', () => {
  it('equals x[t] / x[t-k] - 1 row by row, NaN for the first k rows, for lengths 0-13 and k 1-5', () => {
    for (let n = 0; n <= 13; n++) {
      const x = Array.from({ length: n }, (_, i) => 100 + ((i * 37) % 11) - 0.25 * i);
      for (let k = 1; k <= 5; k++) {
        const want = x.map((v, t) => (t < k ? NaN : v / x[t - k] - 1));
        expect(Array.from(pctChange(x, k)), `n ${n}, k ${k}`).to.deep.equal(want);
        expect(Array.from(pctChange(Float64Array.from(x), k)), `n ${n}, k ${k}, Float64Array`).to.deep.equal(want);
      }
    }
  });
});
