import { expect } from 'chai';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { tf } from '../../lib/backend';
import { wrapModel } from '../../lib/models/wrap-model';
import { portableTopology } from '../../lib/models/portable-topology';
import { loadBundle, saveBundle } from '../../lib/train/bundle';
import { fitModel } from '../../lib/train/fit-model';
import { loadModel } from '../../lib/train/load-model';
import { predict } from '../../lib/train/predict';
import { BundleError, InputError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectClose, expectError, expectNoTensorLeak, expectRejects, tempDir } from '../helpers';
import { PORTABLE_CASES, portableInputs, portableModel } from './portable-models';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures', 'keras');
const readJson = (f: string) => JSON.parse(fs.readFileSync(f, 'utf8'));

/** Maximum absolute difference, for messages. */
function maxDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  expect(a.length).to.equal(b.length);
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
}

/** model.json without what depends on the process (generated layer names, version stamp). */
function shapeOf(modelJson: {
  modelTopology: { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
  weightsManifest: { weights: { shape: number[]; dtype: string }[] }[];
}) {
  return {
    layers: modelJson.modelTopology.config.layers.map((l) => ({ class_name: l.class_name, config: { ...l.config, name: undefined } })),
    weights: modelJson.weightsManifest[0].weights.map((w) => [w.shape, w.dtype]),
  };
}

describe('standard model files: saveBundle writes what tfjs and Keras load', function () {
  this.timeout(120000);

  for (const c of PORTABLE_CASES) {
    it(`${c.name}: Keras (through the tensorflowjs converter) predicts what the library predicts, within 1e-5`, async () => {
      const dir = path.join(FIXTURES, 'tsdl', c.name);
      const keras = readJson(path.join(dir, 'keras.json'));
      const inputs = readJson(path.join(dir, 'inputs.json'));
      expect(keras.layers.join(' ')).not.to.match(/Tsdl/);
      await expectNoTensorLeak(async () => {
        const bundle = await loadBundle(dir);
        const got = await predict(bundle.model, { x: Float32Array.from(inputs.x), xShape: inputs.xShape });
        bundle.dispose();
        expect(maxDiff(got, keras.keras), 'library vs Keras').to.be.below(1e-5);
      });
    });

    it(`${c.name}: today's saveBundle writes the same model.json and weights as the files Keras read`, async () => {
      const model = portableModel(c);
      const dir = path.join(tempDir(), c.name);
      await saveBundle(dir, { model, features: [], targets: ['y'] });
      const got = await predict(model, { x: portableInputs(c), xShape: c.xShape });
      model.dispose();
      const committed = path.join(FIXTURES, 'tsdl', c.name);
      expect(shapeOf(readJson(path.join(dir, 'model.json')))).to.deep.equal(shapeOf(readJson(path.join(committed, 'model.json'))));
      expect(fs.readFileSync(path.join(dir, 'weights.bin')).equals(fs.readFileSync(path.join(committed, 'weights.bin')))).to.equal(true);
      expect(maxDiff(got, readJson(path.join(committed, 'keras.json')).keras)).to.be.below(1e-5);
    });
  }

  it('plain tf.loadLayersModel, in a process without the library, loads model.json over http with the same predictions', async () => {
    const cases = PORTABLE_CASES.filter((c) => c.name !== 'conv1d');
    const script = `
      const http = require('http'), fs = require('fs'), path = require('path');
      const tf = require('@tensorflow/tfjs');
      const cases = JSON.parse(process.argv[1]);
      const server = http.createServer((req, res) => {
        const file = path.join(${JSON.stringify(path.join(FIXTURES, 'tsdl'))}, decodeURIComponent(req.url));
        fs.readFile(file, (err, data) => { res.writeHead(err ? 404 : 200); res.end(data); });
      });
      server.listen(0, '127.0.0.1', async () => {
        const out = {};
        for (const c of cases) {
          const net = await tf.loadLayersModel('http://127.0.0.1:' + server.address().port + '/' + c.name + '/model.json');
          out[c.name] = Array.from(net.predict(tf.tensor(c.x, c.xShape)).dataSync());
        }
        server.close();
        console.log(JSON.stringify(out));
      });`;
    const arg = cases.map((c) => ({ name: c.name, xShape: c.xShape, x: Array.from(portableInputs(c)) }));
    const out = execFileSync(process.execPath, ['-e', script, JSON.stringify(arg)], { cwd: ROOT, encoding: 'utf8' });
    const got = JSON.parse(out.trim().split('\n').pop()!);
    for (const c of cases) {
      const want = readJson(path.join(FIXTURES, 'tsdl', c.name, 'inputs.json')).tsdl;
      expect(maxDiff(got[c.name], want), c.name).to.be.below(1e-5);
    }
  });

  it('model.json names only standard layers; the library form lives in bundle.json and the input is not modified', () => {
    const topology = readJson(path.join(FIXTURES, 'tsdl', 'lstm-stacked', 'bundle.json')).topology;
    const before = JSON.stringify(topology);
    const portable = portableTopology(topology) as { config: { layers: { class_name: string; config: Record<string, unknown> }[] } };
    expect(JSON.stringify(topology)).to.equal(before);
    expect(portable.config.layers.map((l) => l.class_name)).to.deep.equal(['LSTM', 'Dropout', 'LSTM', 'Dropout', 'Dense']);
    expect(portable.config.layers[0].config).to.include({ recurrent_activation: 'sigmoid', return_sequences: true });
    expect(portable.config.layers[1].config.seed).to.be.a('number');
  });

  it('a bundle saved by 0.2 (weightSpecs, no weightsManifest) still loads with the same predictions', async () => {
    const c = PORTABLE_CASES[1];
    const dir = path.join(tempDir(), 'old');
    fs.cpSync(path.join(FIXTURES, 'tsdl', c.name), dir, { recursive: true });
    const manifest = readJson(path.join(dir, 'bundle.json'));
    const modelJson = readJson(path.join(dir, 'model.json'));
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify({ modelTopology: manifest.topology, weightSpecs: modelJson.weightsManifest[0].weights }));
    delete manifest.topology;
    fs.writeFileSync(path.join(dir, 'bundle.json'), JSON.stringify(manifest));
    const bundle = await loadBundle(dir);
    const got = await predict(bundle.model, { x: portableInputs(c), xShape: c.xShape });
    bundle.dispose();
    // The same numbers as the bundle in today's format, on this backend (the committed ones are wasm's).
    const current = await loadBundle(path.join(FIXTURES, 'tsdl', c.name));
    expect(maxDiff(got, await predict(current.model, { x: portableInputs(c), xShape: c.xShape }))).to.equal(0);
    current.dispose();
  });
});

