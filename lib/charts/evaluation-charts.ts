/**
 * Evaluation charts: `rocChart` and `prChart` (AUC / AP in the legend), `calibrationChart`, `historyChart`
 * (loss per epoch, train vs validation), `residualsChart` and `foldsChart` (walk-forward results).
 */
import { averagePrecision, precisionRecallCurve, rocAuc, rocCurve } from '../metrics/curves';
import { calibrationCurve } from '../metrics/calibration';
import type { CvResult } from '../metrics/cross-validate';
import type { History } from '../train/fit-options';
import { COLORS, themed } from './theme';
import { Trace, figure, values } from './figure';
import type { ChartOptions, Figure } from './figure';
import { checkList, checkObjectWith } from '../util/check';
import { InputError } from '../util/errors';
import { describeArgument, isArrayLike } from '../util/check';

type Scored = { name: string; actual: ArrayLike<number>; score: ArrayLike<number> };

/** ROC curves of one or more classifiers on the same axes, with the chance diagonal. */
/** The models a ROC, PR or calibration chart draws: a list of { name, actual, score }. */
function checkScored(chart: string, models: unknown): void {
  if (!Array.isArray(models) || models.some((m) => !m || !isArrayLike(m.actual) || !isArrayLike(m.score)))
    throw new InputError(`${chart} takes a list of models, [{ name, actual, score }], got ${describeArgument(models)}`);
}

export function rocChart(models: Scored[], options: ChartOptions = {}): Figure {
  checkScored('rocChart', models);
  const data: Trace[] = models.map((m, i) => {
    const c = rocCurve(m.actual, m.score);
    return {
      type: 'scatter',
      mode: 'lines',
      name: `${m.name} (AUC ${rocAuc(m.actual, m.score).toFixed(3)})`,
      x: c.fpr,
      y: c.tpr,
      line: { color: COLORS.palette[i % COLORS.palette.length], width: 2, shape: 'hv' },
    };
  });
  data.push({ type: 'scatter', mode: 'lines', name: 'chance', x: [0, 1], y: [0, 1], line: { color: COLORS.baseline, dash: 'dash', width: 1 } });
  return figure(
    data,
    themed({
      title: options.title ?? 'ROC curve',
      hovermode: 'closest',
      xaxis: { title: { text: 'false positive rate (1 − specificity)' }, range: [0, 1] },
      yaxis: { title: { text: 'true positive rate (sensitivity)' }, range: [0, 1.02] },
      width: 560,
      height: 480,
    }),
  );
}

/** Precision-recall curves, average precision in the legend, with the prevalence line. */
export function prChart(models: Scored[], options: ChartOptions = {}): Figure {
  checkScored('prChart', models);
  const data: Trace[] = models.map((m, i) => {
    const c = precisionRecallCurve(m.actual, m.score);
    return {
      type: 'scatter',
      mode: 'lines',
      name: `${m.name} (AP ${averagePrecision(m.actual, m.score).toFixed(3)})`,
      x: c.recall,
      y: c.precision,
      line: { color: COLORS.palette[i % COLORS.palette.length], width: 2, shape: 'vh' },
    };
  });
  const a = models[0].actual;
  let pos = 0;
  for (let i = 0; i < a.length; i++) pos += a[i];
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: `prevalence ${(pos / a.length).toFixed(2)}`,
    x: [0, 1],
    y: [pos / a.length, pos / a.length],
    line: { color: COLORS.baseline, dash: 'dash', width: 1 },
  });
  return figure(
    data,
    themed({
      title: options.title ?? 'Precision-recall curve',
      hovermode: 'closest',
      xaxis: { title: { text: 'recall' }, range: [0, 1] },
      yaxis: { title: { text: 'precision' }, range: [0, 1.02] },
      width: 560,
      height: 480,
    }),
  );
}

/** Reliability diagram: observed frequency against mean predicted probability per bin. */
export interface CalibrationChartOptions extends ChartOptions {
  /** Equal-width probability bins. Defaults to 10. */
  bins?: number;
}

