/**
 * `survivalChart`: Kaplan–Meier curves (steps) with their confidence bands, one per group, and the number at risk
 * under the x axis at chosen times — the figure a survival paper prints. Also draws model-predicted curves (a
 * Cox model's survival for a patient) when given as plain step curves.
 */
import type { KaplanMeierResult } from '../clinical/kaplan-meier';
import { COLORS, themed } from './theme';
import { Trace, figure, values } from './figure';
import type { ChartOptions, Figure } from './figure';
import { InputError } from '../util/errors';
import { describeArgument } from '../util/check';

/** A curve to draw: a Kaplan–Meier result, or times and survival probabilities (optionally a band). */
export type SurvivalCurve = Pick<KaplanMeierResult, 'times' | 'survival'> & Partial<Pick<KaplanMeierResult, 'lower' | 'upper' | 'atRisk'>>;

export interface SurvivalChartOptions extends ChartOptions {
  /** Times at which the at-risk table counts patients. Defaults to six round times over the follow-up; [] for none. */
  atRiskTimes?: number[];
  /** The x-axis title. Defaults to "time". */
  timeLabel?: string;
}

/** Round times from 0 to the end of follow-up: steps of 1, 2 or 5 × a power of ten, about six of them. */
function roundTimes(end: number): number[] {
  if (!(end > 0)) return [0];
  const raw = end / 6;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return Array.from({ length: Math.floor(end / step) + 1 }, (_, k) => k * step);
}

/** Number still at risk (time ≥ τ) from a Kaplan–Meier table: at risk before the first time ≥ τ, else 0. */
function atRiskAt(curve: SurvivalCurve, tau: number): number {
  const k = curve.times.findIndex((t) => t >= tau);
  return k < 0 ? 0 : curve.atRisk![k];
}

/**
 * Survival curves by group with bands and an at-risk table.
 * @example survivalChart({ male: kaplanMeier(tm, em), female: kaplanMeier(tf, ef) }, { timeLabel: 'days' })
 */
export function survivalChart(curves: Record<string, SurvivalCurve>, options: SurvivalChartOptions = {}): Figure {
  if (!curves || typeof curves !== 'object' || Object.values(curves).some((c) => !c || !c.times || !c.survival))
    throw new InputError(`survivalChart takes { name: kaplanMeier(...) or { times, survival } }, got ${describeArgument(curves)}`);
  const names = Object.keys(curves);
  if (names.length === 0) throw new InputError('survivalChart needs at least one curve');
  const data: Trace[] = [];
  names.forEach((name, i) => {
    const c = curves[name];
    const color = COLORS.palette[i % COLORS.palette.length];
    if (c.lower && c.upper) {
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: values(c.times),
        y: values(c.upper),
        line: { width: 0, shape: 'hv' },
        showlegend: false,
        hoverinfo: 'skip',
        name: `${name} upper`,
      });
      data.push({
        type: 'scatter',
        mode: 'lines',
        x: values(c.times),
        y: values(c.lower),
        line: { width: 0, shape: 'hv' },
        fill: 'tonexty',
        fillcolor: color.replace(/^#(..)(..)(..)$/, (_, r, g, b) => `rgba(${parseInt(r, 16)}, ${parseInt(g, 16)}, ${parseInt(b, 16)}, 0.15)`),
        showlegend: false,
        hoverinfo: 'skip',
        name: `${name} band`,
      });
    }
    data.push({ type: 'scatter', mode: 'lines', name, x: values(c.times), y: values(c.survival), line: { color, width: 2, shape: 'hv' } });
  });
  const end = Math.max(...names.map((n) => curves[n].times[curves[n].times.length - 1]));
  const counted = names.every((n) => curves[n].atRisk);
  const ticks = options.atRiskTimes ?? (counted ? roundTimes(end) : []);
  if (ticks.length && !counted)
    throw new InputError('survivalChart: an at-risk table needs Kaplan–Meier curves (with atRisk); pass atRiskTimes: [] for model curves');
  if (ticks.length)
    names.forEach((name, i) =>
      data.push({
        type: 'scatter',
        mode: 'text',
        x: ticks,
        y: ticks.map(() => name),
        text: ticks.map((t) => String(atRiskAt(curves[name], t))),
        textfont: { color: COLORS.palette[i % COLORS.palette.length], size: 12 },
        yaxis: 'y2',
        showlegend: false,
        hoverinfo: 'skip',
        name: `${name} at risk`,
      }),
    );
  const table = ticks.length > 0;
  return figure(
    data,
    themed({
      title: options.title ?? 'Survival',
      hovermode: 'x',
      xaxis: { title: { text: options.timeLabel ?? 'time' }, range: [0, end * 1.02], ...(table ? { anchor: 'y2' } : {}) },
      yaxis: { title: { text: 'survival probability' }, range: [0, 1.02], domain: table ? [0.1 + 0.07 * names.length, 1] : [0, 1] },
      ...(table
        ? {
            yaxis2: {
              domain: [0, 0.05 + 0.06 * names.length],
              type: 'category',
              autorange: 'reversed',
              showgrid: false,
              zeroline: false,
              title: { text: 'at risk' },
              fixedrange: true,
            },
            height: 420 + 30 * names.length,
          }
        : {}),
    }),
  );
}
