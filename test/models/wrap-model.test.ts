import { expect } from 'chai';
import * as path from 'path';
import { tf } from '../../lib/backend';
import { wrapModel } from '../../lib/models/wrap-model';
import { loadBundle, saveBundle } from '../../lib/train/bundle';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectClose, expectError, expectNoTensorLeak, tempDir } from '../helpers';

describe("wrapModel: the user's own tf.LayersModel trains, predicts and saves like a built one", function () {
  this.timeout(60000);
  const rng = seededRng(21);
  const n = 64;
  const x = Float32Array.from({ length: n * 3 }, () => rng() * 2 - 1);
  const yReg = Float32Array.from({ length: n }, (_, i) => x[3 * i] - 0.5 * x[3 * i + 2]);
  const yBin = Float32Array.from(yReg, (v) => (v > 0 ? 1 : 0));

  it('an uncompiled tf.sequential regressor: compiled with Adam, fitted, saved, loaded with the same predictions', async () => {
    await expectNoTensorLeak(async () => {
      const net = tf.sequential({
        layers: [
          tf.layers.dense({ units: 8, activation: 'tanh', inputShape: [3], kernelInitializer: tf.initializers.glorotUniform({ seed: 1 }) }),
          tf.layers.dense({ units: 1, kernelInitializer: tf.initializers.glorotUniform({ seed: 2 }) }),
        ],
      });
      const model = wrapModel(net, { task: 'regression', learningRate: 0.01 });
      expect(model.inputShape).to.deep.equal([3]);
      const h = await fitModel(model, { x, xShape: [n, 3], y: yReg, yShape: [n, 1] }, { epochs: 40, progress: 'none' });
      expect(h.loss[h.loss.length - 1]).to.be.below(h.loss[0] / 3);
      const p = await predict(model, { x, xShape: [n, 3] });
      const dir = path.join(tempDir(), 'byo');
      await saveBundle(dir, { model, features: ['a', 'b', 'c'], targets: ['y'] });
      model.dispose();
      const back = await loadBundle(dir);
      expectClose(await predict(back.model, { x, xShape: [n, 3] }), Array.from(p), 0);
      back.dispose();
    });
  });

  it('a compiled functional binary classifier keeps its optimizer and trains', async () => {
    await expectNoTensorLeak(async () => {
      const input = tf.input({ shape: [3] });
      const hidden = tf.layers
        .dense({ units: 6, activation: 'relu', kernelInitializer: tf.initializers.glorotUniform({ seed: 3 }) })
        .apply(input) as tf.SymbolicTensor;
      const out = tf.layers
        .dense({ units: 1, activation: 'sigmoid', kernelInitializer: tf.initializers.glorotUniform({ seed: 4 }) })
        .apply(hidden) as tf.SymbolicTensor;
      const net = tf.model({ inputs: input, outputs: out });
      const sgd = tf.train.sgd(0.5);
      net.compile({ optimizer: sgd, loss: 'binaryCrossentropy' });
      const model = wrapModel(net, { task: 'binary' });
      expect(model.optimizer).to.equal(sgd);
      expect(model.spec.learningRate).to.equal(0.5);
      const h = await fitModel(model, { x, xShape: [n, 3], y: yBin, yShape: [n, 1] }, { epochs: 30, progress: 'none' });
      expect(h.loss[h.loss.length - 1]).to.be.below(h.loss[0]);
      const p = await predict(model, { x, xShape: [n, 3] });
      expect(Math.min(...p)).to.be.at.least(0);
      expect(Math.max(...p)).to.be.at.most(1);
      model.dispose();
    });
  });

  it('refuses heads and losses that would give wrong numbers, naming the fix', () => {
    const logits = tf.sequential({ layers: [tf.layers.dense({ units: 1, inputShape: [3] })] });
    expectError(() => wrapModel(logits, { task: 'binary' }), InputError, 'activation "linear"', "activation 'sigmoid'");
    const softmax2 = tf.sequential({ layers: [tf.layers.dense({ units: 3, activation: 'softmax', inputShape: [3] })] });
    softmax2.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
    expectError(() => wrapModel(softmax2, { task: 'multiclass' }), InputError, 'categoricalCrossentropy', 'sparseCategoricalCrossentropy');
    expectError(() => wrapModel(softmax2, { task: 'binary' }), InputError, 'one output', 'has 3');
    const anyLength = tf.input({ shape: [null, 3] });
    const noShape = tf.model({
      inputs: anyLength,
      outputs: tf.layers.dense({ units: 1 }).apply(tf.layers.globalAveragePooling1d({}).apply(anyLength)) as tf.SymbolicTensor,
    });
    expectError(() => wrapModel(noShape, { task: 'regression' }), InputError, 'inputShape');
    expectError(() => wrapModel({} as tf.LayersModel, { task: 'regression' }), InputError, 'takes a tf.LayersModel');
    expectError(() => wrapModel(logits, { task: 'forecast' as 'regression' }), InputError, '"forecast"');
    tf.dispose([logits, softmax2, noShape].flatMap((m) => m.getWeights()));
  });
});
