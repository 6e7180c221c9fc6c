import { expect } from 'chai';
import { FIXTURES, maxDiff, readJson } from './portable-models';
import * as fs from 'fs';
import * as path from 'path';
import { loadBundle, saveBundle } from '../../lib/train/bundle';
import { fitModel } from '../../lib/train/fit-model';
import { loadModel } from '../../lib/train/load-model';
import { predict } from '../../lib/train/predict';
import { BundleError } from '../../lib/util/errors';
import { seededRng } from '../../lib/util/rng';
import { expectNoTensorLeak, expectRejects, tempDir } from '../helpers';

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
