/**
 * `decisionCurveChart`: net benefit against the threshold probability for each model, beside treat-all and
 * treat-none (the x axis), optionally with each model's interval band (bootstrap lower/upper per threshold) —
 * dcurves' `plot_graphs`. Treat-all is clipped below at the chart's floor, as dcurves draws it.
 */
import type { NetBenefitRow } from '../clinical/net-benefit';
import { COLORS, themed } from './theme';
import { Trace, figure, values } from './figure';
import type { ChartOptions, Figure } from './figure';
import { InputError } from '../util/errors';
import { describeArgument } from '../util/check';

/** A model's decision curve: netBenefit's rows, and optionally a band per threshold. */
export interface DecisionCurve {
  rows: NetBenefitRow[];
  lower?: ArrayLike<number>;
  upper?: ArrayLike<number>;
}

export interface DecisionCurveChartOptions extends ChartOptions {
  /** Plot standardised net benefit (a share of the prevalence) instead of net benefit. Defaults to false. */
  standardized?: boolean;
}

/**
 * Decision curves of one or more models.
 * @example decisionCurveChart({ model: { rows: netBenefit(y, p, { thresholds }) } })
 */
export function decisionCurveChart(curves: Record<string, DecisionCurve>, options: DecisionCurveChartOptions = {}): Figure {
  const names = Object.keys(curves ?? {});
  if (!names.length || names.some((n) => !Array.isArray(curves[n]?.rows) || curves[n].rows.length === 0))
    throw new InputError(`decisionCurveChart takes { name: { rows: netBenefit(...) } }, got ${describeArgument(curves)}`);
  const first = curves[names[0]].rows;
  const x = first.map((r) => r.threshold);
  for (const n of names)
    if (curves[n].rows.length !== x.length || curves[n].rows.some((r, k) => r.threshold !== x[k]))
      throw new InputError(`decisionCurveChart: "${n}" has other thresholds than "${names[0]}"; compute every curve at the same thresholds`);
  const prevalence = first[0].model / first[0].standardized;
  const scale = (v: number) => (options.standardized ? v / prevalence : v);
  const best = Math.max(...names.flatMap((n) => curves[n].rows.map((r) => scale(r.model))), scale(first[0].treatAll), 0);
  // Treat-all falls steeply below 0: drawn down to a fifth of the range below it, no further.
  const floor = -0.2 * Math.max(best, 1e-9);
  const data: Trace[] = [];
  names.forEach((n, i) => {
    const color = COLORS.palette[i % COLORS.palette.length];
    const c = curves[n];
    if (c.lower && c.upper) {
      data.push({
        type: 'scatter',
        mode: 'lines',
        x,
        y: values(Array.from(c.upper, scale)),
        line: { width: 0 },
        showlegend: false,
        hoverinfo: 'skip',
        name: `${n} upper`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        x,
        y: values(Array.from(c.lower, scale)),
        line: { width: 0 },
        fill: 'tonexty',
        fillcolor: COLORS.band,
        showlegend: false,
        hoverinfo: 'skip',
        name: `${n} interval`,
      });
    }
    data.push({ type: 'scatter', mode: 'lines', name: n, x, y: values(c.rows.map((r) => scale(r.model))), line: { color, width: 2 } });
  });
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: 'treat all',
    x,
    y: first.map((r) => Math.max(floor, scale(r.treatAll))),
    line: { color: COLORS.baseline, width: 1.5 },
  });
  data.push({ type: 'scatter', mode: 'lines', name: 'treat none', x, y: x.map(() => 0), line: { color: COLORS.actual, width: 1.5, dash: 'dash' } });
  return figure(
    data,
    themed({
      title: options.title ?? 'Decision curve',
      hovermode: 'x',
      xaxis: { title: { text: 'threshold probability' }, tickformat: '.0%' },
      yaxis: { title: { text: options.standardized ? 'standardised net benefit' : 'net benefit' }, range: [floor, best * 1.1 + 1e-9] },
    }),
  );
}
