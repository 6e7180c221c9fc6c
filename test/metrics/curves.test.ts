import { expect } from 'chai';
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve } from '../../lib/metrics/curves';
import { expectClose, expectNear, fixture } from '../helpers';

const g = fixture('metrics.json');
const y: number[] = g.y;
const prob: number[] = g.prob;
const R = 1e-9;

describe('ROC and precision-recall curves (metrics/curves.ts) vs scikit-learn', () => {
  it('ROC curve (drop_intermediate), ROC AUC, PR curve, average precision', () => {
    const roc = rocCurve(y, prob);
    expectClose(roc.fpr, g.roc.fpr, R, 'fpr');
    expectClose(roc.tpr, g.roc.tpr, R, 'tpr');
    expect(roc.thresholds[0]).to.equal(Infinity);
    expectClose(roc.thresholds.slice(1), g.roc.thresholds.slice(1), R, 'thresholds');
    expectNear(rocAuc(y, prob), g.roc_auc, R, 'auc');
    const pr = precisionRecallCurve(y, prob);
    expectClose(pr.precision, g.pr.precision, R, 'precision');
    expectClose(pr.recall, g.pr.recall, R, 'recall');
    expectClose(pr.thresholds, g.pr.thresholds, R, 'pr thresholds');
    expectNear(averagePrecision(y, prob), g.average_precision, R, 'AP');
  });

  it('ties, perfect and inverted scores', () => {
    expectNear(rocAuc(g.ties.y, g.ties.s), g.ties.auc, R, 'ties auc');
    expectNear(averagePrecision(g.ties.y, g.ties.s), g.ties.ap, R, 'ties ap');
    expectNear(
      rocAuc(
        y,
        y.map((v) => v * 0.8 + 0.1),
      ),
      g.perfect_auc,
      R,
    );
    expectNear(
      rocAuc(
        y,
        prob.map((p) => 1 - p),
      ),
      g.inverted_auc,
      R,
    );
  });
});
