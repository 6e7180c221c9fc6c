/**
 * Training progress. In a terminal: one bar redrawn in place (epoch, loss, val loss, ETA). In a log or CI:
 * one line per epoch. In a notebook, the display module installs a reporter that updates one
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

/** A bar redrawn in place on a TTY. */
export function terminalBar(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const width = 24;
  return {
    epoch(r) {
      const done = Math.round((r.epoch / r.epochs) * width);
      const bar = '█'.repeat(done) + '░'.repeat(width - done);
      stream.write(`\r${bar} epoch ${r.epoch}/${r.epochs}  loss ${fmt(r.loss)}  val_loss ${fmt(r.valLoss)}  ETA ${eta(r)}   `);
    },
    end(summary) {
      stream.write(`\n${summary}\n`);
    },
  };
}

/** One plain line per epoch (as Keras' verbose=2), for logs where carriage returns would pile up. */
export function logLines(write: (line: string) => void = (l) => process.stderr.write(l + '\n')): ProgressReporter {
  return {
    epoch(r) {
      write(`epoch ${r.epoch}/${r.epochs}  loss ${fmt(r.loss)}  val_loss ${fmt(r.valLoss)}  (${r.seconds.toFixed(1)}s)`);
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
