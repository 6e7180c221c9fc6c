/**
 * Peak memory of one reduction (the mean of a column) over a CSV file, in a fresh process per way: loadCsv (the
 * whole table) and scanCsv with 16, 4 and 1 MiB blocks; pandas' read_csv beside them.
 *
 *   npx tsx bench/csv-rss.ts FILE COLUMN
 */
import { execFileSync } from 'child_process';
import * as path from 'path';

const [file, column, mode, bytes] = process.argv.slice(2);
if (!file || !column) throw new Error('usage: npx tsx bench/csv-rss.ts FILE COLUMN');
if (mode) {
  (async () => {
    let sum = 0;
    let n = 0;
    const add = (v: Float64Array) => {
      for (let i = 0; i < v.length; i++) ((sum += v[i]), n++);
    };
    if (mode === 'load') {
      const { loadCsv } = require('../lib/data/load-csv') as typeof import('../lib/data/load-csv');
      const { collectNotices } = require('../lib/util/notice') as typeof import('../lib/util/notice');
      add(collectNotices(() => loadCsv(file)).result.numbers(column));
    } else {
      const { scanCsv } = require('../lib/data/scan-csv') as typeof import('../lib/data/scan-csv');
      await scanCsv(file, { batchBytes: Number(bytes) }, (t) => add(t.numbers(column)));
    }
    console.log(JSON.stringify({ mean: sum / n, maxRssMb: process.resourceUsage().maxRSS / 1024 }));
  })();
} else {
  const run = (...a: string[]) =>
    JSON.parse(
      execFileSync(process.execPath, ['--require', 'tsx/cjs', __filename, file, column, ...a], { encoding: 'utf8' })
        .trim()
        .split('\n')
        .pop()!,
    );
  const py = `import pandas as pd, resource, json; d = pd.read_csv(${JSON.stringify(file)}); print(json.dumps({'mean': float(d[${JSON.stringify(column)}].mean()), 'maxRssMb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))`;
  const rows: [string, { mean: number; maxRssMb: number }][] = [
    ['loadCsv (whole table)', run('load')],
    ...[16, 4, 1].map((mb) => [`scanCsv (${mb} MiB blocks)`, run('scan', String(mb * 2 ** 20))] as [string, { mean: number; maxRssMb: number }]),
    ['pandas read_csv', JSON.parse(execFileSync(path.join(__dirname, '..', '.venv-ref', 'bin', 'python'), ['-c', py], { encoding: 'utf8' }).trim())],
  ];
  for (const [label, r] of rows) console.log(`${label.padEnd(24)} peak RSS ${r.maxRssMb.toFixed(0).padStart(5)} MB   mean ${r.mean.toFixed(12)}`);
}
