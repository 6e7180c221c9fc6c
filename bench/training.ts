/**
 * Training benchmark (issues 4 and 21): the workloads trained with Keras (TensorFlow CPU) and PyTorch (CPU) in the
 * same run, on the same arrays, and with this library on each backend that loads here. Prints seconds and the
 * ratios to Keras and PyTorch, then one JSON line per workload and backend.
 *
 *   npx tsx bench/training.ts [repeats=3] [backends=tensorflow,wasm,cpu] [kinds=mlp,lstm,gru,medical]
 *
 * TSDL_FUSED=off in the environment trains the recurrent models with tfjs's own layers instead of the fused ones.
 */
import { execFileSync, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { printTable } from './timing';
import { workloads, writeWorkloads } from './training-data';

const ROOT = path.join(__dirname, '..');
const PY = path.join(ROOT, '.venv-ref', 'bin', 'python');

function reference(script: string, index: string, repeats: string): Record<string, number | string | Record<string, number>> | null {
  if (!fs.existsSync(PY)) return null;
  try {
    return JSON.parse(
      execFileSync(PY, [path.join(__dirname, script), index, repeats], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n')
        .pop()!,
    );
  } catch (e) {
    console.log(`[${script}] failed: ${(e as Error).message.split('\n')[0]}`);
    return null;
  }
}

function main() {
  const repeats = process.argv[2] ?? '3';
  const backends = (process.argv[3] ?? 'tensorflow,wasm,cpu').split(',');
  const kinds = process.argv[4] ?? '';
  const index = writeWorkloads(path.join(ROOT, 'bench', 'out', 'training'));
  const load0 = os.loadavg()[0];
  const keras = reference('training.py', index, repeats);
  const torch = reference('training_torch.py', index, repeats);
  const results: Record<string, Record<string, number | string>> = {};
  for (const b of backends) {
    // The cpu backend is plain JavaScript: one repeat.
    const res = spawnSync(process.execPath, ['--require', 'tsx/cjs', path.join(__dirname, 'training-run.ts'), b, b === 'cpu' ? '1' : repeats, kinds], {
      cwd: ROOT,
      encoding: 'utf8',
      timeout: 900000,
    });
    if (res.status !== 0) {
      console.log(
        `[${b}] not available: ${
          (res.stderr || res.error?.message || '')
            .trim()
            .split('\n')
            .find((l) => l.includes('Error')) ?? 'failed'
        }`,
      );
      continue;
    }
    results[b] = JSON.parse(res.stdout.trim().split('\n').pop()!);
  }
  const keep = kinds ? kinds.split(',') : null;
  console.log(
    `\nTraining, seconds (median of ${repeats}). Keras: ${keras?._versions ?? 'not run'}; PyTorch: ${torch?._versions ?? 'not run'}, best of 1 and 2 threads. Load average ${load0.toFixed(2)} → ${os.loadavg()[0].toFixed(2)}.\n`,
  );
  const rows: (string | number)[][] = [];
  const lines: string[] = [];
  // Each row group: a training workload, or inference on the trained MLP (the whole batch in one call on each side).
  const threadsOf = (kind: string) => (torch?._threads as Record<string, number> | undefined)?.[kind];
  const groups = [
    ...workloads()
      .filter((w) => !keep || keep.includes(w.kind))
      .map((w) => ({
        kind: w.kind as string,
        name: w.name,
        keras: 'Keras (TF CPU)',
        torch: `PyTorch (${threadsOf(w.kind)} thr)`,
        tsdl: (b: string, r: Record<string, number | string>) => `tsdl ${b} (${r._threads} thr)`,
      })),
    ...(keep && !keep.includes('mlp')
      ? []
      : [
          ['infer1', 'inference, MLP, 1 sample'],
          ['infer10k', 'inference, MLP, 10,000 rows'],
        ]
    ).map(([kind, name]) => ({
      kind,
      name,
      keras: 'Keras (model(x))',
      torch: 'PyTorch (1 thr, no_grad)',
      tsdl: (b: string) => `tsdl ${b} (predict)`,
    })),
  ];
  for (const g of groups) {
    const k = keras?.[g.kind] as number | undefined;
    const t = torch?.[g.kind] as number | undefined;
    if (k !== undefined) rows.push([g.name, g.keras, k, 1, t !== undefined ? k / t : '']);
    if (t !== undefined) rows.push(['', g.torch, t, k !== undefined ? t / k : '', 1]);
    for (const [b, r] of Object.entries(results)) {
      const s = r[g.kind] as number | undefined;
      if (s === undefined) continue;
      rows.push(['', g.tsdl(b, r), s, k !== undefined ? s / k : '', t !== undefined ? s / t : '']);
      lines.push(JSON.stringify({ workload: g.kind, tsdl_s: s, keras_s: k ?? null, torch_s: t ?? null, backend: b, threads: r._threads, kernels: r._kernels }));
    }
  }
  printTable(['workload', 'runner', 'seconds', '÷ Keras', '÷ PyTorch'], rows);
  for (const l of lines) console.log(l);
}

main();
