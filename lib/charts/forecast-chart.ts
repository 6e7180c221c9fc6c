/**
 * `forecastChart`: a time series with the test period shaded, model and baseline predictions overlaid, and an
 * optional prediction interval band.
 */
import { COLORS, themed } from './theme';
import { Trace, figure, timeAxis, timeAxisLayout, values } from './figure';
import type { ChartOptions, Figure, TimeAxisOptions } from './figure';
import { InputError } from '../util/errors';
import { describeArgument, checkObjectWith } from '../util/check';

export interface ForecastChartOptions extends ChartOptions, TimeAxisOptions {
  /** Dates (epoch ms) of the actual series. */
  dates: ArrayLike<number>;
  /** The actual series, one value per date. */
  actual: ArrayLike<number>;
  /** Label of the actual series. Defaults to "actual". */
  actualName?: string;
  /** Named predictions, each with its own dates (the targets' dates). The first is drawn as "the model". */
  predictions?: { name: string; dates: ArrayLike<number>; values: ArrayLike<number> }[];
  /** A band (e.g. a 90% Monte-Carlo dropout interval). */
  interval?: { dates: ArrayLike<number>; lower: ArrayLike<number>; upper: ArrayLike<number>; name?: string };
  /** First date of the test period: everything after it is shaded. */
  testStart?: number;
  /** Label of the y axis. Defaults to none. */
  yTitle?: string;
}

/** Line chart of actual vs predicted values over time. */
export function forecastChart(options: ForecastChartOptions): Figure {
  checkObjectWith('forecastChart', options, ['dates', 'actual'], '{ dates, actual, predictions, ... }');
  if (!options || typeof options !== 'object')
    throw new InputError(`forecastChart takes { dates, actual, predictions, ... }, got ${describeArgument(options)}`);
  const data: Trace[] = [];
  if (options.interval) {
    const x = timeAxis(options.interval.dates, options);
    data.push({
      type: 'scatter',
      mode: 'lines',
      x,
      y: values(options.interval.upper),
      line: { width: 0 },
      showlegend: false,
      hoverinfo: 'skip',
      name: 'upper',
    });
    data.push({
      type: 'scatter',
      mode: 'lines',
      x,
      y: values(options.interval.lower),
      line: { width: 0 },
      fill: 'tonexty',
      fillcolor: COLORS.band,
      name: options.interval.name ?? 'interval',
    });
  }
  data.push({
    type: 'scatter',
    mode: 'lines',
    name: options.actualName ?? 'actual',
    x: timeAxis(options.dates, options),
    y: values(options.actual),
    line: { color: COLORS.actual, width: 1.6 },
  });
  (options.predictions ?? []).forEach((p, i) => {
    const color = i === 0 ? COLORS.model : i === 1 ? COLORS.baseline : COLORS.palette[(i + 1) % COLORS.palette.length];
    data.push({
      type: 'scatter',
      mode: 'lines',
      name: p.name,
      x: timeAxis(p.dates, options),
      y: values(p.values),
      line: { color, width: 1.6, dash: i === 0 ? 'solid' : 'dot' },
    });
  });
  const shapes =
    options.testStart === undefined
      ? []
      : [
          {
            type: 'rect',
            xref: 'x',
            yref: 'paper',
            x0: timeAxis([options.testStart], options)[0],
            x1: timeAxis([options.dates[options.dates.length - 1]], options)[0],
            y0: 0,
            y1: 1,
            fillcolor: COLORS.testShade,
            line: { width: 0 },
            layer: 'below',
          },
        ];
  const annotations =
    options.testStart === undefined
      ? []
      : [
          {
            x: timeAxis([options.testStart], options)[0],
            y: 1,
            xref: 'x',
            yref: 'paper',
            text: 'test',
            showarrow: false,
            xanchor: 'left',
            yanchor: 'bottom',
            font: { color: COLORS.second },
          },
        ];
  return figure(
    data,
    themed({ title: options.title ?? 'Forecast', shapes, annotations, xaxis: timeAxisLayout(options), yaxis: { title: { text: options.yTitle ?? '' } } }),
  );
}
