import { expect } from 'chai';
import { conv1dForecaster, gruForecaster, lstmForecaster } from '../../lib/models/sequence-model';
import { InputError } from '../../lib/util/errors';
import { expectError, expectNoTensorLeak } from '../helpers';
import { cancerProblem, yieldWindows } from '../train/fixtures';

describe('lstmForecaster, gruForecaster and conv1dForecaster (models/sequence-model.ts)', () => {
  const { trainData } = cancerProblem();
  const { windows } = yieldWindows();

  it('sequence models take [lookback, features] windows; a summary lists layers and parameters like Keras', async () => {
    await expectNoTensorLeak(() => {
      for (const build of [lstmForecaster, gruForecaster, conv1dForecaster]) {
        const m = build(windows, { units: [8, 4], dropout: 0.1 });
        expect(m.inputShape).to.deep.equal([12, 2]);
        const s = m.summary();
        expect(s)
          .to.match(/Total params: [\d,]+/)
          .and.include('Output shape');
        // Full layer names under their standard types (tfjs cut them: "tsdl_seeded_dropout_TsdlSee").
        expect(s).to.include('dropout_').and.include('(Dropout)').and.not.include('Tsdl');
        expect(s).to.match(
          build === lstmForecaster ? /lstm_\d+ \(LSTM\) +\(None, 12, 8\)/ : build === gruForecaster ? /gru_\d+ \(GRU\)/ : /\(Conv1D \(causal\)\)/,
        );
        expect(m.countParams()).to.be.greaterThan(0);
        m.dispose();
      }
      // An LSTM(4) on 2 features has 4·4·(2 + 4 + 1) = 112 weights, + 5 in the dense head.
      const m = lstmForecaster(windows, { units: [4] });
      expect(m.countParams()).to.equal(117);
      m.dispose();
    });
  });

  it('bad input: rows instead of windows, naming the shape', () => {
    expectError(() => lstmForecaster(trainData), InputError, 'windows [samples, lookback, features]', 'xShape [455, 30]');
  });
});
