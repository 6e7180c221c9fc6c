// Quantile heads (models/build.ts): the pinball loss, a trained head's coverage, and the refusals.
import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { quantileLevels, quantileLoss } from '../../lib/models/build';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { lstmForecaster } from '../../lib/models/sequence-model';
import { linearRegression } from '../../lib/models/linear-model';
import { pinballLoss } from '../../lib/finance/probabilistic-scores';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { seededRng } from '../../lib/util/rng';
import { InputError } from '../../lib/util/errors';
import { expectError, tempDir } from '../helpers';
import { loadBundle, saveBundle } from '../../lib/train/bundle';

/** y = x + noise whose spread grows with |x|: the quantiles fan out, a mean model cannot show it. */
function heteroscedastic(n: number, seed: number) {
  const rng = seededRng(seed);
  const x = new Float32Array(n);
  const y = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = 2 * rng() - 1;
    // Box–Muller normal noise.
    const z = Math.sqrt(-2 * Math.log(rng() || 1e-12)) * Math.cos(2 * Math.PI * rng());
    y[i] = x[i] + (0.1 + 0.5 * Math.abs(x[i])) * z;
  }
  return { x, xShape: [n, 1] as [number, number], y, yShape: [n, 1] as [number, number] };
}

describe('quantile heads (models/build.ts)', () => {
  it('the loss is the mean pinball loss over levels, by hand and as finance.pinballLoss (= scikit-learn) per level', () => {
    const loss = quantileLoss([0.1, 0.5, 0.9]);
    // y = 1 against 0.5, 1 and 2: 0.1·0.5, 0, 0.1·1 → mean 0.05.
    const v = tf.tidy(() => loss(tf.tensor2d([[1, 1, 1]]), tf.tensor2d([[0.5, 1, 2]])).dataSync()[0]);
    expect(v).to.be.closeTo(0.05, 1e-7);
    const y = [0.3, -1.2, 2.5, 0.8];
    const p = [
      [0.1, 0.4, 0.9],
      [-2, -1, 0],
      [1, 2, 3],
      [0.8, 0.8, 0.8],
    ];
    const tiled = y.map((t) => [t, t, t]);
    const ours = tf.tidy(() => loss(tf.tensor2d(tiled), tf.tensor2d(p)).dataSync()[0]);
    const reference =
      [0.1, 0.5, 0.9].reduce(
        (s, q, k) =>
          s +
          pinballLoss(
            y,
            p.map((r) => r[k]),
            q,
          ),
        0,
      ) / 3;
    expect(ours).to.be.closeTo(reference, 1e-6);
  });

  it('a dense quantile head learns a widening band: held-out coverage of [q0.05, q0.95] near 90%, quantiles never cross', async function () {
    this.timeout(60_000);
    const train = heteroscedastic(3000, 1);
    const test = heteroscedastic(2000, 2);
    const m = denseRegressor(train, { units: [32, 32], quantiles: [0.05, 0.5, 0.95], seed: 4, learningRate: 0.01 });
    expect(m.outputSize).to.equal(3);
    await fitModel(m, train, { epochs: 40, batchSize: 128, progress: 'none' });
    const q = await predict(m, test);
    m.dispose();
    let inside = 0;
    let widthNear0 = 0;
    let widthFar = 0;
    for (let i = 0; i < test.x.length; i++) {
      const [lo, mid, hi] = [q[3 * i], q[3 * i + 1], q[3 * i + 2]];
      expect(lo <= mid && mid <= hi, `row ${i} crosses`).to.equal(true);
      if (test.y[i] >= lo && test.y[i] <= hi) inside++;
      if (Math.abs(test.x[i]) < 0.2) widthNear0 += hi - lo;
      if (Math.abs(test.x[i]) > 0.8) widthFar += hi - lo;
    }
    expect(inside / test.x.length).to.be.within(0.85, 0.95);
    // The band widens where the noise does (about 0.2 → 0.55 in σ, so well over 1.5× wider).
    const near = widthNear0 / test.x.filter((v) => Math.abs(v) < 0.2).length;
    const far = widthFar / test.x.filter((v) => Math.abs(v) > 0.8).length;
    expect(far / near).to.be.above(1.5);
  });

  it('sequence and linear builders take quantiles too (outputs per target and level); classifiers and bad levels are refused', async () => {
    const win = {
      x: Float32Array.from({ length: 40 * 6 * 2 }, (_, i) => Math.sin(i)),
      xShape: [40, 6, 2],
      y: Float32Array.from({ length: 40 }, (_, i) => Math.cos(i)),
      yShape: [40, 1],
    };
    const m = lstmForecaster(win, { units: [4], quantiles: [0.1, 0.9], seed: 1 });
    await fitModel(m, win, { epochs: 2, progress: 'none' });
    expect((await predict(m, win)).length).to.equal(80);
    m.dispose();
    const lin = linearRegression(heteroscedastic(50, 3), { quantiles: [0.25, 0.5, 0.75] });
    expect(lin.outputSize).to.equal(3);
    lin.dispose();
    const d = heteroscedastic(10, 5);
    const labels = { ...d, y: new Float32Array(10) };
    expectError(() => denseClassifier(labels, { quantiles: [0.5] }), InputError, 'quantiles apply to regression');
    expectError(() => quantileLevels({ quantiles: [0.5, 0.1] }, 'regression', 'denseRegressor'), InputError, 'must increase');
    expectError(() => quantileLevels({ quantiles: [0, 0.5] }, 'regression', 'denseRegressor'), InputError, 'strictly between 0 and 1');
  });

  it('a bundle keeps the quantile head: the same sorted quantiles after loading, and it trains on the pinball loss again', async () => {
    const d = heteroscedastic(200, 7);
    const m = denseRegressor(d, { units: [8], quantiles: [0.1, 0.9], seed: 2 });
    await fitModel(m, d, { epochs: 2, progress: 'none' });
    const dir = tempDir('tsdl-quantile-bundle-');
    await saveBundle(dir, { model: m, features: ['x'], targets: ['y'] });
    const b = await loadBundle(dir);
    expect(b.model.quantiles).to.deep.equal([0.1, 0.9]);
    expect(Array.from(await predict(b.model, d))).to.deep.equal(Array.from(await predict(m, d)));
    // Compiled with the pinball loss (a function), not the regression default "meanSquaredError".
    expect(typeof (b.model.net as unknown as { loss: unknown }).loss).to.equal('function');
    const h = await fitModel(b.model, d, { epochs: 1, progress: 'none' });
    expect(Number.isFinite(h.loss[0])).to.equal(true);
    m.dispose();
    b.model.dispose();
  });
});
