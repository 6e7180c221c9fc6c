/**
 * The one file that knows how the kernels talk to Jupyter: tslab, and Deno's `deno jupyter`.
 *
 * tslab: tslab's public `display.raw` sends a single MIME type;
 * a chart needs a bundle (Plotly JSON for JupyterLab, self-contained HTML for exported reports, text for
 * terminals), so this sends a `display_data` message through the function tslab itself uses for its display
 * API (`tslab/dist/jupyter`'s `lastWriteDisplayData`). That is an internal of tslab: the project pins tslab
 * 1.0.22, and test/display/jupyter.test.ts checks the call still exists.
 *
 * Deno: `Deno.jupyter.broadcast(type, content)` sends any iopub message (display_data, update_display_data); it is
 * Deno's public API, present only under `deno jupyter` (reading it elsewhere throws).
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

type Broadcast = (type: string, content: object) => Promise<void> | void;

function denoJupyter(): Broadcast | undefined {
  const deno = (globalThis as { Deno?: { jupyter?: { broadcast?: Broadcast } } }).Deno;
  if (!deno) return undefined;
  try {
    const b = deno.jupyter?.broadcast;
    return typeof b === 'function' ? b.bind(deno.jupyter) : undefined;
  } catch {
    return undefined; // "Deno.jupyter is only available in `deno jupyter` subcommand"
  }
}

/** True inside a tslab or Deno kernel that is executing a cell. */
export function inKernel(): boolean {
  return typeof tslabJupyter()?.lastWriteDisplayData === 'function' || denoJupyter() !== undefined;
}

/** Sends a MIME bundle as one output. With `displayId`, later `update: true` calls replace it in place. */
export interface SendBundleOptions {
  /** A display id, so later bundles can replace this output. Defaults to none. */
  displayId?: string;
  /** Replace the output shown under `displayId` instead of adding one. Defaults to false. */
  update?: boolean;
}

export function sendBundle(data: MimeBundle, options: SendBundleOptions = {}): boolean {
  const content = { data, metadata: {}, transient: options.displayId ? { display_id: options.displayId } : {} };
  const write = tslabJupyter()?.lastWriteDisplayData;
  if (typeof write === 'function') {
    write(content, options.update ?? false);
    return true;
  }
  const broadcast = denoJupyter();
  if (!broadcast) return false;
  // Deno 2.9 sends synchronously and returns nothing; earlier versions returned a promise.
  const sent = broadcast(options.update ? 'update_display_data' : 'display_data', content);
  if (sent && typeof sent.then === 'function') sent.then(undefined, () => undefined);
  return true;
}

/** A fresh display id for an output that will be updated in place. */
export function newDisplayId(): string {
  return randomBytes(8).toString('hex');
}
