/**
 * Training progress. In a terminal, as Keras: a bar over the batches redrawn in place, then one line kept per
 * epoch (loss, val loss when there is validation, seconds, ETA). In a log or CI: one line per epoch. In a notebook, the display module installs a reporter that updates one
 * output in place with a live loss chart (see display/notebook-progress.ts).
 */
export interface EpochReport {
  epoch: number;
  epochs: number;
  loss: number;
  valLoss?: number;
  learningRate: number;
  seconds: number;
  history: { loss: number[]; valLoss: number[] };
}

/** Receives training events; all methods optional. */
export interface ProgressReporter {
  start?(epochs: number, title: string): void;
  /** After each batch: the epoch, the batch done (from 1) and the batches in an epoch. */
  batch?(epoch: number, batch: number, batches: number, loss: number): void;
  epoch?(report: EpochReport): void;
  end?(summary: string): void;
}

type Factory = () => ProgressReporter | undefined;
let notebookFactory: Factory | undefined;

/** Lets the display module supply the reporter used inside a notebook kernel. */
export function setNotebookProgress(factory: Factory | undefined): void {
  notebookFactory = factory;
}

const fmt = (v: number | undefined) => (v === undefined ? '-' : Math.abs(v) >= 1e4 || (Math.abs(v) < 1e-3 && v !== 0) ? v.toExponential(3) : v.toFixed(4));

function eta(r: EpochReport): string {
  const left = (r.seconds / r.epoch) * (r.epochs - r.epoch);
  return left >= 60 ? `${Math.floor(left / 60)}m${Math.round(left % 60)}s` : `${left.toFixed(1)}s`;
}

/** The losses of an epoch as Keras writes them; no val_loss without validation. */
function losses(r: EpochReport): string {
  return `loss ${fmt(r.loss)}${r.valLoss === undefined ? '' : `  val_loss ${fmt(r.valLoss)}`}`;
}

/**
 * On a TTY, as Keras: within an epoch a bar over its batches redrawn in place; at its end one line kept on
 * screen, "Epoch 7/40  ████████████████████████  loss 0.1234  val_loss 0.2345  0.8s".
 */
export function terminalBar(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const width = 24;
  let epochs = 0;
  let last = Date.now();
  let drawn = 0;
  const bar = (done: number) => '█'.repeat(done) + '░'.repeat(width - done);
  return {
    start(n) {
      epochs = n;
      last = Date.now();
    },
    batch(epoch, batch, batches, loss) {
      // At most 20 redraws a second: a fast epoch of a thousand batches would otherwise flood the terminal.
      const now = Date.now();
      if (batch < batches && now - drawn < 50) return;
      drawn = now;
      stream.write(`\rEpoch ${epoch}/${epochs || '?'}  ${bar(Math.round((batch / batches) * width))}  ${batch}/${batches}  loss ${fmt(loss)}   `);
    },
    epoch(r) {
      const now = Date.now();
      const took = (now - last) / 1000;
      last = now;
      stream.write(`\rEpoch ${r.epoch}/${r.epochs}  ${bar(width)}  ${losses(r)}  ${took.toFixed(1)}s${r.epoch < r.epochs ? `  (ETA ${eta(r)})` : ''}\x1b[K\n`);
    },
    end(summary) {
      stream.write(`${summary}\n`);
    },
  };
}

/** One plain line per epoch (as Keras' verbose=2), for logs where carriage returns would pile up. */
export function logLines(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): ProgressReporter {
  return {
    epoch(r) {
      write(`epoch ${r.epoch}/${r.epochs}  ${losses(r)}  (${r.seconds.toFixed(1)}s)`);
    },
    end(summary) {
      write(summary);
    },
  };
}

/** Picks a reporter: "auto" is the notebook reporter in a kernel, a bar on a TTY, lines elsewhere. */
export function resolveProgress(option: 'auto' | 'bar' | 'lines' | 'none' | ProgressReporter | undefined): ProgressReporter {
  if (option && typeof option === 'object') return option;
  switch (option ?? 'auto') {
    case 'none':
      return {};
    case 'bar':
      return terminalBar();
    case 'lines':
      return logLines();
    default:
      return notebookFactory?.() ?? (process.stderr.isTTY ? terminalBar() : logLines());
  }
}
