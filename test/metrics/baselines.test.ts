import { expect } from 'chai';
import { driftForecast, majorityClass, movingAverageForecast, persistenceForecast, seasonalNaiveForecast } from '../../lib/metrics/baselines';
import { InputError } from '../../lib/util/errors';
import { expectError } from '../helpers';

describe('baselines', () => {
  const s = [10, 11, 13, 12, 15, 16];
  it('persistence, seasonal naive, moving average, drift, majority class by hand', () => {
    expect(Array.from(persistenceForecast(s, [3, 5]))).to.deep.equal([13, 15]);
    expect(Array.from(persistenceForecast(s, [5], { horizon: 2 }))).to.deep.equal([12]);
    expect(Array.from(seasonalNaiveForecast(s, [5], { season: 3 }))).to.deep.equal([13]);
    expect(Array.from(movingAverageForecast(s, [5], { window: 2 }))).to.deep.equal([13.5]);
    // Drift at row 5 from rows 0..4: 15 + (15 − 10) / 4.
    expect(Array.from(driftForecast(s, [5]))).to.deep.equal([16.25]);
    expect(majorityClass([0, 1, 1, 0, 1])).to.deep.equal({ label: 1, share: 0.6 });
  });
  it('refuses a forecast with no past', () => {
    expectError(() => persistenceForecast(s, [0]), InputError, 'target row 0');
  });
});
