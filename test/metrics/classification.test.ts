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
import { collectNotices } from '../../lib/util/notice';

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

describe('classificationReport on imbalanced classes (issue 31)', () => {
  it('beyond 95:5 the report names the majority baseline and balanced accuracy beside accuracy (99:1 read 0.99 with no word)', () => {
    const actual = Array.from({ length: 200 }, (_, i) => (i < 198 ? 0 : 1));
    const predicted = new Array(200).fill(0);
    const { result, notices } = collectNotices(() => classificationReport(actual, predicted));
    // By hand: accuracy 198/200 = 0.99; balanced accuracy (1 + 0) / 2 = 0.5; always-majority also scores 0.99.
    expect(result.accuracy).to.equal(0.99);
    expect(result.balancedAccuracy).to.equal(0.5);
    expect(notices.join('\n')).to.include('largest is 99.0 % of cases').and.include('balanced accuracy 0.5000');
    expect(result.tabulate().caption).to.include('balanced accuracy 0.5000');
    expect(String(result)).to.include('PR-AUC');
    // 90:10 is left alone.
    const ten = Array.from({ length: 100 }, (_, i) => (i < 90 ? 0 : 1));
    expect(collectNotices(() => classificationReport(ten, ten)).notices).to.deep.equal([]);
  });
});
