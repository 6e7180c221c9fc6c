import { expect } from 'chai';
import { rocCurve } from '../../lib/metrics/curves';
import { thresholdForSensitivity, youdenThreshold } from '../../lib/metrics/threshold';
import { expectNear, fixture } from '../helpers';

const g = fixture('metrics.json');
const y: number[] = g.y;
const prob: number[] = g.prob;

describe('threshold selection (metrics/threshold.ts)', () => {
  it('threshold selection: Youden J and a target sensitivity', () => {
    const j = youdenThreshold(y, prob);
    const roc = rocCurve(y, prob, { dropIntermediate: false });
    const best = Math.max(...roc.tpr.map((t, i) => t - roc.fpr[i]));
    expectNear(j.sensitivity - (1 - j.specificity), best, 1e-12);
    const s = thresholdForSensitivity(y, prob, 0.95);
    expect(s.sensitivity).to.be.at.least(0.95);
    const hits = y.filter((v, i) => v === 1 && prob[i] >= s.threshold).length / y.filter((v) => v === 1).length;
    expectNear(hits, s.sensitivity, 1e-12);
  });
});
