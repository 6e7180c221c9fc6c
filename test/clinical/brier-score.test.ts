import { expect } from 'chai';
import { brierScore, integratedBrierScore } from '../../lib/clinical/brier-score';
import { coxPh } from '../../lib/clinical/cox-ph';
import { ref, train, test, outcome } from './survival-split';

describe('brierScore and integratedBrierScore against scikit-survival (clinical/brier-score.ts)', () => {
  it('the Brier score at each time and the integrated score equal brier_score and integrated_brier_score on the same predictions', () => {
    const bs = brierScore(outcome(train), outcome(test), ref.survivalGrid, ref.grid);
    bs.score.forEach((b, k) => expect(b, `Brier(${ref.grid[k]})`).to.be.closeTo(ref.brierGrid[k], 1e-12));
    expect(integratedBrierScore(outcome(train), outcome(test), ref.survivalGrid, ref.grid)).to.be.closeTo(ref.ibs, 1e-12);
  });

  it("with our Cox model's step-function survival, within 2e-3 of lifelines' (which interpolates its baseline linearly between event times)", () => {
    const cox = coxPh(train, { time: 'time', event: 'status', covariates: ['age', 'sex', 'ph.ecog'] });
    const bs = brierScore(outcome(train), outcome(test), cox.predictSurvival(test, ref.aucTimes).survival, ref.aucTimes);
    bs.score.forEach((b, k) => expect(b, `Brier(${ref.aucTimes[k]})`).to.be.closeTo(ref.brier[k], 2e-3));
  });

  it('a perfect forecast scores 0 and a constant 0.5 scores 0.25 on uncensored data, by hand', () => {
    const full = { time: [1, 2, 3, 4, 5, 6], event: [1, 1, 1, 1, 1, 1] };
    const perfect = full.time.map((t) => [t <= 2 ? 0 : 1, t <= 4 ? 0 : 1]);
    expect(Array.from(brierScore(full, full, perfect, [2, 4]).score)).to.deep.equal([0, 0]);
    expect(
      Array.from(
        brierScore(
          full,
          full,
          full.time.map(() => [0.5, 0.5]),
          [2, 4],
        ).score,
      ),
    ).to.deep.equal([0.25, 0.25]);
  });
});
