/**
 * Key metrics of a notebook, for the reproducibility manifest: `reportMetrics({...})` in a notebook shows
 * them as a table and tags the output with a MIME type of our own, which the report runner reads back from
 * the executed notebook (`readMetrics`). Outside a kernel it prints them.
 */
import { InputError } from '../util/errors';
import { htmlTable } from '../display/html-table';
import { textTable } from '../util/text-table';
import { sendBundle } from '../display/jupyter';
import type { Notebook } from './notebook-parameters';
import { describeArgument, checkObjectWith } from '../util/check';

export const METRICS_MIME = 'application/vnd.tsdl.metrics+json';

/** Shows the notebook's key numbers and records them for the manifest. Values must be finite. */
export function reportMetrics(metrics: Record<string, number>): void {
  if (typeof metrics !== 'object' || metrics === null) throw new InputError(`reportMetrics takes { name: number, ... }, got ${describeArgument(metrics)}`);
  for (const [k, v] of Object.entries(metrics)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) throw new InputError(`reportMetrics: "${k}" is ${v}, not a finite number; report only finite metrics`);
  }
  const rows = Object.entries(metrics).map(([k, v]) => [k, v]);
  const bundle = {
    [METRICS_MIME]: metrics,
    'text/html': htmlTable(['metric', 'value'], rows, { caption: 'Key metrics (recorded in the report manifest)' }),
    'text/plain': textTable(['metric', 'value'], rows),
  };
  if (!sendBundle(bundle)) console.log(bundle['text/plain']);
}

/** The metrics an executed notebook reported (later calls win for a repeated name). */
export function readMetrics(nb: Notebook): Record<string, number> {
  checkObjectWith('readMetrics', nb, ['cells'], 'an executed notebook (its JSON, with cells)');
  const out: Record<string, number> = {};
  for (const cell of nb.cells) {
    for (const o of (cell.outputs ?? []) as { data?: Record<string, unknown> }[]) {
      const m = o.data?.[METRICS_MIME];
      if (m && typeof m === 'object') Object.assign(out, m);
    }
  }
  return out;
}
