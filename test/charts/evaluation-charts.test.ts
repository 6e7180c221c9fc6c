import { expect } from 'chai';
import { calibrationChart, foldsChart, historyChart, prChart, residualsChart, rocChart } from '../../lib/charts/evaluation-charts';
import { expectSnapshot } from '../snapshot';

const actual = [0, 0, 1, 1, 0, 1, 1, 0];
const score = [0.1, 0.4, 0.35, 0.8, 0.2, 0.9, 0.6, 0.55];
const close = (a: unknown, b: number[]) => (a as number[]).forEach((v, i) => expect(v).to.be.closeTo(b[i], 1e-12));

describe('evaluation charts (charts/evaluation-charts.ts)', () => {
  it('rocChart carries the AUC in the legend', () => {
    const roc = rocChart([{ name: 'model', actual, score }]);
    // 4 positives × 4 negatives: 0.35 beats 2 negatives, 0.8/0.9/0.6 beat all 4 → 14 of 16 pairs → AUC 0.875.
    expect(roc.data[0].name).to.equal('model (AUC 0.875)');
    expectSnapshot('roc-chart', roc);
  });

  it('prChart: precision and recall at each threshold, and the average precision in the legend', () => {
    const pr = prChart([{ name: 'model', actual, score }]);
    // By hand, thresholds from the lowest score up: predicted positives 8, 7, 6, 5, 4, 3, 2, 1 hold 4, 4, 4, 3, 3,
    // 3, 2, 1 positives; then scikit-learn's final point (recall 0, precision 1).
    close(pr.data[0].x, [1, 1, 1, 0.75, 0.75, 0.75, 0.5, 0.25, 0]);
    close(pr.data[0].y, [4 / 8, 4 / 7, 4 / 6, 3 / 5, 3 / 4, 1, 1, 1, 1]);
    // AP: the positives at 0.9, 0.8, 0.6 come at precision 1, the one at 0.35 at 4/6 → (3 + 4/6) / 4 = 0.917.
    expect(pr.data[0].name).to.equal('model (AP 0.917)');
    expect(pr.data[1].y).to.deep.equal([0.5, 0.5]); // prevalence 4 of 8
    expectSnapshot('pr-chart', pr);
  });

  it('calibrationChart: mean score and share of positives in each of 4 equal-width bins', () => {
    const cal = calibrationChart([{ name: 'model', actual, score }], { bins: 4 });
    // [0, .25): 0.1, 0.2 (no positive); [.25, .5): 0.4, 0.35 (one); [.5, .75): 0.6, 0.55 (one); [.75, 1]: 0.8, 0.9 (two).
    close(cal.data[0].x, [0.15, 0.375, 0.575, 0.85]);
    expect(cal.data[0].y).to.deep.equal([0, 0.5, 0.5, 1]);
    expectSnapshot('calibration-chart', cal);
  });

  it('historyChart draws both losses by epoch and marks the best epoch', () => {
    const h = historyChart({ epochs: [1, 2, 3], loss: [1, 0.5, 0.4], valLoss: [1.1, 0.6, 0.7], bestEpoch: 2 });
    expect(h.data.map((t) => [t.name, t.y])).to.deep.equal([
      ['train loss', [1, 0.5, 0.4]],
      ['validation loss', [1.1, 0.6, 0.7]],
    ]);
    expect(JSON.stringify(h.layout)).to.include('"x0":2');
    expectSnapshot('history-chart', h);
  });

  it('residualsChart plots actual − predicted against the prediction', () => {
    const r = residualsChart([1, 2, 3], [1.5, 2, 2]);
    expect(r.data[0].x).to.deep.equal([1.5, 2, 2]);
    expect(r.data[0].y).to.deep.equal([1 - 1.5, 2 - 2, 3 - 2]);
    expectSnapshot('residuals-chart', r);
  });

  it('foldsChart: one bar per fold of each metric', () => {
    const cv = {
      folds: [
        { fold: 1, trainSize: 10, testSize: 5, rmse: 0.3 },
        { fold: 2, trainSize: 15, testSize: 5, rmse: 0.25 },
      ],
      mean: { rmse: 0.275 },
      std: { rmse: 0.025 },
      tabulate: () => ({ header: [], rows: [] }),
    };
    const f = foldsChart(cv, ['rmse']);
    expect(f.data.map((t) => [t.name, t.x, t.y])).to.deep.equal([['rmse', ['fold 1', 'fold 2'], [0.3, 0.25]]]);
    expectSnapshot('folds-chart', f);
  });
});
