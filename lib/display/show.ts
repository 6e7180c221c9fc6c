/**
 * `show`: puts a figure, table or report inline in the notebook as one output with a full MIME bundle:
 * - figures: `application/vnd.plotly.v1+json` (JupyterLab's Plotly renderer, survives reopening),
 *   `text/html` (self-contained; plotly.js embedded in the first chart of the kernel session only, which is
 *   what exported HTML reports use, offline), `text/plain`, and — added in place once rendered in headless Chromium — `image/png`;
 * - tables, summaries and metric reports (a table form, `tabulate()`), and a caller's object with `toHTML()`:
 *   escaped `text/html` plus `text/plain`.
 * Outside a kernel (a plain script), it prints the text form.
 */
import { Figure, isFigure } from '../charts/figure';
import { escapeHtml } from '../util/html';
import { InputError } from '../util/errors';
import { Table } from '../data/table';
import { figureHtml, plotlyScript, sanitizeFigure } from './figure-html';
import { toHTML } from './to-html';
import { isTabulated } from '../util/tabular';
import { figureImage } from './figure-image';
import { findChromium } from './browser';
import { inKernel, MimeBundle, newDisplayId, sendBundle } from './jupyter';
import { checkObjectWith } from '../util/check';

let plotlySent = false;
let pngNotice = false;

/** Whether something is a danfo.js DataFrame (duck-typed: danfo is not imported here). */
function isDanfoFrame(x: unknown): x is { columns: string[]; values: unknown[][] } {
  const d = x as { columns?: unknown; values?: unknown; $data?: unknown };
  return !!d && typeof d === 'object' && Array.isArray(d.columns) && Array.isArray(d.values) && '$data' in d;
}

function titleOf(f: Figure): string {
  const t = f.layout.title as { text?: string } | string | undefined;
  return typeof t === 'string' ? t : (t?.text ?? 'chart');
}

export interface BundleOptions {
  /** Embed plotly.js in the HTML (the first figure of a notebook does). Defaults to false. */
  includePlotly?: boolean;
}

/** The MIME bundle of a figure. `includePlotly` embeds plotly.js in its HTML. */
export function figureBundle(figure: Figure, options: BundleOptions = {}): MimeBundle {
  checkObjectWith('figureBundle', figure, ['data', 'layout'], 'a figure from a chart builder');
  return {
    'application/vnd.plotly.v1+json': sanitizeFigure({ data: figure.data, layout: figure.layout, config: { displaylogo: false, responsive: true } }),
    'text/html': (options.includePlotly ? plotlyScript() : '') + figureHtml(figure),
    'text/plain': `<Figure: ${titleOf(figure)} (${figure.data.length} trace${figure.data.length === 1 ? '' : 's'})>`,
  };
}

/** The MIME bundle of any displayable value. */
export function bundleOf(x: unknown, options: BundleOptions = {}): MimeBundle {
  if (isFigure(x)) return figureBundle(x, options);
  if (isDanfoFrame(x)) return bundleOf(Table.fromDanfo(x));
  if (x instanceof Table || isTabulated(x)) return { 'text/html': toHTML(x), 'text/plain': String(x) };
  // A caller's own object that renders itself.
  const obj = x as { toHTML?: () => string; toString?: () => string };
  if (obj && typeof obj.toHTML === 'function') return { 'text/html': obj.toHTML(), 'text/plain': String(obj) };
  const text = typeof x === 'string' ? x : JSON.stringify(x, null, 2);
  return { 'text/plain': text, 'text/html': `<pre>${escapeHtml(text)}</pre>` };
}

export interface ShowOptions {
  /**
   * Add a static PNG for viewers that run no JavaScript (GitHub, nbviewer, mail). Defaults to
   * `displayDefaults.png`: on inside a kernel when Debian's chromium is available (TSDL_PNG=0 turns it off).
   */
  png?: boolean;
}

/** Session-wide display settings, e.g. `displayDefaults.png = false` in a notebook's first cell. */
export const displayDefaults = { png: process.env.TSDL_PNG !== '0' };

