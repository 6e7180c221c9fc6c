import { expect } from 'chai';
import {
  accuracy,
  balancedAccuracy,
  brierScore,
  classificationReport,
  confusionMatrix,
  f1,
  logLoss,
  precision,
  recall,
  specificity,
} from '../../lib/metrics/classification';
import { rocAucOvr } from '../../lib/metrics/curves';
import { expectNear, fixture } from '../helpers';

const g = fixture('metrics.json');
const y: number[] = g.y;
const prob: number[] = g.prob;
const pred: number[] = g.pred;
const R = 1e-9;

describe('classification metrics (metrics/classification.ts) vs scikit-learn', () => {
  it('accuracy, balanced accuracy, precision, recall, specificity, F1, confusion matrix', () => {
    expectNear(accuracy(y, pred), g.accuracy, R, 'accuracy');
    expectNear(balancedAccuracy(y, pred), g.balanced_accuracy, R, 'balanced');
    expectNear(precision(y, pred), g.precision, R, 'precision');
    expectNear(recall(y, pred), g.recall, R, 'recall');
    expectNear(specificity(y, pred), g.specificity, R, 'specificity');
    expectNear(f1(y, pred), g.f1, R, 'f1');
    expect(confusionMatrix(y, pred)).to.deep.equal(g.confusion);
  });

  it('log loss and Brier score', () => {
    expectNear(logLoss(y, prob), g.log_loss, R, 'log loss');
    expectNear(brierScore(y, prob), g.brier, R, 'brier');
  });

  it('multi-class: macro, micro and weighted averages; balanced accuracy; one-vs-rest AUC', () => {
    const m = g.multi;
    for (const avg of ['macro', 'micro', 'weighted'] as const) {
      expectNear(precision(m.y, m.pred, { average: avg }), m[`precision_${avg}`], R, `precision ${avg}`);
      expectNear(recall(m.y, m.pred, { average: avg }), m[`recall_${avg}`], R, `recall ${avg}`);
      expectNear(f1(m.y, m.pred, { average: avg }), m[`f1_${avg}`], R, `f1 ${avg}`);
    }
    expect(confusionMatrix(m.y, m.pred)).to.deep.equal(m.confusion);
    expectNear(balancedAccuracy(m.y, m.pred), m.balanced_accuracy, R);
    expectNear(rocAucOvr(m.y, m.proba, 3), m.auc_ovr, 1e-9, 'auc ovr');
    const report = classificationReport(m.y, m.pred);
    expectNear(report.rows.find((r) => r.label === 'macro avg')!.f1, m.f1_macro, R);
    expectNear(report.rows.find((r) => r.label === 'weighted avg')!.f1, m.f1_weighted, R);
  });
});
