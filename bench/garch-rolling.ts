/**
 * Rolling GARCH(1,1) risk forecasts, side by side with arch in one run (issue 32's speed target: 20 years of daily
 * returns, a refit every 250 days, under 5 s). Each fit uses the 1,000 days before it; a 1-step VaR at 0.99 comes
 * from each. Prints one JSON line per engine and the ratio.
 *
 *   npx tsx bench/garch-rolling.ts            (arch from .venv-ref: scripts/make-risk-fixtures.py's environment)
 */
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { loadCsv } from '../lib/data/load-csv';
import { fitGarch } from '../lib/finance/fit-garch';
import { normalQuantile } from '../lib/util/distributions';

const file = path.join(__dirname, '..', 'datasets', 'sp500-daily-ohlcv-2000-2020.csv');
const close = loadCsv(file).numbers('close');
const r = Float64Array.from({ length: close.length - 1 }, (_, i) => 100 * (close[i + 1] / close[i] - 1));
const t0 = performance.now();
let fits = 0;
for (let end = 1000; end < r.length; end += 250) {
  const g = fitGarch(r.subarray(end - 1000, end));
  const v = -(g.params.mu + Math.sqrt(g.forecastVariance(1)[0]) * normalQuantile(0.01));
  if (!Number.isFinite(v)) throw new Error('no VaR');
  fits++;
}
const ours = { engine: 'tsdl', fits, seconds: (performance.now() - t0) / 1000 };
console.log(JSON.stringify(ours));
const python = path.join(__dirname, '..', '.venv-ref', 'bin', 'python');
const theirs = JSON.parse(
  execFileSync(python, [path.join(__dirname, 'garch_rolling.py'), file], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .pop()!,
);
console.log(JSON.stringify(theirs));
console.log(JSON.stringify({ ratio: ours.seconds / theirs.seconds, cpu: os.cpus()[0].model, load: os.loadavg()[0] }));
