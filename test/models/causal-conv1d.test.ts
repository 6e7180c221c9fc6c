/** conv1dForecaster's causal convolution (CausalConv1D), checked by hand, against tfjs's conv1d, and by training. */
import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { CausalConv1D } from '../../lib/models/causal-conv1d';
import { conv1dForecaster } from '../../lib/models/sequence-model';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { seededRng } from '../../lib/util/rng';
import { expectNoTensorLeak } from '../helpers';

describe('causal Conv1D (conv1dForecaster)', () => {
  it('output at step t is w0·x[t−1] + w1·x[t] + b, with x[−1] = 0 (Keras padding="causal"), by hand', () => {
    const net = tf.sequential({ layers: [new CausalConv1D({ filters: 1, kernelSize: 2, activation: 'linear', inputShape: [4, 1] })] });
    net.layers[0].setWeights([tf.tensor3d([2, 3], [2, 1, 1]), tf.tensor1d([0.5])]);
    const y = tf.tidy(() => (net.predict(tf.tensor3d([1, 10, 100, 1000], [1, 4, 1])) as tf.Tensor).dataSync());
    // t=0: 2·0 + 3·1 + .5; t=1: 2·1 + 3·10 + .5; t=2: 2·10 + 3·100 + .5; t=3: 2·100 + 3·1000 + .5
    expect(Array.from(y)).to.deep.equal([3.5, 32.5, 320.5, 3200.5]);
    net.dispose();
  });

  it("equals tfjs's conv1d ('valid') on the zero-padded input, filters × features > 1", () => {
    const layer = new CausalConv1D({ filters: 3, kernelSize: 3, activation: 'linear' });
    const x = tf.randomNormal([2, 7, 4], 0, 1, 'float32', 5);
    const y = layer.apply(x) as tf.Tensor;
    const [kernel, bias] = layer.getWeights();
    const want = tf.tidy(() =>
      tf.add(
        tf.conv1d(
          tf.pad(x, [
            [0, 0],
            [2, 0],
            [0, 0],
          ]) as tf.Tensor3D,
          kernel as tf.Tensor3D,
          1,
          'valid',
        ),
        bias,
      ),
    );
    expect(y.shape).to.deep.equal([2, 7, 3]);
    expect(tf.tidy(() => tf.max(tf.abs(tf.sub(y, want))).dataSync()[0])).to.be.below(1e-5);
    tf.dispose([x, y, want]);
    layer.dispose();
  });

  it("trains and predicts (tfjs's Conv1D threw at the first fit: causal padding not implemented, no Conv2DBackpropFilter on wasm), no tensors left", async () => {
    const rng = seededRng(2);
    const n = 96;
    const x = Float32Array.from({ length: n * 12 * 2 }, () => rng() - 0.5);
    const y = Float32Array.from({ length: n }, (_, i) => x[i * 24 + 22]);
    const data = { x, xShape: [n, 12, 2], y, yShape: [n, 1] };
    await expectNoTensorLeak(async () => {
      const model = conv1dForecaster(data, { units: [8, 4], kernelSize: 3, seed: 1 });
      const h = await fitModel(model, data, { epochs: 3, batchSize: 16, progress: 'none' });
      expect(h.loss).to.have.length(3);
      const p = await predict(model, data);
      expect(p.length).to.equal(n);
      expect(Array.from(p).every(Number.isFinite)).to.equal(true);
      model.dispose();
    });
  });
});
