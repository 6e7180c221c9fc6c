import { expect } from 'chai';
import * as path from 'path';
import { fitGarch } from '../../lib/finance/fit-garch';
import { loadCsv } from '../../lib/data/load-csv';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { DATASETS, expectError, fixture } from '../helpers';

interface Ref {
  o: 0 | 1;
  dist: 'normal' | 't';
  mu: number;
  omega: number;
  alpha: number;
  gamma: number;
  beta: number;
  nu: number | null;
  logLikelihood: number;
  lastVolatility: number;
  forecast: number[];
}
const { garch } = fixture<{ garch: Ref[] }>('risk.json');
const close = loadCsv(path.join(DATASETS, 'sp500-daily-ohlcv-2000-2020.csv')).numbers('close');
const pct = Float64Array.from({ length: close.length - 1 }, (_, i) => 100 * (close[i + 1] / close[i] - 1));

describe('fitGarch against arch 8 (finance/fit-garch.ts; scripts/make-risk-fixtures.py)', function () {
  this.timeout(60_000);
  it('GARCH(1,1) and GJR-GARCH(1,1,1), normal and t, on 5,104 S&P 500 daily returns: log-likelihood within 1e-4, parameters within 1e-3 relative (1e-6 absolute near 0)', () => {
    for (const ref of garch) {
      const what = `o=${ref.o} ${ref.dist}`;
      const g = fitGarch(pct, { o: ref.o, dist: ref.dist });
      // Our optimum may be a hair higher than arch's SLSQP stop; never lower by more than the tolerance.
      expect(g.logLikelihood - ref.logLikelihood, `${what} log-likelihood`).to.be.within(-1e-4, 1e-3);
      for (const k of ['mu', 'omega', 'alpha', 'gamma', 'beta'] as const)
        expect(Math.abs(g.params[k] - ref[k]), `${what} ${k}: ${g.params[k]} vs ${ref[k]}`).to.be.below(Math.max(1e-6, 1e-3 * Math.abs(ref[k])));
      if (ref.nu !== null) expect(Math.abs(g.params.nu! - ref.nu) / ref.nu, `${what} nu`).to.be.below(1e-3);
      expect(g.conditionalVolatility[pct.length - 1]).to.be.closeTo(ref.lastVolatility, 1e-3 * ref.lastVolatility);
      const f = g.forecastVariance(10);
      ref.forecast.forEach((v, h) => expect(Math.abs(f[h] - v) / v, `${what} forecast ${h + 1}`).to.be.below(2e-3));
    }
  });

  it('recovers the parameters of a simulated GARCH(1,1) (ω 0.05, α 0.08, β 0.9, 20,000 periods) within sampling error', () => {
    const rng = seededRng(3);
    const gauss = () => Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
    const n = 20_000;
    const r = new Float64Array(n);
    let s2 = 0.05 / (1 - 0.98);
    let prev = 0;
    for (let t = 0; t < n; t++) {
      s2 = 0.05 + 0.08 * prev * prev + 0.9 * s2;
      r[t] = Math.sqrt(s2) * gauss();
      prev = r[t];
    }
    const g = fitGarch(r, { mean: 'zero' });
    expect(g.params.alpha).to.be.closeTo(0.08, 0.015);
    expect(g.params.beta).to.be.closeTo(0.9, 0.02);
    expect(g.persistence).to.be.below(1);
    // h-step forecasts revert to the unconditional variance ω / (1 − persistence).
    const far = g.forecastVariance(2000)[1999];
    expect(far).to.be.closeTo(g.params.omega / (1 - g.persistence), 1e-6 * far);
  });

  it('refuses short series, NaN, and unknown options', () => {
    expectError(() => fitGarch([1, 2, 3]), InputError, 'at least 30 returns');
    expectError(() => fitGarch([...pct.subarray(0, 40), NaN]), InputError, 'NaN at 40');
    expectError(() => fitGarch(pct, { dist: 'skewt' as 't' }), InputError, 'dist must be "normal" or "t"');
  });
});
