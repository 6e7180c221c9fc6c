/**
 * `exceedanceChart`: a VaR backtest at a glance — the returns, the VaR forecast drawn as the loss threshold (−VaR),
 * and a marker on every day the loss passed it, so clusters of exceedances (what Christoffersen's test measures)
 * show as clumps of red.
 */
import { COLORS, themed } from './theme';
import { Trace, figure, timeAxis, timeAxisLayout, values } from './figure';
import type { ChartOptions, Figure, TimeAxisOptions } from './figure';
import { InputError } from '../util/errors';
import { checkList } from '../util/check';

export interface ExceedanceChartOptions extends ChartOptions, TimeAxisOptions {
  /** Dates (epoch ms) of the returns, or positions with xAxis "observations". Required. */
  dates: ArrayLike<number>;
  /** The realised returns. Required. */
  returns: ArrayLike<number>;
  /** The VaR forecast for each day, as a positive loss (NaN where there is none yet). Required. */
  valueAtRisk: ArrayLike<number>;
  /** The model's name in the legend. Defaults to "VaR". */
  name?: string;
}

/**
 * Returns, the −VaR threshold and the exceedances.
 * @example exceedanceChart({ dates, returns: r, valueAtRisk: garch.valueAtRisk, name: 'GARCH(1,1)-t 99%' })
 */
export function exceedanceChart(options: ExceedanceChartOptions): Figure {
  if (!options || typeof options !== 'object') throw new InputError('exceedanceChart takes { dates, returns, valueAtRisk }');
  checkList('exceedanceChart: dates', options.dates);
  checkList('exceedanceChart: returns', options.returns);
  checkList('exceedanceChart: valueAtRisk', options.valueAtRisk);
  const n = options.dates.length;
  if (options.returns.length !== n || options.valueAtRisk.length !== n)
    throw new InputError(
      `exceedanceChart: ${n} dates, ${options.returns.length} returns and ${options.valueAtRisk.length} VaR values; give one of each per day`,
    );
  const hits: number[] = [];
  for (let i = 0; i < n; i++) if (Number.isFinite(options.valueAtRisk[i]) && options.returns[i] < -options.valueAtRisk[i]) hits.push(i);
  const name = options.name ?? 'VaR';
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: 'lines',
      name: 'return',
      x: timeAxis(options.dates, options),
      y: values(options.returns),
      line: { color: COLORS.baseline, width: 1 },
    },
    {
      type: 'scatter',
      mode: 'lines',
      name: `−${name}`,
      x: timeAxis(options.dates, options),
      y: values(Array.from(options.valueAtRisk, (v) => -v)),
      line: { color: COLORS.model, width: 1.4 },
    },
    {
      type: 'scatter',
      mode: 'markers',
      name: `exceedances (${hits.length})`,
      x: timeAxis(
        hits.map((i) => options.dates[i]),
        options,
      ),
      y: hits.map((i) => options.returns[i]),
      marker: { color: COLORS.negative, size: 6 },
    },
  ];
  return figure(
    data,
    themed({
      title: options.title ?? `Exceedances of ${name}`,
      hovermode: 'closest',
      xaxis: timeAxisLayout(options),
      yaxis: { title: { text: 'return' }, tickformat: '.1%' },
    }),
  );
}