describe('Keras models converted to TF.js: loadModel predicts and fine-tunes', function () {
  this.timeout(120000);

  for (const name of ['dense', 'lstm', 'binary', 'multiclass']) {
    it(`${name}: predictions equal Keras's within 1e-5; fitModel lowers the loss; a bundle keeps the predictions`, async () => {
      const dir = path.join(FIXTURES, 'keras', name);
      const want = readJson(path.join(dir, 'expected.json'));
      await expectNoTensorLeak(async () => {
        const model = await loadModel(dir, { task: want.task, seed: 4 });
        const x = Float32Array.from(want.x);
        const got = await predict(model, { x, xShape: want.xShape });
        expect(maxDiff(got, want.keras), 'library vs Keras').to.be.below(1e-5);
        // Fine-tune on labels the Keras model does not predict yet: the loss must fall.
        const n = want.xShape[0];
        const rng = seededRng(9);
        const k = want.task === 'multiclass' ? 3 : 2;
        const y = Float32Array.from({ length: n }, (_, i) => (want.task === 'regression' ? x[i * (x.length / n)] * 2 : Math.floor(rng() * k)));
        const fit = (m: typeof model) =>
          fitModel(m, { x, xShape: want.xShape, y, yShape: [n, 1] }, { epochs: 30, batchSize: n, shuffle: false, progress: 'none' });
        const h = await fit(model);
        expect(h.loss[h.loss.length - 1]).to.be.below(h.loss[0]);
        // Seeded: a second load fine-tuned the same way gives the same losses (Keras's Dropout became seeded).
        const again = await loadModel(dir, { task: want.task, seed: 4 });
        expect((await fit(again)).loss).to.deep.equal(h.loss);
        again.dispose();
        const tuned = await predict(model, { x, xShape: want.xShape });
        const saved = path.join(tempDir(), name);
        await saveBundle(saved, { model, features: [], targets: ['y'] });
        model.dispose();
        const back = await loadBundle(saved);
        expect(maxDiff(await predict(back.model, { x, xShape: want.xShape }), tuned)).to.equal(0);
        back.dispose();
      });
    });
  }

  it('a missing, short or escaping weights file is an error naming it, never random weights', async () => {
    const src = path.join(FIXTURES, 'keras', 'dense');
    const dir = path.join(tempDir(), 'dense');
    fs.cpSync(src, dir, { recursive: true });
    const shard = path.join(dir, 'group1-shard1of1.bin');
    fs.writeFileSync(shard, fs.readFileSync(shard).subarray(0, 20));
    await expectRejects(() => loadModel(dir, { task: 'regression' }), BundleError, 'group1-shard1of1.bin', 'truncated');
    fs.rmSync(shard);
    await expectRejects(() => loadModel(dir, { task: 'regression' }), BundleError, 'missing', 'group1-shard1of1.bin');
    const json = readJson(path.join(dir, 'model.json'));
    json.weightsManifest[0].paths = ['../../etc/passwd'];
    fs.writeFileSync(path.join(dir, 'model.json'), JSON.stringify(json));
    await expectRejects(() => loadModel(dir, { task: 'regression' }), BundleError, 'not a file inside its folder');
    await expectRejects(() => loadModel(path.join(dir, 'nope.json'), { task: 'regression' }), BundleError, 'no model at');
  });
});

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
