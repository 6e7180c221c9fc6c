import { expect } from 'chai';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { linearRegression, logisticRegression } from '../../lib/models/linear-model';
import { conv1dForecaster, gruForecaster, lstmForecaster } from '../../lib/models/sequence-model';
import { InputError } from '../../lib/util/errors';
import { expectError, expectNoTensorLeak } from '../helpers';
import { cancerProblem, yieldWindows } from '../train/fixtures';

describe('model builders', () => {
  const { trainData } = cancerProblem();
  const { windows } = yieldWindows();

  it('read input shapes from prepared data and pick loss by task', async () => {
    await expectNoTensorLeak(() => {
      const c = denseClassifier(trainData, { units: [8] });
      expect(c.inputShape).to.deep.equal([30]);
      expect(c.task).to.equal('binary');
      expect((c.net as any).loss).to.equal('binaryCrossentropy');
      c.dispose();
      const m = denseClassifier(trainData, { classes: 3 });
      expect((m.net as any).loss).to.equal('sparseCategoricalCrossentropy');
      expect(m.outputSize).to.equal(3);
      m.dispose();
      const r = denseRegressor(trainData, { batchNorm: true, l2: 1e-4, dropout: 0.1 });
      expect((r.net as any).loss).to.equal('meanSquaredError');
      r.dispose();
    });
  });

  it('sequence models take [lookback, features] windows; a summary lists layers and parameters like Keras', async () => {
    await expectNoTensorLeak(() => {
      for (const build of [lstmForecaster, gruForecaster, conv1dForecaster]) {
        const m = build(windows, { units: [8, 4], dropout: 0.1 });
        expect(m.inputShape).to.deep.equal([12, 2]);
        const s = m.summary();
        expect(s)
          .to.match(/Total params: [\d,]+/)
          .and.include('Output shape');
        expect(m.countParams()).to.be.greaterThan(0);
        m.dispose();
      }
      // An LSTM(4) on 2 features has 4·4·(2 + 4 + 1) = 112 weights, + 5 in the dense head.
      const m = lstmForecaster(windows, { units: [4] });
      expect(m.countParams()).to.equal(117);
      m.dispose();
    });
  });

  it('linear baselines: logistic regression on rows, linear autoregression on windows', async () => {
    await expectNoTensorLeak(() => {
      const l = logisticRegression(trainData);
      expect(l.countParams()).to.equal(31);
      l.dispose();
      const a = linearRegression(windows);
      expect(a.countParams()).to.equal(12 * 2 + 1);
      a.dispose();
    });
  });

  it('bad input: rows to a sequence model, a bad dropout rate', () => {
    expectError(() => lstmForecaster(trainData), InputError, 'windows [samples, lookback, features]', 'xShape [455, 30]');
    expectError(() => denseRegressor(trainData, { dropout: 1.5 }), InputError, 'dropout must be in [0, 1)');
  });
});
