/**
 * Report-grid throughput (issue 24): the same 4-run grid of notebooks/00-smoke.ipynb run in sequence (no Dask) and
 * on Dask LocalClusters of 1 and 2 workers, in reports per minute (cluster start included).
 *
 *   npx tsx bench/grid-throughput.ts [runs]
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const runs = Number(process.argv[2] ?? 4);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tsdl-grid-bench-'));
const grid = path.join(tmp, 'grid.json');
fs.writeFileSync(grid, JSON.stringify(Array.from({ length: runs }, (_, i) => ({ epochs: 3, seed: i + 1 }))));
for (const [label, extra] of [
  ['sequential', []],
  ['Dask, 1 worker', ['--workers', '1']],
  ['Dask, 2 workers', ['--workers', '2']],
] as [string, string[]][]) {
  const t = performance.now();
  const res = spawnSync(
    path.join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/run-notebooks.ts', 'notebooks/00-smoke.ipynb', '--grid', grid, '--out', path.join(tmp, label.replace(/\W+/g, '-')), ...extra],
    { cwd: ROOT, encoding: 'utf8' },
  );
  const s = (performance.now() - t) / 1000;
  console.log(
    `${label.padEnd(16)} ${runs} reports in ${s.toFixed(1)} s: ${((60 * runs) / s).toFixed(1)} reports/min${res.status === 0 ? '' : ` (exit ${res.status})`}`,
  );
}
fs.rmSync(tmp, { recursive: true, force: true });
