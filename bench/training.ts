/**
 * Training benchmark (issue 4): three workloads trained with Keras on CPU (Python, same run, same arrays) and
 * with this library on each backend that loads here. Prints seconds, samples/s and the ratio to Keras.
 *
 *   npx tsx bench/training.ts [repeats=3] [backends=tensorflow,wasm,cpu]
 */
import { execFileSync, spawnSync } from 'child_process';
import * as path from 'path';
import { printTable } from './timing';
import { workloads, writeWorkloads } from './training-data';

const ROOT = path.join(__dirname, '..');

function main() {
  const repeats = process.argv[2] ?? '3';
  const backends = (process.argv[3] ?? 'tensorflow,wasm,cpu').split(',');
  const index = writeWorkloads(path.join(ROOT, 'bench', 'out', 'training'));
  const keras = JSON.parse(execFileSync(path.join(ROOT, '.venv-ref', 'bin', 'python'), [path.join(__dirname, 'training.py'), index, repeats], { encoding: 'utf8' }).trim().split('\n').pop()!);
  const results: Record<string, Record<string, number | string>> = {};
  for (const b of backends) {
    // The cpu backend is plain JavaScript: one repeat, and the LSTM only if it finishes within the limit.
    const res = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'training-run.ts'), b, b === 'cpu' ? '1' : repeats], { cwd: ROOT, encoding: 'utf8', timeout: 600000 });
    if (res.status !== 0) {
      console.log(`[${b}] not available: ${(res.stderr || res.error?.message || '').trim().split('\n').find((l) => l.includes('Error')) ?? 'failed'}`);
      continue;
    }
    results[b] = JSON.parse(res.stdout.trim().split('\n').pop()!);
  }
  console.log(`\nTraining, seconds of fit (median of ${repeats}; cpu backend 1 run). Keras: ${keras._versions}, ${keras._threads} threads.\n`);
  const rows: (string | number)[][] = [];
  for (const w of workloads()) {
    const samples = w.xShape[0] * w.epochs;
    rows.push([w.name, 'Keras (TF CPU)', keras[w.kind], Math.round(samples / keras[w.kind]), 1]);
    for (const [b, r] of Object.entries(results)) {
      const s = r[w.kind] as number;
      rows.push(['', `tsdl ${b} (${r._threads} thr)`, s, Math.round(samples / s), s / keras[w.kind]]);
    }
  }
  printTable(['workload', 'runner', 'seconds', 'samples/s', 'ratio to Keras'], rows);
}

main();
