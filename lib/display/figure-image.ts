/** `figureImage`: a figure rendered to PNG or SVG in headless Chromium, with plotly.js loaded inline. */
import type { Figure } from '../charts/figure';
import { plotlySourceCode, sanitizeFigure } from './figure-html';
import { withPage } from './browser';

export interface ImageOptions {
  format?: 'png' | 'svg';
  /** Pixels. Defaults to the figure's width or 900. */
  width?: number;
  /** Pixels. Defaults to the figure's height or 420. */
  height?: number;
  /** Device scale for PNG. Defaults to 2. */
  scale?: number;
}

/** PNG bytes, or SVG text. Throws when no Chromium is available (see findChromium). */
export async function figureImage(figure: Figure, options: ImageOptions = {}): Promise<Buffer | string> {
  const format = options.format ?? 'png';
  const width = options.width ?? (typeof figure.layout.width === 'number' ? figure.layout.width : 900);
  const height = options.height ?? (typeof figure.layout.height === 'number' ? figure.layout.height : 420);
  return withPage(async (page) => {
    await page.setContent('<!doctype html><html><body><div id="f"></div></body></html>');
    await page.addScriptTag({ content: plotlySourceCode() });
    const url = await page.evaluate(
      async ({ fig, format, width, height, scale }) => {
        const P = (window as unknown as { Plotly: any }).Plotly;
        await P.newPlot('f', fig.data, fig.layout, { staticPlot: true });
        return P.toImage('f', { format, width, height, scale });
      },
      { fig: sanitizeFigure(figure), format, width, height, scale: options.scale ?? 2 },
    );
    const comma = url.indexOf(',');
    if (format === 'png') return Buffer.from(url.slice(comma + 1), 'base64');
    const body = url.slice(comma + 1);
    return url.slice(0, comma).endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
  });
}
