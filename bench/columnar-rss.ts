/**
 * Peak memory of one reduction (the mean of "price") over a Parquet file, in a fresh process per way: this
 * library's loadParquet (the whole table), its scanParquet (batches of 65,536 rows), and pandas' read_parquet.
 * Run bench/columnar-load.ts first (it writes the file).
 *
 *   npx tsx bench/columnar-rss.ts [file]
 */
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';

const file = process.argv[2] ?? path.join(os.tmpdir(), 'tsdl-columnar-bench', 'bench.parquet');
const mode = process.argv[3];
if (mode) {
  (async () => {
    let sum = 0;
    let n = 0;
    if (mode === 'load') {
      const { loadParquet } = require('../lib/data/load-parquet') as typeof import('../lib/data/load-parquet');
      for (const v of loadParquet(file).numbers('price')) ((sum += v), n++);
    } else {
      const { scanParquet } = require('../lib/data/scan-parquet') as typeof import('../lib/data/scan-parquet');
      await scanParquet(file, {}, (t) => {
        for (const v of t.numbers('price')) ((sum += v), n++);
      });
    }
    console.log(JSON.stringify({ mean: sum / n, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  })();
} else {
  const run = (m: string) => JSON.parse(execFileSync(process.execPath, ['--require', 'tsx/cjs', __filename, file, m], { encoding: 'utf8' }).trim());
  const py = `import pandas as pd, resource; d = pd.read_parquet(${JSON.stringify(file)}); m = d['price'].mean(); import json; print(json.dumps({'mean': float(m), 'maxRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))`;
  const pandas = JSON.parse(execFileSync(path.join(__dirname, '..', '.venv-ref', 'bin', 'python'), ['-c', py], { encoding: 'utf8' }).trim());
  for (const [label, r] of [
    ['loadParquet (whole table)', run('load')],
    ['scanParquet (batches)', run('scan')],
    ['pandas read_parquet', pandas],
  ] as [string, { mean: number; maxRssMb: number }][])
    console.log(`${label.padEnd(28)} peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB   mean ${r.mean.toFixed(12)}`);
}
