/**
 * Live training progress in a notebook: one output, updated in place after every epoch (Jupyter's
 * `update_display_data`), holding a loss chart and a status line — not one printed line per epoch.
 */
import { historyChart } from '../charts/evaluation-charts';
import { setNotebookProgress, ProgressReporter } from '../train/progress';
import { escapeHtml } from '../util/html';
import { inKernel, MimeBundle, newDisplayId, sendBundle } from './jupyter';
import { lossSvg } from './loss-svg';
import { figureBundle } from './show';

/**
 * A reporter that draws the loss curve as it trains: an inline SVG updated in place (at most every `minMs`
 * milliseconds; JupyterLab redraws HTML updates, not Plotly ones), replaced at the end by the Plotly chart of the
 * whole fit, so the saved notebook and the report hold one interactive chart.
 */
export function notebookProgress(minMs = 250): ProgressReporter {
  const id = newDisplayId();
  let last = 0;
  let title = '';
  let started = false;
  let lastHistory = { loss: [] as number[], valLoss: [] as number[] };
  const send = (bundle: MimeBundle) => {
    sendBundle(bundle, { displayId: id, update: started });
    started = true;
  };
  return {
    start(_epochs, name) {
      title = name;
    },
    epoch(r) {
      lastHistory = r.history;
      const now = Date.now();
      if (now - last < minMs && r.epoch !== r.epochs) return;
      last = now;
      const status = `epoch ${r.epoch}/${r.epochs}, loss ${r.loss.toFixed(4)}${r.valLoss === undefined ? '' : `, val_loss ${r.valLoss.toFixed(4)}`}`;
      send({ 'text/html': `<div>${escapeHtml(`${title}: ${status}`)}</div>${lossSvg(r.history, `${title} training`)}`, 'text/plain': `${title}: ${status}` });
    },
    end(summary) {
      // The summary starts with the builder's name already ("denseClassifier: 12 epochs …"): no second prefix.
      const epochs = lastHistory.loss.map((_, i) => i + 1);
      const chart = figureBundle(historyChart({ epochs, loss: lastHistory.loss, valLoss: lastHistory.valLoss }, { title: `${title} training` }));
      send({ ...chart, 'text/html': `<div>${escapeHtml(summary)}</div>${chart['text/html']}`, 'text/plain': summary });
    },
  };
}

/** Makes `fitModel`'s "auto" progress use the live chart inside a kernel; elsewhere the terminal bar or lines. */
export function installNotebookProgress(): void {
  setNotebookProgress(() => (inKernel() ? notebookProgress() : undefined));
}

// Loading display/ is what makes "auto" progress draw in a kernel: the one registration done on load (docs/architecture.md).
installNotebookProgress();
