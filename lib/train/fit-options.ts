/** What `fitModel` takes (its options and callbacks) and what it returns (the history of each epoch). */
import type { ProgressReporter } from './progress';
import type { BundleContents } from './bundle';
import type { TrainingData } from './check-training-data';

export interface EarlyStoppingOptions {
  /** Epochs without improvement before stopping. Defaults to 10. */
  patience?: number;
  /** Smallest change that counts as improvement. Defaults to 0. */
  minDelta?: number;
  /** Put back the weights of the best epoch at the end. Defaults to true. */
  restoreBestWeights?: boolean;
}

export interface ReduceLrOptions {
  /** Multiplier applied to the learning rate. Defaults to 0.5. */
  factor?: number;
  /** Epochs without improvement before reducing. Defaults to 5. */
  patience?: number;
  /** Lower bound. Defaults to 1e-6. */
  minLr?: number;
}

export interface FitOptions {
  /** Passes over the training data. Defaults to 50. */
  epochs?: number;
  /** Samples per gradient step. Defaults to 32. */
  batchSize?: number;
  /**
   * Fraction of the training data used for validation. Windows and time-ordered datasets give their last rows
   * (time order: never a day between training days); other data a seeded random sample, stratified by class for
   * classifiers — so a file sorted by class still validates on every class (Keras takes the last rows whatever
   * the data, which silently validates on one class). `validationFrom` overrides the choice. Defaults to none.
   */
  validationSplit?: number;
  /** Where `validationSplit` takes its rows: "end" (the last rows) or "sample" (seeded, stratified for classifiers). Defaults to "end" for windows and time-ordered datasets, else "sample". */
  validationFrom?: 'end' | 'sample';
  /** Explicit validation data (never the test split). Overrides validationSplit. */
  validationData?: TrainingData;
  /** Stop when the monitored loss stops improving. Defaults to off. */
  earlyStopping?: EarlyStoppingOptions | boolean;
  /** Lower the learning rate when the monitored loss plateaus. Defaults to off. */
  reduceLrOnPlateau?: ReduceLrOptions | boolean;
  /** Weight per class (classification): an object {0: 1, 1: 3} or "balanced" (n / (k · count)). */
  classWeight?: Record<number, number> | 'balanced';
  /** Shuffle training samples each epoch (seeded). Defaults to true. */
  shuffle?: boolean;
  /** Seed of the shuffling. Defaults to the model's seed. */
  seed?: number;
  /** "auto" (default), "bar", "lines", "none", or a reporter. */
  progress?: 'auto' | 'bar' | 'lines' | 'none' | ProgressReporter;
  /**
   * Stop with a TrainingError when an epoch's loss exceeds this many times where it started — the untrained
   * model's loss, or that of predicting a constant (the target's variance for a regressor, ln k for k classes) if
   * larger: the weights are diverging, and predictions would be wild numbers rather than NaN. `Infinity` turns the
   * guard off. Defaults to 1000.
   */
  divergenceFactor?: number;
  /** Per-epoch and per-batch hooks: log, or stop training by returning "stop". Defaults to none. */
  callbacks?: FitCallbacks;
  /**
   * Save a bundle each time the monitored loss reaches a new best (Keras's ModelCheckpoint with save_best_only),
   * atomically as saveBundle does, so a killed run leaves the best model so far. Defaults to none.
   */
  checkpoint?: { dir: string } & Partial<Omit<BundleContents, 'model'>>;
}

/** What a callback sees after each epoch. */
export interface EpochLog {
  /** Epoch of this call (1-based, counting on across fitModel calls). */
  epoch: number;
  loss: number;
  valLoss?: number;
  /** Other metrics of this epoch, e.g. acc / val_acc. */
  metrics: Record<string, number>;
  learningRate: number;
  /** True when this epoch is the best so far by the monitored loss (validation loss if any). */
  best: boolean;
}

/** Hooks into the loop (Keras callbacks). Returning "stop" from onEpochEnd ends training after that epoch. */
export interface FitCallbacks {
  onEpochEnd?: (log: EpochLog) => void | 'stop' | Promise<void | 'stop'>;
  onBatchEnd?: (log: { epoch: number; batch: number; loss: number }) => void;
}

/** What training did, in plain numbers. */
export interface History {
  epochs: number[];
  loss: number[];
  /** Validation loss per epoch (empty without validation). */
  valLoss: number[];
  /** Other metrics per epoch, e.g. acc / val_acc. */
  metrics: Record<string, number[]>;
  learningRate: number[];
  /** Epoch (1-based) whose weights the model holds at the end. */
  bestEpoch: number;
  stoppedEarly: boolean;
  seconds: number;
  /** Which rows validated, in words ("last 15% of the samples (time order)", "a stratified random 20% sample", "validationData"), or "none". */
  validation: string;
}
