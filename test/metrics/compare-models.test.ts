import { expect } from 'chai';
import { compareModels } from '../../lib/metrics/compare-models';

describe('compareModels (metrics/compare-models.ts)', () => {
  it('scores each forecast against the same actuals, best RMSE first, MAPE NaN where an actual is 0', () => {
    const actual = [1, 2, 0, 4];
    const r = compareModels(actual, { wide: [2, 3, 1, 5], close: [1, 2, 0, 3] }, { previous: [0, 1, 2, 0] });
    expect(r.rows.map((m) => m.name)).to.deep.equal(['close', 'wide']);
    // By hand, "close": errors 0, 0, 0, 1 → RMSE √(1/4) = 0.5, MAE 0.25; "wide": errors all 1 → RMSE 1, MAE 1.
    expect([r.rows[0].rmse, r.rows[0].mae, r.rows[1].rmse, r.rows[1].mae]).to.deep.equal([0.5, 0.25, 1, 1]);
    expect(r.rows.every((m) => Number.isNaN(m.mape))).to.equal(true);
    // Direction from previous [0, 1, 2, 0]: actual moves up, up, down, up; "wide" moves up, up, down, up → 1.
    expect(r.rows[1].directional).to.equal(1);
    expect(r.tabulate().header).to.deep.equal(['model', 'RMSE', 'MAE', 'MAPE', 'R²', 'direction hit rate']);
    expect(r.tabulate().caption).to.equal('4 test points');
  });
});
