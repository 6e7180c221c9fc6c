import { expect } from 'chai';
import { directionalAccuracy, mae, mape, mase, mse, r2, rmse, smape } from '../../lib/metrics/regression';
import { InputError } from '../../lib/util/errors';
import { expectError, expectNear, fixture } from '../helpers';

const g = fixture('metrics.json');
const R = 1e-9;

describe('regression metrics (metrics/regression.ts)', () => {
  const r = g.reg;
  it('MSE, RMSE, MAE, MAPE, R² vs scikit-learn', () => {
    expectNear(mse(r.actual, r.pred), r.mse, R, 'mse');
    expectNear(rmse(r.actual, r.pred), r.rmse, R, 'rmse');
    expectNear(mae(r.actual, r.pred), r.mae, R, 'mae');
    expectNear(mape(r.actual, r.pred), r.mape, R, 'mape');
    expectNear(r2(r.actual, r.pred), r.r2, R, 'r2');
  });

  it('sMAPE, MASE and directional accuracy by hand', () => {
    // sMAPE of A = [1, 2], F = [2, 2]: (2·1/3 + 0) / 2 = 1/3.
    expectNear(smape([1, 2], [2, 2]), 1 / 3, 1e-15);
    // MASE: MAE([3, 5] vs [4, 4]) = 1; naive in-sample MAE of [1, 2, 4] = (1 + 2) / 2 = 1.5.
    expectNear(mase([3, 5], [4, 4], [1, 2, 4]), 1 / 1.5, 1e-15);
    // previous 10 → actual 11 (up), predicted 12 (up): hit; 11 → 10 (down), predicted 12 (up): miss.
    expect(directionalAccuracy([11, 10], [12, 12], [10, 11])).to.equal(0.5);
  });

  it('perfect predictions and a constant target', () => {
    expect(r2([1, 2, 3], [1, 2, 3])).to.equal(1);
    expect(r2([2, 2, 2], [2, 2, 2])).to.equal(1);
    expect(r2([2, 2, 2], [1, 2, 3])).to.equal(0);
  });

  it('bad input: MAPE with zeros in the actual values', () => {
    expectError(() => mape([1, 0, 2], [1, 1, 2]), InputError, 'index 1', 'zero', 'mae, smape or mase');
  });
});
