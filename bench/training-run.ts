/** One backend's side of the training benchmark (run in its own process: the backend is chosen once). */
import { initBackend } from '../lib/backend';
import { denseClassifier, denseRegressor } from '../lib/models/dense-model';
import { gruForecaster, lstmForecaster } from '../lib/models/sequence-model';
import { fitModel } from '../lib/train/fit-model';
import { median } from './timing';
import { workloads } from './training-data';
import { recurrentKernel } from '../lib/kernels/recurrent';

async function main() {
  const info = await initBackend(process.argv[2]);
  const repeats = Number(process.argv[3] ?? 3);
  const only = process.argv[4]?.split(',').filter(Boolean);
  // TSDL_FUSED=off: tfjs's own LSTM/GRU layers, to compare with the fused kernels.
  const fused = process.env.TSDL_FUSED === 'off' ? false : undefined;
  const out: Record<string, number | string> = { _backend: info.backend, _threads: info.threads, _kernels: process.env.TSDL_FUSED === 'off' ? 'tfjs layers' : recurrentKernel().name };
  for (const w of workloads()) {
    if (only?.length && !only.includes(w.kind)) continue;
    const data = { x: w.x, xShape: w.xShape, y: w.y, yShape: w.yShape };
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const model = w.kind === 'mlp' ? denseRegressor(data, { units: [64, 64], seed: 1 }) : w.kind === 'lstm' ? lstmForecaster(data, { units: [32], seed: 1, fused }) : w.kind === 'gru' ? gruForecaster(data, { units: [32], seed: 1, fused }) : denseClassifier(data, { units: [32, 16], dropout: 0.3, seed: 1 });
      const t0 = process.hrtime.bigint();
      await fitModel(model, data, { epochs: w.epochs, batchSize: w.batchSize, progress: 'none' });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      model.dispose();
    }
    out[w.kind] = median(times);
  }
  console.log(JSON.stringify(out));
}
main().catch((e) => {
  console.error(e);
  process.exit(1);
});