export function calibrationChart(models: Scored[], options: CalibrationChartOptions = {}): Figure {
  checkScored('calibrationChart', models);
  const data: Trace[] = models.map((m, i) => {
    const c = calibrationCurve(m.actual, m.score, { bins: options.bins ?? 10 });
    return {
      type: 'scatter',
      mode: 'lines+markers',
      name: m.name,
      x: c.meanPredicted,
      y: c.fractionPositive,
      text: c.count.map((n) => `${n} cases`),
      line: { color: COLORS.palette[i % COLORS.palette.length] },
    };
  });
  data.push({ type: 'scatter', mode: 'lines', name: 'perfectly calibrated', x: [0, 1], y: [0, 1], line: { color: COLORS.baseline, dash: 'dash', width: 1 } });
  return figure(
    data,
    themed({
      title: options.title ?? 'Calibration',
      hovermode: 'closest',
      xaxis: { title: { text: 'mean predicted probability' }, range: [0, 1] },
      yaxis: { title: { text: 'fraction of positives' }, range: [0, 1] },
      width: 560,
      height: 480,
    }),
  );
}

/** Loss per epoch, train and validation, with the best epoch marked. */
export interface HistoryChartOptions extends ChartOptions {
  /** Logarithmic loss axis. Defaults to false. */
  logY?: boolean;
}

export function historyChart(history: Pick<History, 'epochs' | 'loss' | 'valLoss'> & { bestEpoch?: number }, options: HistoryChartOptions = {}): Figure {
  if (!history || !Array.isArray(history.loss)) throw new InputError(`historyChart takes the history fitModel returns, got ${describeArgument(history)}`);
  const data: Trace[] = [{ type: 'scatter', mode: 'lines', name: 'train loss', x: history.epochs, y: values(history.loss), line: { color: COLORS.model } }];
  if (history.valLoss.length)
    data.push({ type: 'scatter', mode: 'lines', name: 'validation loss', x: history.epochs, y: values(history.valLoss), line: { color: COLORS.second } });
  const shapes = history.bestEpoch
    ? [
        {
          type: 'line',
          x0: history.epochs[history.bestEpoch - 1],
          x1: history.epochs[history.bestEpoch - 1],
          yref: 'paper',
          y0: 0,
          y1: 1,
          line: { color: COLORS.baseline, dash: 'dot' },
        },
      ]
    : [];
  return figure(
    data,
    themed({
      title: options.title ?? 'Training history',
      xaxis: { title: { text: 'epoch' } },
      yaxis: { title: { text: 'loss' }, type: options.logY ? 'log' : 'linear' },
      shapes,
      height: 340,
    }),
  );
}

/** Residuals (actual − predicted) against predictions, with the zero line. */
export function residualsChart(actual: ArrayLike<number>, predicted: ArrayLike<number>, options: ChartOptions = {}): Figure {
  checkList('residualsChart: actual', actual);
  const res = Array.from(actual, (a, i) => a - predicted[i]);
  return figure(
    [{ type: 'scatter', mode: 'markers', name: 'residual', x: values(predicted), y: values(res), marker: { color: COLORS.model, size: 5, opacity: 0.7 } }],
    themed({
      title: options.title ?? 'Residuals',
      hovermode: 'closest',
      xaxis: { title: { text: 'predicted' } },
      yaxis: { title: { text: 'actual − predicted' }, zeroline: true, zerolinecolor: COLORS.second },
    }),
  );
}

/** One bar group per fold for each metric of a cross-validation or walk-forward run. */
export function foldsChart(cv: CvResult, metrics: readonly string[], options: ChartOptions = {}): Figure {
  checkObjectWith('foldsChart', cv, ['folds'], 'a crossValidate or walkForward result');
  return figure(
    metrics.map((m, i) => ({
      type: 'bar',
      name: m,
      x: cv.folds.map((f) => `fold ${f.fold}`),
      y: cv.folds.map((f) => f[m]),
      marker: { color: COLORS.palette[i % COLORS.palette.length] },
    })),
    themed({ title: options.title ?? 'Results per fold', barmode: 'group', hovermode: 'closest' }),
  );
}
