/** Distributions: `histogramChart` (e.g. of returns) and `distributionByClass` (a feature split by label). */
import { Table } from '../data/table';
import { COLORS, themed } from './theme';
import { figure, values } from './figure';
import type { ChartOptions, Figure } from './figure';
import { checkList } from '../util/check';
import { checkTable } from '../data/check-table';

/** Histogram of values, with the mean marked. */
export interface HistogramChartOptions extends ChartOptions {
  /** Bars. Defaults to 60. */
  bins?: number;
  /** Label of the x axis. Defaults to none. */
  xTitle?: string;
}

export function histogramChart(v: ArrayLike<number>, options: HistogramChartOptions = {}): Figure {
  checkList('histogramChart: v', v);
  const finite = Array.from(v).filter(Number.isFinite);
  const mean = finite.reduce((a, b) => a + b, 0) / finite.length;
  return figure(
    [{ type: 'histogram', x: values(finite), nbinsx: options.bins ?? 60, marker: { color: COLORS.model }, name: 'count' }],
    themed({
      title: options.title ?? 'Distribution',
      hovermode: 'closest',
      bargap: 0.02,
      xaxis: { title: { text: options.xTitle ?? '' } },
      yaxis: { title: { text: 'count' } },
      shapes: [{ type: 'line', x0: mean, x1: mean, yref: 'paper', y0: 0, y1: 1, line: { color: COLORS.second, dash: 'dash' } }],
    }),
  );
}

/** Overlaid histograms of one feature per class of a label column. */
export function distributionByClass(table: Table, feature: string, label: string, options: ChartOptions = {}): Figure {
  checkTable('distributionByClass', table);
  const x = table.numbers(feature);
  const y = table.strings(label);
  const classes = [...new Set(y.map(String))].sort();
  return figure(
    classes.map((c, i) => ({
      type: 'histogram',
      name: c,
      x: values(x.filter((_, j) => String(y[j]) === c)),
      opacity: 0.6,
      marker: { color: COLORS.palette[i % COLORS.palette.length] },
    })),
    themed({
      title: options.title ?? `${feature} by ${label}`,
      barmode: 'overlay',
      hovermode: 'closest',
      xaxis: { title: { text: feature } },
      yaxis: { title: { text: 'count' } },
    }),
  );
}
