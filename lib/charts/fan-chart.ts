/**
 * `fanChart`: a probabilistic forecast as nested bands — each pair of quantiles symmetric about the median (0.05
 * and 0.95, 0.25 and 0.75) a band, the outer ones lighter — with the median line and the actual series over it,
 * as a Bank of England fan chart. Quantiles come row-major, one row per date, as `predict` returns a quantile head.
 */
import { COLORS, themed } from './theme';
import { Trace, figure, timeAxis, timeAxisLayout, values } from './figure';
import type { ChartOptions, Figure, TimeAxisOptions } from './figure';
import { InputError } from '../util/errors';
import { checkList } from '../util/check';

export interface FanChartOptions extends ChartOptions, TimeAxisOptions {
  /** Dates (epoch ms) of the forecasts, or positions with xAxis "observations". Required. */
  dates: ArrayLike<number>;
  /** The quantile levels, increasing (e.g. [0.05, 0.25, 0.5, 0.75, 0.95]). Required. */
  levels: readonly number[];
  /** Forecast quantiles, row-major: dates × levels. Required. */
  quantiles: ArrayLike<number>;
  /** The actual values at the same dates, drawn over the fan. Defaults to none. */
  actual?: ArrayLike<number>;
  /** Title of the y axis. Defaults to none. */
  yTitle?: string;
}

/**
 * Nested quantile bands over time.
 * @example fanChart({ dates, levels: [0.05, 0.5, 0.95], quantiles: await predict(quantileModel, test), actual })
 */
export function fanChart(options: FanChartOptions): Figure {
  if (!options || typeof options !== 'object') throw new InputError('fanChart takes { dates, levels, quantiles, actual? }');
  checkList('fanChart: dates', options.dates);
  checkList('fanChart: quantiles', options.quantiles);
  const { levels } = options;
  if (!Array.isArray(levels) || levels.length < 2 || levels.some((q, k) => !(q > 0 && q < 1) || (k > 0 && !(q > levels[k - 1]))))
    throw new InputError(`fanChart: levels must be at least two increasing quantile levels in (0, 1), got ${JSON.stringify(levels)}`);
  const n = options.dates.length;
  const m = levels.length;
  if (options.quantiles.length !== n * m)
    throw new InputError(`fanChart: quantiles hold ${options.quantiles.length} values; ${n} dates × ${m} levels need ${n * m}`);
  const column = (k: number) => Array.from({ length: n }, (_, i) => options.quantiles[i * m + k]);
  const x = timeAxis(options.dates, options);
  const data: Trace[] = [];
  // Pairs from the outside in: (0, m−1), (1, m−2), …; the outer band lightest.
  const pairs = Math.floor(m / 2);
  for (let p = 0; p < pairs; p++) {
    const lo = p;
    const hi = m - 1 - p;
    const opacity = 0.12 + (0.3 * (p + 1)) / pairs;
    data.push({ type: 'scatter', mode: 'lines', x, y: values(column(hi)), line: { width: 0 }, showlegend: false, hoverinfo: 'skip', name: `q${levels[hi]}` });
    data.push({
      type: 'scatter',
      mode: 'lines',
      x,
      y: values(column(lo)),
      line: { width: 0 },
      fill: 'tonexty',
      fillcolor: `rgba(37, 99, 235, ${opacity.toFixed(2)})`,
      name: `${Math.round((levels[hi] - levels[lo]) * 100)}% band (${levels[lo]}–${levels[hi]})`,
    });
  }
  const middle = levels.indexOf(0.5);
  if (middle >= 0) data.push({ type: 'scatter', mode: 'lines', x, y: values(column(middle)), name: 'median', line: { color: COLORS.model, width: 1.6 } });
  if (options.actual) {
    checkList('fanChart: actual', options.actual);
    if (options.actual.length !== n) throw new InputError(`fanChart: actual has ${options.actual.length} values for ${n} dates`);
    data.push({ type: 'scatter', mode: 'lines', x, y: values(options.actual), name: 'actual', line: { color: COLORS.actual, width: 1.4 } });
  }
  return figure(
    data,
    themed({ title: options.title ?? 'Forecast fan', hovermode: 'x', xaxis: timeAxisLayout(options), yaxis: { title: { text: options.yTitle ?? '' } } }),
  );
}
