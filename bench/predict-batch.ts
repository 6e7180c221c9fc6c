/**
 * predict's default batch (issue 34): 10,000 rows of a 20→64→64→1 MLP in one call against the former batches of
 * 256 (which tfjs split again into 32s), and one sample. Median of 15 after 3 warm-ups, one process.
 *
 *   npx tsx bench/predict-batch.ts
 */
import * as os from 'os';
import { initBackend, tf } from '../lib/backend';
import { denseRegressor } from '../lib/models/dense-model';
import { predict } from '../lib/train/predict';
(async () => {
  await initBackend('wasm');
  const rows = 10000;
  const data = {
    x: Float32Array.from({ length: rows * 20 }, (_, i) => Math.sin(i)),
    xShape: [rows, 20] as [number, number],
    y: new Float32Array(rows),
    yShape: [rows, 1] as [number, number],
  };
  const m = denseRegressor(data, { units: [64, 64], seed: 1 });
  const old = async () => {
    for (let s = 0; s < rows; s += 256) {
      const e = Math.min(rows, s + 256);
      const y = tf.tidy(() => m.net.predict(tf.tensor(data.x.subarray(s * 20, e * 20), [e - s, 20])) as tf.Tensor);
      await y.data();
      y.dispose();
    }
  };
  const time = async (f: () => Promise<unknown>) => {
    for (let i = 0; i < 3; i++) await f();
    const ts: number[] = [];
    for (let i = 0; i < 15; i++) {
      const t0 = performance.now();
      await f();
      ts.push(performance.now() - t0);
    }
    ts.sort((a, b) => a - b);
    return ts[7];
  };
  const a = await time(old);
  const b = await time(() => predict(m, data));
  const one = { ...data, x: data.x.subarray(0, 20), xShape: [1, 20] as [number, number] };
  const c = await time(() => predict(m, one));
  console.log(JSON.stringify({ cpu: os.cpus()[0]?.model, load: os.loadavg()[0], rows, oldMs: a, newMs: b, ratio: a / b, oneSampleMs: c }));
})();
