/**
 * A cell's last expression in tslab: tslab prints that value with console.log (util.inspect), not as a Jupyter
 * execute_result, so a Table or figure ending a cell came out as its internal fields. Values that know how to
 * display themselves call `inspectForKernel` from their `[util.inspect.custom]`: when the caller is tslab's
 * last-expression print and the display module has registered a renderer, the value is shown as a table or chart
 * and prints nothing; anywhere else (console.log in a script, a log) it prints its text form. Deno's kernel needs
 * none of this: it calls the value's Symbol.for("Jupyter.display") itself.
 */

type Renderer = (value: unknown) => boolean;
let renderer: Renderer | undefined;

/** Registered by lib/display (the only module that talks to kernels): shows a value, false when not in a kernel. */
export function setLastExpressionRenderer(r: Renderer | undefined): void {
  renderer = r;
}

/**
 * True when tslab's executor itself calls console.log on the value: after Node's own frames are dropped, the frame
 * below this function, inspectForKernel and the value's inspect method is tslab's executor.js. A console.log in
 * the cell's code has the cell (evalmachine) there instead, and prints text.
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
export function inspectForKernel(value: unknown, text: () => string): string {
  if (renderer && printedByTslab() && renderer(value)) return '';
  return text();
}
