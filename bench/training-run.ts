/** One backend's side of the training benchmark (run in its own process: the backend is chosen once). */
import { initBackend } from '../lib/backend';
import { denseClassifier, denseRegressor } from '../lib/models/dense-model';
import { conv1dForecaster, gruForecaster, lstmForecaster } from '../lib/models/sequence-model';
import { fitModel } from '../lib/train/fit-model';
import { median } from './timing';
import { Workload, workloads } from './training-data';
import { tf } from '../lib/backend';
import type { Model } from '../lib/models/model';
import { recurrentKernel } from '../lib/kernels/recurrent';

/** Inference on the trained MLP: one sample (median of 200 calls, after 20 to warm up) and 10,000 rows at once. */
function inference(model: Model, w: Workload): Record<string, number> {
  const time = (rows: number, calls: number) => {
    const x = tf.tensor2d(w.x.subarray(0, rows * w.xShape[1]), [rows, w.xShape[1]]);
    // The whole batch in one call, as Keras's model(x) and PyTorch's forward (tfjs's predict would split it into 32s).
    const run = () => tf.tidy(() => (model.net.predict(x, { batchSize: rows }) as tf.Tensor).dataSync());
    for (let i = 0; i < 20; i++) run();
    const ts: number[] = [];
    for (let i = 0; i < calls; i++) {
      const t0 = process.hrtime.bigint();
      run();
      ts.push(Number(process.hrtime.bigint() - t0) / 1e9);
    }
    x.dispose();
    return median(ts);
  };
  return { infer1: time(1, 200), infer10k: time(10000, 20) };
}

async function main() {
  const info = await initBackend(process.argv[2]);
  const repeats = Number(process.argv[3] ?? 3);
  const only = process.argv[4]?.split(',').filter(Boolean);
  // TSDL_FUSED=off: tfjs's own LSTM/GRU layers, to compare with the fused kernels.
  const fused = process.env.TSDL_FUSED === 'off' ? false : undefined;
  const out: Record<string, number | string> = {
    _backend: info.backend,
    _threads: info.threads,
    _kernels: process.env.TSDL_FUSED === 'off' ? 'tfjs layers' : recurrentKernel().name,
  };
  for (const w of workloads()) {
    if (only?.length && !only.includes(w.kind)) continue;
    const data = { x: w.x, xShape: w.xShape, y: w.y, yShape: w.yShape };
    const times: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const units = w.units;
      const model =
        w.kind === 'medical'
          ? denseClassifier(data, { units, dropout: 0.3, seed: 1 })
          : w.kind === 'lstm' || w.kind === 'lstm128'
            ? lstmForecaster(data, { units, seed: 1, fused })
            : w.kind === 'gru'
              ? gruForecaster(data, { units, seed: 1, fused })
              : w.kind === 'conv1d'
                ? conv1dForecaster(data, { units, seed: 1 })
                : denseRegressor(data, { units, seed: 1 });
      const t0 = process.hrtime.bigint();
      await fitModel(model, data, { epochs: w.epochs, batchSize: w.batchSize, progress: 'none' });
      times.push(Number(process.hrtime.bigint() - t0) / 1e9);
      if (w.kind === 'mlp' && r === repeats - 1) Object.assign(out, inference(model, w));
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
