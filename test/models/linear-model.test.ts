import { expect } from 'chai';
import { linearRegression, logisticRegression } from '../../lib/models/linear-model';
import { expectNoTensorLeak } from '../helpers';
import { cancerProblem, yieldWindows } from '../train/fixtures';

describe('logisticRegression and linearRegression (models/linear-model.ts)', () => {
  const { trainData } = cancerProblem();
  const { windows } = yieldWindows();

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
});
