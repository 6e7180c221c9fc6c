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
import { averagePrecision, precisionRecallCurve, rocAuc, rocAucOvr, rocCurve } from '../../lib/metrics/curves';
import { calibrationCurve } from '../../lib/metrics/calibration';
import { directionalAccuracy, mae, mape, mase, mse, r2, rmse, smape } from '../../lib/metrics/regression';
import { thresholdForSensitivity, youdenThreshold } from '../../lib/metrics/threshold';
import { bootstrapCi } from '../../lib/metrics/bootstrap';
import { InputError } from '../../lib/util/errors';
import { expectClose, expectError, expectNear, fixture } from '../helpers';

const g = fixture('metrics.json');
const y: number[] = g.y;
const prob: number[] = g.prob;
const pred: number[] = g.pred;
const R = 1e-9;

describe('classification metrics vs scikit-learn', () => {
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
  describe('bad input', () => {
    it('different lengths, empty input', () => {
      expectError(() => accuracy([1, 0], [1]), InputError, '2 values', '1');
      expectError(() => rmse([], []), InputError, 'empty');
    });
    it('probabilities outside [0, 1]', () => {
      expectError(() => logLoss([0, 1], [0.2, 1.3]), InputError, 'index 1 holds 1.3', '[0, 1]');
    });
    it('a single class: ROC AUC is undefined, an error as in scikit-learn', () => {
      expectError(() => rocAuc([1, 1, 1], [0.2, 0.5, 0.9]), InputError, 'one class only');
    });
    it('NaN in predictions names the index', () => {
      expectError(() => mae([1, 2, 3], [1, NaN, 3]), InputError, 'index 1');
    });
    it('binary scores with a posLabel that is not one of two labels: an error as in scikit-learn (was 0)', () => {
      expectError(() => precision([0, 2, 2], [0, 2, 0]), InputError, 'posLabel 1', '0, 2', 'posLabel: 2');
      expect(precision([0, 2, 2], [0, 2, 0], { posLabel: 2 })).to.equal(1);
      // One label only: nothing to tell apart, 0 as scikit-learn's zero_division gives.
      expect(recall([0, 0], [0, 0])).to.equal(0);
    });
  });
});

describe('regression metrics', () => {
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

describe('bootstrapCi', () => {
  it('is seeded, brackets the estimate, and narrows with more data', () => {
    const a = bootstrapCi(rocAuc, y, prob, { seed: 1, resamples: 300 });
    const b = bootstrapCi(rocAuc, y, prob, { seed: 1, resamples: 300 });
    expect(a).to.deep.equal(b);
    expect(a.lower).to.be.at.most(a.estimate);
    expect(a.upper).to.be.at.least(a.estimate);
    const small = bootstrapCi(accuracy, y.slice(0, 40), pred.slice(0, 40), { seed: 1, resamples: 300 });
    const big = bootstrapCi(accuracy, y, pred, { seed: 1, resamples: 300 });
    expect(big.upper - big.lower).to.be.below(small.upper - small.lower);
  });
  it('skips resamples where the metric is undefined and counts them', () => {
    const ci = bootstrapCi(rocAuc, [0, 0, 0, 0, 0, 0, 0, 1, 1], [0.1, 0.2, 0.1, 0.3, 0.2, 0.1, 0.4, 0.9, 0.7], { seed: 2, resamples: 200 });
    expect(ci.skipped).to.be.greaterThan(0);
  });
});
