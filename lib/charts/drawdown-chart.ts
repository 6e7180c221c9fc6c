/** `drawdownChart`: the fall from the running peak of an equity curve, as a filled area (0 at new highs). */
import { COLORS, themed } from './theme';
import { figure, timeAxis, timeAxisLayout } from './figure';
import type { ChartOptions, Figure, TimeAxisOptions } from './figure';
import { checkList } from '../util/check';

/** Options of drawdownChart: a title, and dates or positions on the x axis. */
export interface DrawdownChartOptions extends ChartOptions, TimeAxisOptions {}

/** Drawdown of each equity curve, in percent. */
export function drawdownChart(dates: ArrayLike<number>, curves: Record<string, ArrayLike<number>>, options: DrawdownChartOptions = {}): Figure {
  checkList('drawdownChart: dates', dates);
  const data = Object.entries(curves).map(([name, equity], i) => {
    let peak = -Infinity;
    const dd = Array.from(equity, (v) => {
      peak = Math.max(peak, v);
      return (v / peak - 1) * 100;
    });
    return {
      type: 'scatter',
      mode: 'lines',
      name,
      x: timeAxis(dates, options),
      y: dd,
      fill: i === 0 ? 'tozeroy' : 'none',
      line: { color: i === 0 ? COLORS.negative : COLORS.baseline, width: 1.2 },
    };
  });
  return figure(
    data,
    themed({ title: options.title ?? 'Drawdown', xaxis: timeAxisLayout(options), yaxis: { title: { text: 'drawdown (%)' }, ticksuffix: '%' } }),
  );
}
