/** The one theme of every chart: colours, fonts, margins, hover and legend placement. */
import type { Layout } from './figure';
import { checkObjectWith } from '../util/check';

/** Colour per role, so "actual", "model" and "baseline" look the same in every chart. */
export const COLORS = {
  actual: '#1f2937',
  model: '#2563eb',
  baseline: '#9ca3af',
  second: '#f59e0b',
  positive: '#16a34a',
  negative: '#dc2626',
  band: 'rgba(37, 99, 235, 0.18)',
  testShade: 'rgba(245, 158, 11, 0.10)',
  palette: ['#2563eb', '#f59e0b', '#16a34a', '#dc2626', '#7c3aed', '#0891b2', '#db2777', '#65a30d'],
} as const;

/** Base layout merged under every chart's own layout. */
export function themed(layout: Layout): Layout {
  checkObjectWith('themed', layout, [], 'a Plotly layout object');
  return {
    paper_bgcolor: '#ffffff',
    plot_bgcolor: '#ffffff',
    font: { family: 'Inter, system-ui, -apple-system, Segoe UI, sans-serif', size: 13, color: '#111827' },
    margin: { l: 60, r: 20, t: 56, b: 48 },
    hovermode: 'x unified',
    legend: { orientation: 'h', y: -0.18 },
    height: 420,
    ...layout,
    title: typeof layout.title === 'string' ? { text: layout.title, x: 0.01, xanchor: 'left' } : layout.title,
  };
}
