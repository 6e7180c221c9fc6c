/**
 * The one file that knows how tslab talks to Jupyter. tslab's public `display.raw` sends a single MIME type;
 * a chart needs a bundle (Plotly JSON for JupyterLab, self-contained HTML for exported reports, text for
 * terminals), so this sends a `display_data` message through the function tslab itself uses for its display
 * API (`tslab/dist/jupyter`'s `lastWriteDisplayData`). That is an internal of tslab: the project pins tslab
 * 1.0.22, and test/display/jupyter.test.ts checks the call still exists.
 */
import { randomBytes } from 'crypto';

/** MIME type → content (strings; binary as base64). */
export type MimeBundle = Record<string, string | object>;

type WriteDisplayData = (content: { data: MimeBundle; metadata: object; transient: { display_id?: string } }, update: boolean) => void;

function tslabJupyter(): { lastWriteDisplayData: WriteDisplayData | null } | undefined {
  let file: string;
  try {
    file = require.resolve('tslab/dist/jupyter');
  } catch {
    return undefined;
  }
  // Only a running kernel has loaded it; a plain script must not pull in tslab and zeromq.
  return require.cache[file]?.exports as { lastWriteDisplayData: WriteDisplayData | null } | undefined;
}

/** True inside a tslab kernel that is executing a cell. */
export function inKernel(): boolean {
  return typeof tslabJupyter()?.lastWriteDisplayData === 'function';
}

/** Sends a MIME bundle as one output. With `displayId`, later `update: true` calls replace it in place. */
export function sendBundle(data: MimeBundle, options: { displayId?: string; update?: boolean } = {}): boolean {
  const write = tslabJupyter()?.lastWriteDisplayData;
  if (typeof write !== 'function') return false;
  write({ data, metadata: {}, transient: options.displayId ? { display_id: options.displayId } : {} }, options.update ?? false);
  return true;
}

/** A fresh display id for an output that will be updated in place. */
export function newDisplayId(): string {
  return randomBytes(8).toString('hex');
}
