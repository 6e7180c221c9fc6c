/**
 * `lossSvg`: the loss curves of a fit as a small inline SVG, for the live training output. JupyterLab redraws an
 * HTML output on `update_display_data` but not a Plotly one, so the curve grows epoch by epoch as HTML, and the
 * finished fit is sent once as a Plotly chart.
 */
import { escapeHtml } from '../util/html';

const W = 640;
const H = 220;
const PAD = { left: 56, right: 12, top: 28, bottom: 28 };

/** An SVG line chart of loss (and validation loss) per epoch, with its title and axis extremes as text. */
export function lossSvg(history: { loss: readonly number[]; valLoss: readonly number[] }, title: string): string {
  const series = [
    { name: 'loss', values: history.loss, color: '#2563eb' },
    { name: 'val_loss', values: history.valLoss, color: '#ea580c' },
  ].filter((s) => s.values.length > 0);
  const all = series.flatMap((s) => s.values.filter(Number.isFinite));
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const span = hi - lo || 1;
  const n = Math.max(2, ...series.map((s) => s.values.length));
  const x = (i: number) => PAD.left + (i / (n - 1)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - (v - lo) / span) * (H - PAD.top - PAD.bottom);
  const lines = series.map(
    (s) =>
      `<polyline data-series="${s.name}" fill="none" stroke="${s.color}" stroke-width="2" points="${s.values.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ')}"/>`,
  );
  const legend = series.map((s, i) => `<text x="${W - PAD.right - 150 + i * 70}" y="16" font-size="12" fill="${s.color}">${s.name}</text>`);
  const fmt = (v: number) => (Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(2) : v.toFixed(4));
  return (
    `<svg class="tsdl-live-loss" xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}">` +
    `<text x="${PAD.left}" y="16" font-size="13" font-family="sans-serif">${escapeHtml(title)}</text>` +
    `<rect x="${PAD.left}" y="${PAD.top}" width="${W - PAD.left - PAD.right}" height="${H - PAD.top - PAD.bottom}" fill="none" stroke="#e5e7eb"/>` +
    `<text x="${PAD.left - 4}" y="${PAD.top + 10}" font-size="11" text-anchor="end">${fmt(hi)}</text>` +
    `<text x="${PAD.left - 4}" y="${H - PAD.bottom}" font-size="11" text-anchor="end">${fmt(lo)}</text>` +
    `<text x="${PAD.left}" y="${H - 8}" font-size="11">epoch 1</text><text x="${W - PAD.right}" y="${H - 8}" font-size="11" text-anchor="end">epoch ${n}</text>` +
    lines.join('') +
    legend.join('') +
    `</svg>`
  );
}
