import { expect } from 'chai';
import { denseClassifier, denseRegressor } from '../../lib/models/dense-model';
import { InputError } from '../../lib/util/errors';
import { expectError, expectNoTensorLeak } from '../helpers';
import { cancerProblem } from '../train/fixtures';

describe('denseRegressor and denseClassifier (models/dense-model.ts)', () => {
  const { trainData } = cancerProblem();

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

  it('bad input: a dropout rate outside [0, 1)', () => {
    expectError(() => denseRegressor(trainData, { dropout: 1.5 }), InputError, 'dropout must be in [0, 1)');
  });
});
