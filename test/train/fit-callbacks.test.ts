import { expect } from 'chai';
import * as fs from 'fs';
import * as path from 'path';
import { denseClassifier } from '../../lib/models/dense-model';
import { loadBundle } from '../../lib/train/bundle';
import { fitModel } from '../../lib/train/fit-model';
import { predict } from '../../lib/train/predict';
import { expectNoTensorLeak, tempDir } from '../helpers';
import { cancerProblem } from './fixtures';

describe('fitModel callbacks and checkpoints', function () {
  this.timeout(60000);
  const { trainData, testData } = cancerProblem();

  it('onEpochEnd sees every epoch and stops training when it returns "stop"; onBatchEnd sees every batch', async () => {
    await expectNoTensorLeak(async () => {
      const model = denseClassifier(trainData, { units: [8], seed: 3 });
      const epochs: number[] = [];
      let batches = 0;
      const h = await fitModel(model, trainData, {
        epochs: 20,
        batchSize: 64,
        progress: 'none',
        callbacks: {
          onEpochEnd: (log) => {
            epochs.push(log.epoch);
            expect(log.loss).to.be.a('number');
            return log.epoch === 4 ? 'stop' : undefined;
          },
          onBatchEnd: () => void batches++,
        },
      });
      model.dispose();
      expect(epochs).to.deep.equal([1, 2, 3, 4]);
      expect(h.epochs).to.deep.equal([1, 2, 3, 4]);
      expect(h.stoppedEarly).to.equal(true);
      expect(batches).to.equal(4 * Math.ceil(trainData.xShape[0] / 64));
    });
  });

  it('checkpoint saves a bundle at each new best validation loss; it predicts as the best epoch did', async () => {
    const dir = path.join(tempDir(), 'best');
    const model = denseClassifier(trainData, { units: [8], seed: 4, learningRate: 0.05 });
    const seen: { epoch: number; best: boolean }[] = [];
    const h = await fitModel(model, trainData, {
      epochs: 25,
      validationSplit: 0.2,
      earlyStopping: { patience: 25, restoreBestWeights: true },
      progress: 'none',
      checkpoint: { dir, targets: ['diagnosis'] },
      callbacks: { onEpochEnd: (log) => void seen.push({ epoch: log.epoch, best: log.best }) },
    });
    const lastBest = seen.filter((s) => s.best).pop()!.epoch;
    expect(lastBest).to.equal(h.bestEpoch);
    expect(fs.existsSync(path.join(dir, 'bundle.json'))).to.equal(true);
    const restored = await predict(model, testData); // earlyStopping put the best epoch's weights back
    model.dispose();
    const bundle = await loadBundle(dir);
    expect(Array.from(await predict(bundle.model, testData))).to.deep.equal(Array.from(restored));
    bundle.dispose();
  });
});
