/**
 * `fitModel`: trains a model the way a Keras user expects — epochs, batches, validation from the end of the
 * training data (never the test split), early stopping that restores the best weights, reduce-LR-on-plateau,
 * class weights — with every random choice taken from the model's seed, so the same seed on the same
 * backend gives bitwise-identical weights. Returns a history of plain numbers; no tensor outlives the call.
 */
import { tf } from '../backend';
import { InputError, TrainingError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { deriveSeed, permutation, seededRng } from '../util/rng';
import type { Model } from '../models/model';
import { checkTrainingData, TrainingData } from './check-training-data';
import { ArraysOf, checkClassCoverage, gatherRows, validationRows } from './validation-rows';
import { ProgressReporter, resolveProgress } from './progress';
import { BundleContents, saveBundle } from './bundle';

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

/** The model's loss on the training samples before this fit (inference mode, no class weights). */
function untrainedLoss(model: Model, x: { data: Float32Array; shape: number[] }, y: { data: Float32Array; shape: number[] }, batchSize: number): number {
  return tf.tidy(() => {
    const out = model.net.evaluate(tf.tensor(x.data, x.shape), tf.tensor(y.data, y.shape), { batchSize: Math.max(batchSize, 256) });
    return (Array.isArray(out) ? out[0] : out).dataSync()[0];
  });
}

/** The loss of predicting a constant: the target's variance (regression, mean squared error), ln k for k classes. */
function constantLoss(model: Model, y: Float32Array): number {
  if (model.task !== 'regression') return Math.log(model.task === 'binary' ? 2 : model.outputSize);
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  // A constant target still has a scale: its magnitude (or 1), so the bound is never zero.
  return Math.max(ss / y.length, 1e-3 * Math.max(1, mean * mean));
}

function resolveClassWeight(model: Model, y: Float32Array, option: FitOptions['classWeight']): Record<number, number> | undefined {
  if (option === undefined) return undefined;
  if (model.task === 'regression') throw new InputError('classWeight applies to classifiers; this model is a regressor');
  const k = model.task === 'binary' ? 2 : model.outputSize;
  if (option === 'balanced') {
    const counts = new Array<number>(k).fill(0);
    for (const v of y) counts[v]++;
    return Object.fromEntries(counts.map((c, i) => [i, c === 0 ? 0 : y.length / (k * c)]));
  }
  for (const key of Object.keys(option)) {
    const c = Number(key);
    if (!Number.isInteger(c) || c < 0 || c >= k) throw new InputError(`classWeight names class ${JSON.stringify(key)}, but the classes are 0..${k - 1}`);
    if (!(option[c] >= 0)) throw new InputError(`classWeight for class ${key} must be ≥ 0, got ${option[c]}`);
  }
  return option;
}

/**
 * Trains `model` on prepared data.
 * @example
 * const history = await fitModel(model, train, { epochs: 100, validationSplit: 0.2, earlyStopping: { patience: 10 } });
 */
export async function fitModel(model: Model, train: TrainingData, options: FitOptions = {}): Promise<History> {
  if (checkTrainingData(model, train, 'training data') === 0)
    throw new InputError(
      'the training data has no samples; check the split and the filters that made it (toDataset and makeWindows report how many rows they got)',
    );
  const epochs = checkPositiveInt('epochs', options.epochs ?? 50);
  const batchSize = checkPositiveInt('batchSize', options.batchSize ?? 32);
  const classWeight = resolveClassWeight(model, train.y, options.classWeight);

  // Validation: explicit data, the last rows of time-ordered data, or a seeded (stratified) sample of the rest.
  let tx: { data: Float32Array; shape: number[] } = { data: train.x, shape: [...train.xShape] };
  let ty: { data: Float32Array; shape: number[] } = { data: train.y, shape: [...train.yShape] };
  let val: ArraysOf | undefined;
  let validation = 'none';
  if (options.validationData) {
    if (checkTrainingData(model, options.validationData, 'validationData') === 0)
      throw new InputError('validationData has no samples; pass a non-empty set or leave it out');
    val = { x: options.validationData.x, xShape: [...options.validationData.xShape], y: options.validationData.y, yShape: [...options.validationData.yShape] };
    validation = 'validationData';
  } else if (options.validationSplit !== undefined) {
    const rows = validationRows(
      train,
      options.validationSplit,
      model.task,
      options.validationFrom,
      seededRng(deriveSeed(options.seed ?? model.spec.seed, 104729 + model.epochsTrained)),
    );
    tx = { data: rows.train.x, shape: rows.train.xShape };
    ty = { data: rows.train.y, shape: rows.train.yShape };
    val = rows.val;
    validation = rows.description;
  }
  const nTrain = tx.shape[0];
  if (model.task !== 'regression')
    checkClassCoverage(ty.data, val?.y, validation === 'validationData' ? 'validationData' : `the validation samples (${validation})`);
  const divergence = options.divergenceFactor ?? 1000;
  if (!(divergence > 1)) throw new InputError(`divergenceFactor must be > 1 (or Infinity to turn the guard off), got ${divergence}`);
  // The scale a sane fit starts from: the untrained model's loss, or a constant prediction's if that is larger.
  // (A constant alone misjudged small targets: daily returns have a tiny variance, an untrained model does not.)
  const startLoss = Number.isFinite(divergence) ? Math.max(constantLoss(model, ty.data), untrainedLoss(model, tx, ty, batchSize)) : 0;
  const lossBound = divergence * startLoss;

  const es = options.earlyStopping
    ? { patience: 10, minDelta: 0, restoreBestWeights: true, ...(options.earlyStopping === true ? {} : options.earlyStopping) }
    : undefined;
  const rl = options.reduceLrOnPlateau
    ? { factor: 0.5, patience: 5, minLr: 1e-6, ...(options.reduceLrOnPlateau === true ? {} : options.reduceLrOnPlateau) }
    : undefined;
  if (es) checkPositiveInt('earlyStopping.patience', es.patience);
  const rng = seededRng(deriveSeed(options.seed ?? model.spec.seed, 7919 + model.epochsTrained));
  const progress = resolveProgress(options.progress);
  const optimizer = model.optimizer as unknown as { learningRate: number };

  const history: History = { epochs: [], loss: [], valLoss: [], metrics: {}, learningRate: [], bestEpoch: 0, stoppedEarly: false, seconds: 0, validation };
  const valTensors = val ? [tf.tensor(val.x, val.xShape), tf.tensor(val.y, val.yShape)] : undefined;
  let best = Infinity;
  let bestWeights: tf.Tensor[] | undefined;
  let waitEs = 0;
  let waitLr = 0;
  let nanAt: string | undefined;
  const t0 = Date.now();
  progress.start?.(epochs, model.spec.builder);
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const shuffle = options.shuffle ?? true;
      const order = shuffle ? permutation(nTrain, rng) : undefined;
      // One copy per epoch in the shuffled order: cheap next to a training step.
      const rows = order ? gatherRows({ x: tx.data, xShape: tx.shape, y: ty.data, yShape: ty.shape }, order) : undefined;
      const xs = tf.tensor(rows ? rows.x : tx.data, tx.shape);
      const ys = tf.tensor(rows ? rows.y : ty.data, ty.shape);
      let h: tf.History;
      try {
        h = await model.net.fit(xs, ys, {
          epochs: 1,
          batchSize,
          shuffle: false,
          verbose: 0,
          classWeight,
          validationData: valTensors as [tf.Tensor, tf.Tensor] | undefined,
          callbacks: {
            onBatchEnd: async (batch, logs) => {
              if (logs && options.callbacks?.onBatchEnd) options.callbacks.onBatchEnd({ epoch: model.epochsTrained + 1, batch: batch + 1, loss: logs.loss });
              if (logs && !Number.isFinite(logs.loss)) {
                nanAt = `epoch ${epoch}, batch ${batch + 1}`;
                model.net.stopTraining = true;
              }
            },
          },
        });
      } finally {
        tf.dispose([xs, ys]);
      }
      if (nanAt) {
        throw new TrainingError(
          `loss became ${Number.isNaN(h.history.loss?.[0] as number) ? 'NaN' : 'non-finite'} at ${nanAt} (learning rate ${optimizer.learningRate}); lower the learning rate or scale the inputs (standardScaler)`,
        );
      }
      const loss = h.history.loss[0] as number;
      if (loss > lossBound) {
        throw new TrainingError(
          `training diverged: the loss reached ${loss.toExponential(3)} at epoch ${epoch}, over ${divergence}× where it started (${startLoss.toPrecision(3)}: the untrained model's loss, or a constant prediction's), at learning rate ${optimizer.learningRate}; lower the learning rate (e.g. ${optimizer.learningRate / 10}) or scale the inputs and targets (standardScaler). divergenceFactor: Infinity turns this guard off`,
        );
      }
      const valLoss = h.history.val_loss?.[0] as number | undefined;
      history.epochs.push(model.epochsTrained + 1);
      model.epochsTrained++;
      history.loss.push(loss);
      if (valLoss !== undefined) history.valLoss.push(valLoss);
      for (const [k, v] of Object.entries(h.history)) if (k !== 'loss' && k !== 'val_loss') (history.metrics[k] ??= []).push(v[0] as number);
      history.learningRate.push(optimizer.learningRate);
      progress.epoch?.({
        epoch,
        epochs,
        loss,
        valLoss,
        learningRate: optimizer.learningRate,
        seconds: (Date.now() - t0) / 1000,
        history: { loss: history.loss, valLoss: history.valLoss },
      });

      const monitored = valLoss ?? loss;
      const improved = monitored < best - (es?.minDelta ?? 0);
      if (options.checkpoint && monitored < best) {
        const c = options.checkpoint;
        await saveBundle(c.dir, { features: [], targets: [], ...c, model });
      }
      const verdict = await options.callbacks?.onEpochEnd?.({
        epoch: model.epochsTrained,
        loss,
        valLoss,
        metrics: Object.fromEntries(Object.entries(history.metrics).map(([k, v]) => [k, v[v.length - 1]])),
        learningRate: optimizer.learningRate,
        best: monitored < best,
      });
      if (improved) {
        best = monitored;
        history.bestEpoch = epoch;
        waitEs = 0;
        waitLr = 0;
        if (es?.restoreBestWeights) {
          tf.dispose(bestWeights);
          bestWeights = model.net.getWeights().map((w) => w.clone());
        }
      } else {
        waitEs++;
        waitLr++;
        if (rl && waitLr >= rl.patience && optimizer.learningRate > rl.minLr) {
          optimizer.learningRate = Math.max(rl.minLr, optimizer.learningRate * rl.factor);
          waitLr = 0;
        }
        if (es && waitEs >= es.patience) {
          history.stoppedEarly = true;
          break;
        }
      }
      if (verdict === 'stop') {
        history.stoppedEarly = true;
        break;
      }
    }
    if (bestWeights && history.bestEpoch !== history.epochs.length) model.net.setWeights(bestWeights);
    if (!es?.restoreBestWeights) history.bestEpoch = history.epochs.length;
  } finally {
    tf.dispose(bestWeights);
    tf.dispose(valTensors);
  }
  history.seconds = (Date.now() - t0) / 1000;
  const last = history.epochs.length;
  progress.end?.(
    `${model.spec.builder}: ${last} epoch${last === 1 ? '' : 's'} in ${history.seconds.toFixed(1)}s` +
      (history.stoppedEarly ? `, stopped early; best epoch ${history.bestEpoch}` : '') +
      `, loss ${history.loss[last - 1]?.toFixed(4)}` +
      (history.valLoss.length ? `, val_loss ${history.valLoss[last - 1]?.toFixed(4)} (best ${best.toFixed(4)}; validation: ${validation})` : ''),
  );
  return history;
}
