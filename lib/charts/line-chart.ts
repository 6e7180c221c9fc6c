/** `lineChart`: several series over time on one chart (yields of several maturities, equity curves). */
import { COLORS, themed } from './theme';
import { figure, timeAxis, timeAxisLayout, values } from './figure';
import type { ChartOptions, Figure, TimeAxisOptions } from './figure';
import { InputError } from '../util/errors';
import { describeArgument } from '../util/check';

export interface LineChartOptions extends ChartOptions, TimeAxisOptions {
  /** Dates of the points (epoch ms, as Table.dates gives them), or positions with xAxis "observations". Required. */
  dates: ArrayLike<number>;
  /** One line per name, each value at the date of the same index. Required. */
  series: Record<string, ArrayLike<number>>;
  /** Label of the y axis. Defaults to none. */
  yTitle?: string;
  /** Logarithmic y axis (growth of 1 invested). Defaults to false. */
  logY?: boolean;
}

/** Several series over time on one chart (e.g. yields of several maturities, or equity curves). */
export function lineChart(options: LineChartOptions): Figure {
  if (!options || typeof options.series !== 'object')
    throw new InputError(`lineChart takes { dates, series: { name: values } }, got ${describeArgument(options)}`);
  const data = Object.entries(options.series).map(([name, v], i) => ({
    type: 'scatter',
    mode: 'lines',
    name,
    x: timeAxis(options.dates, options),
    y: values(v),
    line: { color: COLORS.palette[i % COLORS.palette.length], width: 1.5 },
  }));
  return figure(
    data,
    themed({
      title: options.title ?? '',
      xaxis: timeAxisLayout(options),
      yaxis: { title: { text: options.yTitle ?? '' }, type: options.logY ? 'log' : 'linear' },
    }),
  );
}