/**
 * Shows a chart, table or summary in the notebook. A chart appears at once (Plotly JSON + HTML); its static PNG
 * is rendered in a headless browser kept for the session and added to the same output in place. `await` it to
 * be sure the PNG is in before the cell ends (the executed notebook and its report then carry it).
 * @example await show(forecastChart({ ... }));
 */
export function show(x: unknown, options: ShowOptions = {}): Promise<void> {
  const includePlotly = isFigure(x) && !plotlySent;
  const bundle = bundleOf(x, { includePlotly });
  if (!inKernel()) {
    console.log(bundle['text/plain']);
    return Promise.resolve();
  }
  const wantPng = isFigure(x) && (options.png ?? displayDefaults.png);
  const displayId = wantPng ? newDisplayId() : undefined;
  sendBundle(bundle, { displayId });
  if (includePlotly) plotlySent = true;
  if (!wantPng) return Promise.resolve();
  if (!findChromium())
    return Promise.resolve(
      skipPng('no Chromium found; charts still work. apt-get install chromium adds PNGs for viewers without JavaScript; TSDL_PNG=0 silences this'),
    );
  // Scale 1: JupyterLab's Plotly renderer shows this PNG at its pixel size until the pointer enters, then draws live.
  return figureImage(x as Figure, { format: 'png', scale: 1, keepBrowser: true }).then(
    (png) => void sendBundle({ ...bundle, 'image/png': (png as Buffer).toString('base64') }, { displayId, update: true }),
    (err: Error) => skipPng(err.message.split('\n')[0]),
  );
}

/** Says once per session why charts carry no PNG. */
function skipPng(reason: string): void {
  if (!pngNotice) console.log(`(static PNG skipped: ${reason})`);
  pngNotice = true;
}

export interface ShowMarkdownOptions {
  /**
   * The text is trusted markdown written by the notebook's author, raw HTML and all: it goes out as it is.
   * Defaults to false: HTML in the text is shown as text and links to `javascript:` and other non-web schemes
   * are dropped, so text built from data (a file name, a category) cannot run script in the exported report.
   */
  trusted?: boolean;
}

/** A link target's scheme kept only when it is a web or mail one; any other (javascript:, data:, vbscript:) is dropped. */
const webScheme = (m: string, lead: string, scheme: string) => (/^(https?|mailto)$/i.test(scheme) ? m : lead);

/**
 * Markdown with its HTML made inert: `&`, `<`, `>` escaped (so raw HTML and `<autolinks>` are text); the targets
 * of inline links `[a](x)` and of reference definitions `[r]: x` lose any scheme other than web or mail.
 */
export function inertMarkdown(markdown: string): string {
  return (
    markdown
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      // Inline links, the target after optional whitespace (line breaks included).
      .replace(/(\]\(\s*)([a-z][a-z0-9+.-]*):/gi, webScheme)
      // Reference definitions: up to three spaces, [label]:, whitespace (one line break allowed), the target.
      .replace(/^( {0,3}\[[^\]\n]+\]:[ \t]*\n?[ \t]*)([a-z][a-z0-9+.-]*):/gim, webScheme)
  );
}

/** The bundle `showMarkdown` sends. */
export function markdownBundle(markdown: string, options: ShowMarkdownOptions = {}): MimeBundle {
  if (typeof markdown !== 'string')
    throw new InputError(
      `showMarkdown takes a string, got ${markdown === null ? 'null' : typeof markdown}; build the text first (e.g. with a template literal)`,
    );
  const text = options.trusted ? markdown : inertMarkdown(markdown);
  return { 'text/markdown': text, 'text/plain': markdown };
}

/**
 * Shows markdown between outputs: headings and prose built from a run's numbers. HTML in it is shown as text
 * unless `trusted` says the author wrote it.
 * @example showMarkdown(`The GRU is **${pct}%** better than persistence over ${n} months.`);
 */
export function showMarkdown(markdown: string, options: ShowMarkdownOptions = {}): void {
  const bundle = markdownBundle(markdown, options);
  if (!sendBundle(bundle)) console.log(markdown);
}

/** Forgets that plotly.js was sent (a new notebook session in the same process, e.g. tests). */
export function resetDisplayState(): void {
  plotlySent = false;
}
