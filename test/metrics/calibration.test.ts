import { calibrationCurve } from '../../lib/metrics/calibration';
import { expectClose, fixture } from '../helpers';

const g = fixture('metrics.json');
const y: number[] = g.y;
const prob: number[] = g.prob;
const R = 1e-9;

describe('calibrationCurve (metrics/calibration.ts) vs scikit-learn', () => {
  it('calibration curve, uniform and quantile bins', () => {
    for (const strategy of ['uniform', 'quantile'] as const) {
      const c = calibrationCurve(y, prob, { bins: 5, strategy });
      expectClose(c.fractionPositive, g[`calibration_${strategy}`].true, R, `${strategy} true`);
      expectClose(c.meanPredicted, g[`calibration_${strategy}`].pred, R, `${strategy} pred`);
    }
  });

  it('calibration curve with probabilities on the bin edges: the same bins as scikit-learn', () => {
    // With i / n edges and plain interpolation, a 0.2 on a quantile edge went to the bin below scikit-learn's.
    const t = g.calibration_ties;
    for (const c of t.cases) {
      const r = calibrationCurve(t.y, t.p, { bins: c.bins, strategy: c.strategy });
      expectClose(r.fractionPositive, c.true, 1e-12, `${c.strategy} ${c.bins} true`);
      expectClose(r.meanPredicted, c.pred, 1e-12, `${c.strategy} ${c.bins} pred`);
    }
  });
});
