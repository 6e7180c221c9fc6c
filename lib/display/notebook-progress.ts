/**
 * Live training progress in a notebook: one output, updated in place after every epoch (Jupyter's
 * `update_display_data`), holding a loss chart and a status line — not one printed line per epoch.
 */
import { historyChart } from '../charts/evaluation-charts';
import { setNotebookProgress, ProgressReporter } from '../train/progress';
import { escapeHtml } from '../util/html';
import { inKernel, newDisplayId, sendBundle } from './jupyter';
import { figureBundle } from './show';

/** A reporter that draws the loss curve as it trains. Updates at most every `minMs` milliseconds. */
export function notebookProgress(minMs = 250): ProgressReporter {
  const id = newDisplayId();
  let last = 0;
  let title = '';
  let started = false;
  const draw = (status: string, history: { loss: number[]; valLoss: number[] }) => {
    const epochs = history.loss.map((_, i) => i + 1);
    const chart = figureBundle(historyChart({ epochs, loss: history.loss, valLoss: history.valLoss }, { title: `${title}: ${status}` }));
    const bundle = { ...chart, 'text/html': `<div>${escapeHtml(status)}</div>${chart['text/html']}`, 'text/plain': status };
    sendBundle(bundle, { displayId: id, update: started });
    started = true;
  };
  let lastHistory = { loss: [] as number[], valLoss: [] as number[] };
  return {
    start(_epochs, name) {
      title = name;
    },
    epoch(r) {
      lastHistory = r.history;
      const now = Date.now();
      if (now - last < minMs && r.epoch !== r.epochs) return;
      last = now;
      draw(`epoch ${r.epoch}/${r.epochs}, loss ${r.loss.toFixed(4)}${r.valLoss === undefined ? '' : `, val_loss ${r.valLoss.toFixed(4)}`}`, r.history);
    },
    end(summary) {
      draw(summary, lastHistory);
    },
  };
}

/** Makes `fitModel`'s "auto" progress use the live chart inside a kernel. */
export function installNotebookProgress(): void {
  setNotebookProgress(() => (inKernel() ? notebookProgress() : { end: (s: string) => console.log(s) }));
}
