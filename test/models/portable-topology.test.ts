import { expect } from 'chai';
import { execFileSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { portableTopology } from '../../lib/models/portable-topology';
import { loadBundle, saveBundle } from '../../lib/train/bundle';
import { predict } from '../../lib/train/predict';
import { expectNoTensorLeak, tempDir } from '../helpers';
import { PORTABLE_CASES, portableInputs, portableModel, FIXTURES, ROOT, maxDiff, readJson, shapeOf } from '../train/portable-models';

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
