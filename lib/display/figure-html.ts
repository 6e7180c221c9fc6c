/**
 * HTML for figures: a `<div>` plus a script that draws it with plotly.js. plotly.js itself (from
 * plotly.js-dist-min, ~4.8 MB) is embedded inline — never a CDN — once per page: `plotlyScript()` is the
 * tag to put before the first figure. Every string that came from data or options is escaped first.
 */
import * as fs from 'fs';
import { randomBytes } from 'crypto';
import type { Figure } from '../charts/figure';
import { escapeHtml } from '../util/html';
import { checkObjectWith } from '../util/check';

let plotlySource: string | undefined;

/** The minified plotly.js bundle, read once. */
export function plotlySourceCode(): string {
  plotlySource ??= fs.readFileSync(require.resolve('plotly.js-dist-min/plotly.min.js'), 'utf8');
  return plotlySource;
}

/** A `<script>` tag that defines window.Plotly (inline, offline). */
export function plotlyScript(): string {
  return `<script type="text/javascript">${plotlySourceCode()}</script>`;
}

// Templates are written by the chart builders (they contain Plotly's own <extra> tag); everything else is data.
const TEMPLATE_KEYS = new Set(['hovertemplate', 'texttemplate']);

/** A copy of a figure with every data string HTML-escaped, so no title, name or label can inject markup. */
export function sanitizeFigure<T>(value: T, key = ''): T {
  if (typeof value === 'string')
    return (
      TEMPLATE_KEYS.has(key)
        ? value
        : escapeHtml(value)
            .replace(/&#39;/g, "'")
            .replace(/&quot;/g, '"')
    ) as T;
  if (Array.isArray(value)) return value.map((v) => sanitizeFigure(v, key)) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, sanitizeFigure(v, k)])) as T;
  return value;
}

/** JSON that is safe inside a <script> element (no "</script>" or "<!--" can appear). */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A div and the script that draws the figure into it once plotly.js is loaded. */
export interface FigureHtmlOptions {
  /** The id of the chart's element. Defaults to a fresh one per call. */
  id?: string;
}

export function figureHtml(figure: Figure, options: FigureHtmlOptions = {}): string {
  checkObjectWith('figureHtml', figure, ['data', 'layout'], 'a figure from a chart builder');
  const id = options.id ?? `tsdl-fig-${randomBytes(6).toString('hex')}`;
  const height = typeof figure.layout.height === 'number' ? figure.layout.height : 420;
  const safe = sanitizeFigure(figure);
  return (
    `<div id="${id}" class="tsdl-figure" style="width:100%;max-width:${typeof figure.layout.width === 'number' ? `${figure.layout.width}px` : '100%'};height:${height}px"></div>` +
    `<script type="text/javascript">(function(){var f=${scriptJson(safe)};function draw(){if(window.Plotly){window.Plotly.newPlot(${scriptJson(id)},f.data,f.layout,{responsive:true,displaylogo:false});}else{setTimeout(draw,40);}}draw();})();</script>`
  );
}
