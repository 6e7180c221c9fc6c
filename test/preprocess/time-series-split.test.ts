import { expect } from 'chai';
import { timeSeriesSplit } from '../../lib/preprocess/time-series-split';
import { fixture } from '../helpers';

const g = fixture('preprocess.json');

describe('timeSeriesSplit', () => {
  it("equals scikit-learn's TimeSeriesSplit (gap, maxTrainSize, testSize)", () => {
    for (const c of g.tss) {
      const folds = timeSeriesSplit(c.n, { nSplits: c.opts.n_splits, gap: c.opts.gap, maxTrainSize: c.opts.max_train_size, testSize: c.opts.test_size });
      expect(
        folds.map((f) => [Array.from(f.train), Array.from(f.test)]),
        JSON.stringify(c.opts),
      ).to.deep.equal(c.folds);
    }
  });
  it('every test row lies after every training row', () => {
    for (const f of timeSeriesSplit(100, { nSplits: 5, gap: 3 })) expect(f.train[f.train.length - 1] + 3).to.be.below(f.test[0]);
  });
});
