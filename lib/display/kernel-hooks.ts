/**
 * The kernel-facing hooks of tables and figures, attached when the display module loads:
 * - `Symbol.for("Jupyter.display")`, which Deno's Jupyter kernel calls to render a value (HTML for a table, a
 *   Plotly chart for a figure);
 * - `util.inspect.custom`: tslab prints a cell's last expression with console.log (util.inspect), not as a Jupyter
 *   execute_result, so a Table or figure ending a cell came out as its internal fields. When the caller is tslab's
 *   last-expression print, the value is shown as show() would (without the PNG, which would arrive after the cell
 *   ends) and prints nothing; anywhere else (console.log in a script, a log) it prints its text form.
 * All are non-enumerable, so JSON and snapshots see plain data.
 */
import { inspect } from 'util';
import { Table } from '../data/table';
import type { Figure } from '../charts/figure';
import { setPresentationHook } from '../util/presented';
import { inKernel } from './jupyter';
import { show } from './show';
import { toHTML } from './to-html';

const DISPLAY = Symbol.for('Jupyter.display');

/**
 * True when tslab's executor itself calls console.log on the value: after Node's own frames are dropped, the frame
 * below this module's two frames and the value's inspect method is tslab's executor.js. A console.log in the
 * cell's code has the cell (evalmachine) there instead, and prints text.
 */
function printedByTslab(): boolean {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 40;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = limit;
  const frames = stack
    .split('\n')
    .slice(1)
    .filter((f) => !/\(node:|at node:/.test(f));
  return /tslab[\\/]dist[\\/]executor\.js/.test(frames[3] ?? '');
}

/** The text util.inspect prints for `value`: empty once the value was shown richly, else `text()`. */
function inspectForKernel(value: unknown, text: () => string): string {
  if (printedByTslab() && inKernel()) {
    void show(value, { png: false });
    return '';
  }
  return text();
}

const define = (target: object, key: symbol, value: unknown) =>
  Object.defineProperty(target, key, { enumerable: false, configurable: true, writable: true, value });

define(Table.prototype, DISPLAY, function (this: Table): Record<string, string> {
  return { 'text/html': toHTML(this), 'text/plain': this.toString() };
});
define(Table.prototype, inspect.custom, function (this: Table): string {
  return inspectForKernel(this, () => this.toString());
});

setPresentationHook((value) => {
  const fig = value as Figure;
  const text = () => `<Figure: ${fig.data.length} trace${fig.data.length === 1 ? '' : 's'}>`;
  define(fig, DISPLAY, () => ({ 'application/vnd.plotly.v1+json': { data: fig.data, layout: fig.layout }, 'text/plain': text() }));
  define(fig, inspect.custom, () => inspectForKernel(fig, text));
});
