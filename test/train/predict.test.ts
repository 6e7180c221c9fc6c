import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { denseRegressor } from '../../lib/models/dense-model';
import { lstmForecaster } from '../../lib/models/sequence-model';
import { defaultPredictBatch, predict } from '../../lib/train/predict';

describe('predict batches (train/predict.ts)', () => {
  const rows = 600;
  const data = {
    x: Float32Array.from({ length: rows * 20 }, (_, i) => Math.sin(i * 0.37)),
    xShape: [rows, 20] as [number, number],
    y: new Float32Array(rows),
    yShape: [rows, 1] as [number, number],
  };

  it('by default one call holds every sample while the activations fit in 2²⁴ floats (by hand for a dense net)', () => {
    const m = denseRegressor(data, { units: [64, 64], seed: 1 });
    // Per sample: 20 inputs + 64 + 64 + 1 outputs = 149 floats; 2²⁴ / 149 = 112,598 samples.
    expect(defaultPredictBatch(m, 1e6)).to.equal(Math.floor(2 ** 24 / 149));
    expect(defaultPredictBatch(m, rows)).to.equal(rows);
    m.dispose();
  });

  it('gives the same values in one call, in batches of 7, and as one tfjs predict of all rows', async () => {
    const m = denseRegressor(data, { units: [64, 64], seed: 2 });
    const before = tf.memory().numTensors;
    const whole = await predict(m, data);
    const small = await predict(m, data, { batchSize: 7 });
    const direct = tf.tidy(() => Array.from((m.net.predict(tf.tensor2d(data.x, [rows, 20]), { batchSize: rows }) as tf.Tensor).dataSync()));
    whole.forEach((v, i) => {
      expect(v).to.be.closeTo(small[i], 1e-6);
      expect(v).to.be.closeTo(direct[i], 1e-6);
    });
    expect(tf.memory().numTensors).to.equal(before);
    m.dispose();
  });

  it('sequence models too: the window inputs and every layer output count', async () => {
    const win = { x: Float32Array.from({ length: 50 * 12 * 3 }, (_, i) => Math.cos(i)), xShape: [50, 12, 3], y: new Float32Array(50), yShape: [50, 1] };
    const m = lstmForecaster(win, { units: [8], seed: 3 });
    expect(defaultPredictBatch(m, 1e9)).to.be.below(2 ** 24 / (12 * 3));
    const a = await predict(m, win);
    const b = await predict(m, win, { batchSize: 5 });
    a.forEach((v, i) => expect(v).to.be.closeTo(b[i], 1e-6));
    m.dispose();
  });
});
