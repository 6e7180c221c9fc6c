/**
 * Memory over 100 fit/predict cycles of the fused LSTM and GRU (issue 21's memory target: no tensor growth, RSS
 * growth under 50 MB). A host measurement, so it lives here and not in the suite.
 *
 *   node --expose-gc --require tsx/cjs bench/recurrent-soak.ts [cycles=100]
 */
import * as t from '../lib/index';
import { seededRng } from '../lib/util/rng';

async function main() {
  const cycles = Number(process.argv[2] ?? 100);
  const info = await t.initBackend();
  const gc = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
  const rng = seededRng(1);
  const n = 512;
  const x = Float32Array.from({ length: n * 20 * 3 }, () => rng() - 0.5);
  const y = Float32Array.from({ length: n }, (_, i) => x[i * 60 + 57]);
  const data = { x, xShape: [n, 20, 3], y, yShape: [n, 1] };
  const cycle = async (i: number) => {
    const model = (i % 2 ? t.gruForecaster : t.lstmForecaster)(data, { units: [16, 8], dropout: 0.1, seed: i });
    await t.fitModel(model, data, { epochs: 2, batchSize: 64, progress: 'none' });
    const p = await t.predict(model, data);
    model.dispose();
    return p.length;
  };
  for (let i = 0; i < 5; i++) await cycle(i);
  gc();
  const tensors0 = t.tf.memory().numTensors;
  const rss0 = process.memoryUsage().rss;
  const t0 = Date.now();
  for (let i = 0; i < cycles; i++) await cycle(100 + i);
  gc();
  const out = {
    backend: info.backend,
    kernels: t.recurrentKernel().name,
    cycles,
    tensorGrowth: t.tf.memory().numTensors - tensors0,
    rssGrowthMB: (process.memoryUsage().rss - rss0) / 2 ** 20,
    seconds: (Date.now() - t0) / 1000,
  };
  console.log(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
