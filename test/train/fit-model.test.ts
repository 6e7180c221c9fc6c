import { expect } from 'chai';
import { tf } from '../../lib/backend';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { lstmForecaster } from '../../lib/models/sequence-model';
import { fitModel } from '../../lib/train/fit-model';
import { predict, predictClasses, predictInterval } from '../../lib/train/predict';
import { InputError, NotFittedError, ShapeError, TrainingError } from '../../lib/util/errors';
import { expectNoTensorLeak, expectRejects } from '../helpers';
import { cancerProblem, yieldWindows } from './fixtures';
import { collectNoticesAsync } from '../../lib/util/notice';

const quiet = { progress: 'none' as const };

describe('fitModel', () => {
  const { trainData, testData } = cancerProblem();
  const { windows } = yieldWindows();

  it('learns the cancer data: test accuracy well above the 63% majority class', async () => {
    await expectNoTensorLeak(async () => {
      const m = denseClassifier(trainData, { units: [16], seed: 1 });
      const h = await fitModel(m, trainData, { epochs: 40, ...quiet });
      expect(h.loss[h.loss.length - 1]).to.be.below(h.loss[0]);
      const cls = await predictClasses(m, testData);
      const acc = cls.reduce((s, c, i) => s + (c === testData.y[i] ? 1 : 0), 0) / cls.length;
      expect(acc).to.be.above(0.93);
      m.dispose();
    });
  });

  it('same seed, same backend: bitwise-identical weights, history and predictions (dropout and shuffling included)', async () => {
    const run = async (seed: number) => {
      const m = denseClassifier(trainData, { units: [16, 8], dropout: 0.3, seed });
      const h = await fitModel(m, trainData, { epochs: 8, validationSplit: 0.2, ...quiet });
      const w = m.net.getWeights().map((t) => Array.from(t.dataSync()));
      const p = Array.from(await predict(m, testData));
      m.dispose();
      return { w, loss: h.loss, val: h.valLoss, p };
    };
    const a = await run(5);
    const b = await run(5);
    const c = await run(6);
    expect(b).to.deep.equal(a);
    expect(c.w).to.not.deep.equal(a.w);
  });

  it('early stopping restores the best weights; the history says where it stopped', async () => {
    await expectNoTensorLeak(async () => {
      const m = denseRegressor(windows.xShape.length === 3 ? { xShape: [windows.xShape[0], 24], yShape: windows.yShape } : windows, {
        units: [4],
        seed: 2,
        learningRate: 0.05,
      });
      const flat = { x: windows.x, xShape: [windows.xShape[0], 24], y: windows.y, yShape: windows.yShape };
      const h = await fitModel(m, flat, {
        epochs: 200,
        validationSplit: 0.25,
        validationFrom: 'end',
        earlyStopping: { patience: 3 },
        reduceLrOnPlateau: { patience: 1, factor: 0.5 },
        ...quiet,
      });
      expect(h.stoppedEarly).to.equal(true);
      expect(h.epochs.length).to.be.below(200);
      const best = Math.min(...h.valLoss);
      expect(h.valLoss[h.bestEpoch - 1]).to.equal(best);
      expect(h.learningRate[h.learningRate.length - 1]).to.be.below(0.05);
      // The restored model reproduces the best validation loss.
      const n = flat.xShape[0];
      const nVal = Math.floor(n * 0.25);
      const valX = { x: flat.x.subarray((n - nVal) * 24), xShape: [nVal, 24] };
      const p = await predict(m, valX);
      const mse = p.reduce((s, v, i) => s + (v - flat.y[n - nVal + i]) ** 2, 0) / nVal;
      expect(mse).to.be.closeTo(best, 1e-4);
      m.dispose();
    });
  });

  it('class weights change training; "balanced" is n / (k · count)', async () => {
    const run = async (classWeight?: 'balanced' | Record<number, number>) => {
      const m = denseClassifier(trainData, { units: [4], seed: 3 });
      await fitModel(m, trainData, { epochs: 3, classWeight, ...quiet });
      const p = Array.from(await predict(m, testData));
      m.dispose();
      return p;
    };
    const plain = await run();
    const weighted = await run({ 0: 1, 1: 5 });
    expect(weighted.reduce((a, b) => a + b)).to.be.above(plain.reduce((a, b) => a + b));
    expect(await run('balanced')).to.not.deep.equal(plain);
  });

  it('trains an LSTM on windows without leaking tensors, 50 fit/predict rounds', async function () {
    this.timeout(120000);
    const base = tf.memory().numTensors;
    const m = lstmForecaster(windows, { units: [4], seed: 4 });
    for (let i = 0; i < 50; i++) {
      await fitModel(m, windows, { epochs: 1, batchSize: 128, ...quiet });
      await predict(m, windows);
    }
    m.dispose();
    expect(tf.memory().numTensors).to.equal(base);
  });

  it('Monte-Carlo dropout intervals: reproducible, ordered, and wider with more dropout', async () => {
    await expectNoTensorLeak(async () => {
      const interval = async (dropout: number) => {
        const m = lstmForecaster(windows, { units: [8], dropout, seed: 9 });
        await fitModel(m, windows, { epochs: 2, ...quiet });
        const a = await predictInterval(m, windows, { samples: 20 });
        m.dispose();
        return a;
      };
      const a = await interval(0.2);
      const b = await interval(0.2);
      expect(Array.from(a.upper)).to.deep.equal(Array.from(b.upper));
      for (let i = 0; i < a.mean.length; i++) expect(a.lower[i] <= a.mean[i] + 1e-9 && a.mean[i] <= a.upper[i] + 1e-9).to.equal(true);
      const wide = await interval(0.5);
      const width = (x: typeof a) => x.upper.reduce((s, u, i) => s + u - x.lower[i], 0);
      expect(width(wide)).to.be.above(width(a));
    });
  });

  describe('bad input (refused before any training step)', () => {
    it('x/y length mismatch', async () => {
      const m = denseClassifier(trainData);
      await expectRejects(
        () => fitModel(m, { ...trainData, yShape: [10, 1], y: trainData.y.subarray(0, 10) }, quiet),
        ShapeError,
        'x has 455 samples but y has 10',
      );
      m.dispose();
    });
    it('wrong feature count: expected vs got', async () => {
      const m = denseClassifier(trainData);
      await expectRejects(() => predict(m, { x: new Float32Array(20), xShape: [2, 10] }), ShapeError, 'sample shape [10]', 'expects [30]');
      m.dispose();
    });
    it('NaN in x names the sample', async () => {
      const m = denseClassifier(trainData);
      const x = Float32Array.from(trainData.x);
      x[30 * 7 + 2] = NaN;
      await expectRejects(() => fitModel(m, { ...trainData, x }, quiet), InputError, 'NaN in sample 7');
      m.dispose();
    });
    it('labels outside {0,1} for a binary classifier', async () => {
      const m = denseClassifier(trainData);
      const y = Float32Array.from(trainData.y);
      y[3] = 2;
      await expectRejects(() => fitModel(m, { ...trainData, y }, quiet), InputError, 'labels 0 or 1', 'sample 3 has 2');
      m.dispose();
    });
    it('class weight for an unknown class; epochs and batch size ≤ 0', async () => {
      const m = denseClassifier(trainData);
      await expectRejects(() => fitModel(m, trainData, { classWeight: { 0: 1, 4: 2 }, ...quiet }), InputError, 'class "4"', 'classes are 0..1');
      await expectRejects(() => fitModel(m, trainData, { epochs: 0, ...quiet }), InputError, 'epochs must be an integer ≥ 1, got 0');
      await expectRejects(() => fitModel(m, trainData, { batchSize: -5, ...quiet }), InputError, 'batchSize', '-5');
      m.dispose();
    });
    it('predicting with a disposed model', async () => {
      const m = denseClassifier(trainData);
      m.dispose();
      await expectRejects(() => predict(m, testData), NotFittedError, 'disposed');
    });
    it('loss becoming NaN stops training and names the epoch', async () => {
      await expectNoTensorLeak(async () => {
        const m = denseRegressor(trainData, { units: [32], learningRate: 1e12, seed: 1 });
        const y = Float32Array.from(trainData.y, (v, i) => v * 1e6 + i);
        await expectRejects(
          () => fitModel(m, { ...trainData, y }, { epochs: 20, ...quiet }),
          TrainingError,
          /loss became (NaN|non-finite) at epoch \d+/,
          'lower the learning rate',
        );
        m.dispose();
      });
    });
  });
});

