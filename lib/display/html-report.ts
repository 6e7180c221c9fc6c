/**
 * From plain scripts: figures, tables and headings written to one standalone HTML file that works offline
 * (plotly.js embedded once), or a single figure to .html, .png or .svg.
 */
import * as path from 'path';
import { Figure, isFigure } from '../charts/figure';
import { Table } from '../data/table';
import { ReportError } from '../util/errors';
import { escapeHtml } from '../util/html';
import { writeFileAtomic } from '../util/write-file-atomic';
import { figureHtml, plotlyScript } from './figure-html';
import { figureImage } from './figure-image';
import { toHTML } from './to-html';
import { isTabulated, Tabulated } from '../util/tabular';
import { checkString, checkObjectWith } from '../util/check';

/**
 * A report item: a figure, a `Table`, a result with a table form (a summary, a metric report), a caller's object
 * with its own `toHTML()`, or a heading / paragraph of text.
 */
export type ReportItem = Figure | Table | Tabulated | { toHTML(): string } | { heading: string } | { text: string };

const STYLE = `body{font-family:Inter,system-ui,-apple-system,Segoe UI,sans-serif;max-width:1100px;margin:2rem auto;padding:0 1rem;color:#111827}
table.tsdl-table{border-collapse:collapse;font-size:13px;margin:1rem 0}table.tsdl-table td,table.tsdl-table th{border:1px solid #e5e7eb;padding:4px 8px}
table.tsdl-table td.num{text-align:right;font-variant-numeric:tabular-nums}table.tsdl-table caption{text-align:left;color:#4b5563;padding:4px 0}`;

export interface HtmlReportOptions {
  /** The page's title and heading. Defaults to "Report". */
  title?: string;
}

/** The HTML of a report page. */
export function reportHtml(items: readonly ReportItem[], options: HtmlReportOptions = {}): string {
  if (!Array.isArray(items)) checkObjectWith('reportHtml', items, ['length'], 'a list of report items (text, tables, figures)');
  const title = options.title ?? 'Report';
  const body = items
    .map((item) => {
      if (isFigure(item)) return figureHtml(item);
      if (item instanceof Table || isTabulated(item)) return toHTML(item);
      if ('heading' in item) return `<h2>${escapeHtml(item.heading)}</h2>`;
      if ('text' in item) return `<p>${escapeHtml(item.text)}</p>`;
      return item.toHTML();
    })
    .join('\n');
  const needsPlotly = items.some(isFigure);
  return `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(title)}</title><style>${STYLE}</style>${needsPlotly ? plotlyScript() : ''}</head><body><h1>${escapeHtml(title)}</h1>\n${body}\n</body></html>`;
}

/**
 * Writes a standalone report.
 * @example writeHtmlReport('out/report.html', [{ heading: 'Forecast' }, chart, table], { title: 'Yields' })
 */
export function writeHtmlReport(file: string, items: readonly ReportItem[], options: HtmlReportOptions = {}): void {
  checkString('writeHtmlReport: file', file);
  writeFileAtomic(file, reportHtml(items, options));
}

export interface WriteFigureOptions {
  /** Image width in pixels (.png, .svg). Defaults to the figure's layout width, else 900. */
  width?: number;
  /** Image height in pixels. Defaults to the figure's layout height, else 420. */
  height?: number;
}

/** Writes one figure; the extension picks the format: .html (offline), .png or .svg (headless Chromium). */
export async function writeFigure(figure: Figure, file: string, options: WriteFigureOptions = {}): Promise<void> {
  checkObjectWith('writeFigure', figure, ['data', 'layout'], 'a figure from a chart builder');
  const ext = path.extname(file).toLowerCase();
  if (ext === '.html') return writeHtmlReport(file, [figure], { title: String((figure.layout.title as { text?: string })?.text ?? 'Figure') });
  if (ext !== '.png' && ext !== '.svg') throw new ReportError(`writeFigure: unknown extension "${ext}" in ${file} (valid: .html, .png, .svg)`);
  const image = await figureImage(figure, { ...options, format: ext === '.png' ? 'png' : 'svg' });
  writeFileAtomic(file, image);
}
