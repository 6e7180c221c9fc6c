import { expect } from 'chai';
import { crpsQuantiles, crpsSamples, pinballLoss, quantileCoverage } from '../../lib/finance/probabilistic-scores';
import { InputError } from '../../lib/util/errors';
import { expectError, fixture } from '../helpers';

const { scores } = fixture<{
  scores: { actual: number[]; levels: number[]; quantiles: number[]; ensemble: number[]; pinball: number[]; crpsEnsemble: number[] };
}>('risk.json');

describe('probabilistic forecast scores against scikit-learn and properscoring (finance/probabilistic-scores.ts)', () => {
  it('pinballLoss equals mean_pinball_loss at five levels, and crpsSamples equals crps_ensemble per observation, within 1e-12', () => {
    const k = scores.levels.length;
    scores.levels.forEach((q, j) => {
      const f = scores.actual.map((_, i) => scores.quantiles[i * k + j]);
      expect(pinballLoss(scores.actual, f, q), `q ${q}`).to.be.closeTo(scores.pinball[j], 1e-14);
    });
    const crps = crpsSamples(scores.actual, scores.ensemble, 50);
    crps.forEach((c, i) => expect(c, `observation ${i}`).to.be.closeTo(scores.crpsEnsemble[i], 1e-12));
  });

  it('crpsQuantiles is twice the mean pinball loss; it approaches the ensemble CRPS of the same normal forecast', () => {
    const k = scores.levels.length;
    const fromQuantiles = crpsQuantiles(scores.actual, scores.quantiles, scores.levels);
    expect(fromQuantiles).to.be.closeTo((2 * scores.pinball.reduce((s, v) => s + v, 0)) / k, 1e-14);
    const mean = scores.crpsEnsemble.reduce((s, v) => s + v, 0) / scores.crpsEnsemble.length;
    expect(fromQuantiles / mean).to.be.within(0.5, 1.5); // five levels only: a coarse approximation
    const cover = quantileCoverage(scores.actual, scores.quantiles, scores.levels);
    expect(cover.every((c, j) => j === 0 || c >= cover[j - 1])).to.equal(true);
  });

  it('by hand: one observation 1, forecast 0 at q 0.9: loss 0.9; an ensemble [0, 2] around 1 has CRPS 1 − ½ = 0.5', () => {
    expect(pinballLoss([1], [0], 0.9)).to.be.closeTo(0.9, 1e-15);
    expect(pinballLoss([0], [1], 0.9)).to.be.closeTo(0.1, 1e-15);
    expect(crpsSamples([1], [0, 2], 2)[0]).to.equal(0.5);
    expectError(() => pinballLoss([1], [0], 1), InputError, 'strictly between 0 and 1');
    expectError(() => crpsSamples([1, 2], [0, 2, 3], 2), InputError, 'row-major');
  });
});
