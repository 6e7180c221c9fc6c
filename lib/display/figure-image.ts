/**
 * `figureImage`: a figure rendered to PNG or SVG in headless Chromium, with plotly.js loaded inline.
 * `keepBrowser: true` (used by `show` inside a kernel) keeps one browser page with plotly.js loaded for the rest
 * of the session, so each further image costs a fraction of a second instead of a browser start.
 */
import type { Page } from 'playwright-core';
import type { Figure } from '../charts/figure';
import { plotlySourceCode, sanitizeFigure } from './figure-html';
import { launchBrowser, withPage } from './browser';
import { checkObjectWith } from '../util/check';

export interface ImageOptions {
  /** Image format. Defaults to "png". */
  format?: 'png' | 'svg';
  /** Pixels. Defaults to the figure's width or 900. */
  width?: number;
  /** Pixels. Defaults to the figure's height or 420. */
  height?: number;
  /** Device scale for PNG. Defaults to 2. */
  scale?: number;
  /** Keep the browser for later images (a notebook session). Defaults to false: launch and close. */
  keepBrowser?: boolean;
}

async function preparePage(page: Page): Promise<Page> {
  await page.setContent('<!doctype html><html><body><div id="f"></div></body></html>');
  await page.addScriptTag({ content: plotlySourceCode() });
  return page;
}

let sessionPage: Promise<Page> | undefined;

function keptPage(): Promise<Page> {
  sessionPage ??= launchBrowser().then(async (browser) => {
    // The kernel process owns the browser; it must not keep a plain script alive, nor outlive the kernel.
    const proc = (browser as unknown as { process?: () => { unref?: () => void } | undefined }).process?.();
    proc?.unref?.();
    process.once('exit', () => void browser.close().catch(() => undefined));
    return preparePage(await (await browser.newContext({ offline: true })).newPage());
  });
  sessionPage.catch(() => (sessionPage = undefined));
  return sessionPage;
}

/** Closes the browser that `keepBrowser` kept (end of a session, or tests). */
export async function closeImageBrowser(): Promise<void> {
  const page = sessionPage;
  sessionPage = undefined;
  if (page) await (await page).context().browser()?.close();
}

async function render(page: Page, figure: Figure, format: 'png' | 'svg', width: number, height: number, scale: number): Promise<Buffer | string> {
  const url = await page.evaluate(
    async ({ fig, format, width, height, scale }) => {
      const P = (
        window as unknown as {
          Plotly: {
            newPlot(id: string, data: unknown, layout: unknown, config: object): Promise<unknown>;
            toImage(id: string, options: object): Promise<string>;
            purge(id: string): void;
          };
        }
      ).Plotly;
      await P.newPlot('f', fig.data, fig.layout, { staticPlot: true });
      const image = await P.toImage('f', { format, width, height, scale });
      P.purge('f');
      return image as string;
    },
    { fig: sanitizeFigure(figure), format, width, height, scale },
  );
  const comma = url.indexOf(',');
  if (format === 'png') return Buffer.from(url.slice(comma + 1), 'base64');
  const body = url.slice(comma + 1);
  return url.slice(0, comma).endsWith(';base64') ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

/** PNG bytes, or SVG text. Throws when no Chromium is available (see findChromium). */
export async function figureImage(figure: Figure, options: ImageOptions = {}): Promise<Buffer | string> {
  checkObjectWith('figureImage', figure, ['data', 'layout'], 'a figure from a chart builder');
  const format = options.format ?? 'png';
  const width = options.width ?? (typeof figure.layout.width === 'number' ? figure.layout.width : 900);
  const height = options.height ?? (typeof figure.layout.height === 'number' ? figure.layout.height : 420);
  const scale = options.scale ?? 2;
  if (options.keepBrowser) return render(await keptPage(), figure, format, width, height, scale);
  return withPage(async (page) => render(await preparePage(page), figure, format, width, height, scale));
}
