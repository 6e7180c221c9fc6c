import { expect } from 'chai';
import * as path from 'path';
import { rollingGarchValueAtRisk } from '../../lib/finance/rolling-garch';
import { fitGarch } from '../../lib/finance/fit-garch';
import { loadCsv } from '../../lib/data/load-csv';
import { studentTQuantile } from '../../lib/util/distributions';
import { InputError } from '../../lib/util/errors';
import { DATASETS, expectError } from '../helpers';

const close = loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')).numbers('close');
const r = Float64Array.from({ length: 1400 }, (_, i) => close[i + 1] / close[i] - 1);

describe('rollingGarchValueAtRisk (finance/rolling-garch.ts)', function () {
  this.timeout(60_000);
  it("a refit day's VaR is the fitted model's 1-step forecast (by hand from fitGarch); ES is above VaR", () => {
    const g = rollingGarchValueAtRisk(r, { window: 1000, refitEvery: 50, level: 0.99, dist: 't' });
    expect(g.fits).to.equal(8);
    const fit = fitGarch(
      r.subarray(0, 1000).map((v) => 100 * v),
      { dist: 't' },
    );
    const nu = fit.params.nu!;
    const q = Math.sqrt((nu - 2) / nu) * studentTQuantile(0.01, nu);
    const expected = -(fit.params.mu + Math.sqrt(fit.forecastVariance(1)[0]) * q) / 100;
    expect(g.valueAtRisk[1000]).to.be.closeTo(expected, 1e-12);
    for (let t = 1000; t < r.length; t++) expect(g.expectedShortfall[t]).to.be.above(g.valueAtRisk[t]);
    expect(Number.isNaN(g.valueAtRisk[999])).to.equal(true);
  });

  it("uses past returns only: changing day t's return leaves day t's forecast as it was, and moves day t + 1's", () => {
    const base = rollingGarchValueAtRisk(r, { window: 1000, refitEvery: 50 });
    const changed = Float64Array.from(r);
    changed[1010] = -0.2;
    const after = rollingGarchValueAtRisk(changed, { window: 1000, refitEvery: 50 });
    expect(after.valueAtRisk[1010]).to.equal(base.valueAtRisk[1010]);
    expect(after.valueAtRisk[1011]).to.be.above(base.valueAtRisk[1011]);
    expectError(() => rollingGarchValueAtRisk(r.subarray(0, 100), { window: 200 }), InputError, 'shorter window');
  });
});
