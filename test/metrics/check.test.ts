import { expect } from 'chai';
import { accuracy, logLoss, precision, recall } from '../../lib/metrics/classification';
import { rocAuc } from '../../lib/metrics/curves';
import { mae, rmse } from '../../lib/metrics/regression';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('metrics refuse bad input (metrics/check.ts)', () => {
  it('different lengths, empty input', () => {
    expectError(() => accuracy([1, 0], [1]), InputError, '2 values', '1');
    expectError(() => rmse([], []), InputError, 'empty');
  });

  it('probabilities outside [0, 1]', () => {
    expectError(() => logLoss([0, 1], [0.2, 1.3]), InputError, 'index 1 holds 1.3', '[0, 1]');
  });

  it('a single class: ROC AUC is undefined, an error as in scikit-learn', () => {
    expectError(() => rocAuc([1, 1, 1], [0.2, 0.5, 0.9]), InputError, 'one class only');
  });

  it('NaN in predictions names the index', () => {
    expectError(() => mae([1, 2, 3], [1, NaN, 3]), InputError, 'index 1');
  });

  it('binary scores with a posLabel that is not one of two labels: an error as in scikit-learn (was 0)', () => {
    expectError(() => precision([0, 2, 2], [0, 2, 0]), InputError, 'posLabel 1', '0, 2', 'posLabel: 2');
    expect(precision([0, 2, 2], [0, 2, 0], { posLabel: 2 })).to.equal(1);
    // One label only: nothing to tell apart, 0 as scikit-learn's zero_division gives.
    expect(recall([0, 0], [0, 0])).to.equal(0);
  });
});
