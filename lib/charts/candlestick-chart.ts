/** `candlestickChart`: OHLC candles with optional volume bars below and indicator lines (moving averages, bands). */
import { Table } from '../data/table';
import { COLORS, themed } from './theme';
import { Trace, dateAxis, figure, values } from './figure';
import type { ChartOptions, Figure } from './figure';
import { checkTable } from '../data/check-table';

export interface CandlestickOptions extends ChartOptions {
  /** Date column. Defaults to "date". */
  dateColumn?: string;
  /** Show the volume column under the candles. Defaults to true when a "volume" column exists. */
  volume?: boolean;
  /** Lines drawn over the candles, e.g. { 'MA 20': rollingMean(close, 20) }. */
  overlays?: Record<string, ArrayLike<number>>;
  /** A band drawn as a shaded area, e.g. Bollinger bands. */
  band?: { name: string; lower: ArrayLike<number>; upper: ArrayLike<number> };
}

/** Candles from a table with open, high, low, close (and volume) columns. */
export function candlestickChart(bars: Table, options: CandlestickOptions = {}): Figure {
  checkTable('candlestickChart', bars);
  const x = dateAxis(bars.dates(options.dateColumn ?? 'date'));
  const withVolume = options.volume ?? bars.has('volume');
  const data: Trace[] = [];
  if (options.band) {
    data.push({
      type: 'scatter',
      mode: 'lines',
      x,
      y: values(options.band.upper),
      line: { width: 0.5, color: COLORS.baseline },
      showlegend: false,
      hoverinfo: 'skip',
      name: `${options.band.name} upper`,
    });
    data.push({
      type: 'scatter',
      mode: 'lines',
      x,
      y: values(options.band.lower),
      line: { width: 0.5, color: COLORS.baseline },
      fill: 'tonexty',
      fillcolor: 'rgba(156,163,175,0.15)',
      name: options.band.name,
    });
  }
  data.push({
    type: 'candlestick',
    name: 'price',
    x,
    open: values(bars.numbers('open')),
    high: values(bars.numbers('high')),
    low: values(bars.numbers('low')),
    close: values(bars.numbers('close')),
    increasing: { line: { color: COLORS.positive } },
    decreasing: { line: { color: COLORS.negative } },
  });
  Object.entries(options.overlays ?? {}).forEach(([name, v], i) =>
    data.push({ type: 'scatter', mode: 'lines', name, x, y: values(v), line: { width: 1.3, color: COLORS.palette[(i + 1) % COLORS.palette.length] } }),
  );
  const layout: Record<string, unknown> = {
    title: options.title ?? 'Price',
    xaxis: { type: 'date', rangeslider: { visible: false } },
    yaxis: { title: { text: 'price' }, domain: withVolume ? [0.28, 1] : [0, 1] },
  };
  if (withVolume) {
    data.push({ type: 'bar', name: 'volume', x, y: values(bars.numbers('volume')), yaxis: 'y2', marker: { color: COLORS.baseline } });
    layout.yaxis2 = { domain: [0, 0.2], title: { text: 'volume' } };
  }
  return figure(data, themed({ ...layout, height: 520, hovermode: 'x' }));
}
