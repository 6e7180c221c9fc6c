/**
 * Columnar loading (issue 24): the same 1,000,000-row table (minute timestamps, two float columns, an int64, a
 * 3-symbol categorical) as Parquet, Feather and CSV, written by pandas (bench/columnar_load.py, same run), loaded by
 * pandas + pyarrow and by this library. Prints ms (best of 3) and the ratio library / pandas.
 *
 *   npx tsx bench/columnar-load.ts [rows]
 */
import { execFileSync } from 'child_process';
import * as os from 'os';
import * as path from 'path';
import { loadArrow } from '../lib/data/load-arrow';
import { loadCsv } from '../lib/data/load-csv';
import { loadParquet } from '../lib/data/load-parquet';
import { collectNotices } from '../lib/util/notice';

const rows = Number(process.argv[2] ?? 1_000_000);
const dir = path.join(os.tmpdir(), 'tsdl-columnar-bench');
const py = JSON.parse(
  execFileSync(path.join(__dirname, '..', '.venv-ref', 'bin', 'python'), [path.join(__dirname, 'columnar_load.py'), dir, String(rows)], { encoding: 'utf8' }),
);
const best = (f: () => unknown) => {
  let b = Infinity;
  for (let i = 0; i < 3; i++) {
    const t = performance.now();
    collectNotices(f);
    b = Math.min(b, performance.now() - t);
  }
  return b;
};
const ours: Record<string, number> = {
  read_parquet: best(() => loadParquet(path.join(dir, 'bench.parquet'))),
  'read_parquet one column': best(() => loadParquet(path.join(dir, 'bench.parquet'), { columns: ['price'] })),
  read_feather: best(() => loadArrow(path.join(dir, 'bench.feather'))),
  read_csv: best(() => loadCsv(path.join(dir, 'bench.csv'))),
};
console.log(`${rows.toLocaleString('en-US')} rows; ms, best of 3`);
for (const k of Object.keys(ours))
  console.log(`${k.padEnd(26)} tsdl ${ours[k].toFixed(0).padStart(6)}   pandas ${py[k].toFixed(0).padStart(6)}   ratio ${(ours[k] / py[k]).toFixed(2)}`);