describe('a notice for targets and features far from unit scale (issue 31)', () => {
  it('a regression target around 1e9 is named with the scaler to use (it trained at a flat loss of 1e18 without a word); scaled data gives none', async function () {
    this.timeout(60000);
    const n = 64;
    const x = Float32Array.from({ length: n * 2 }, (_, i) => Math.sin(i));
    const big = {
      x,
      xShape: [n, 2],
      y: Float32Array.from({ length: n }, (_, i) => 1e9 + 1e7 * Math.cos(i)),
      yShape: [n, 1],
      features: ['a', 'b'],
      targets: ['price'],
    };
    const m = denseRegressor(big, { units: [4], seed: 1 });
    const { notices } = await collectNoticesAsync(() => fitModel(m, big, { epochs: 1, progress: 'none' }));
    const text = notices.join('\n');
    expect(text).to.include('the target "price" is around 1.0e9').and.include('standardScaler({ columns: ["price"] })');
    expect(text).to.not.include('feature');
    const wide = { ...big, x: Float32Array.from(x, (v, i) => (i % 2 ? v * 5e4 : v)), y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)) };
    const late = await collectNoticesAsync(() => fitModel(m, wide, { epochs: 1, progress: 'none' }));
    expect(late.notices.join('\n')).to.include('feature far from unit scale').and.include('"b" (3.6e4)').and.not.include('target');
    const fine = { ...big, y: Float32Array.from({ length: n }, (_, i) => Math.cos(i)) };
    expect((await collectNoticesAsync(() => fitModel(m, fine, { epochs: 1, progress: 'none' }))).notices).to.deep.equal([]);
    m.dispose();
  });
});
