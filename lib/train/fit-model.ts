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
import { noticeUnscaled } from './scale-notice';
import { checkTrainingData, TrainingData } from './check-training-data';
import { ArraysOf, checkClassCoverage, gatherRows, validationRows } from './validation-rows';
import { resolveProgress } from './progress';
import { saveBundle } from './bundle';
import type { FitOptions, History } from './fit-options';
import { constantLoss, resolveClassWeight, untrainedLoss } from './reference-losses';
import { checkModel } from '../models/model';

/**
 * Trains `model` on prepared data.
 * @example
 * const history = await fitModel(model, train, { epochs: 100, validationSplit: 0.2, earlyStopping: { patience: 10 } });
 */
/** Each target value repeated `times` times in place: [n, t] → [n, t × times], target-major like a quantile head. */
function tileTargets(y: { data: Float32Array; shape: number[] }, times: number): { data: Float32Array; shape: number[] } {
  const n = y.shape[0];
  const width = y.data.length / Math.max(n, 1);
  const out = new Float32Array(y.data.length * times);
  for (let i = 0; i < y.data.length; i++) out.fill(y.data[i], i * times, (i + 1) * times);
  return { data: out, shape: [n, width * times] };
}

export async function fitModel(model: Model, train: TrainingData, options: FitOptions = {}): Promise<History> {
  checkModel('fitModel', model);
  if (checkTrainingData(model, train, 'training data') === 0)
    throw new InputError(
      'the training data has no samples; check the split and the filters that made it (toDataset and makeWindows report how many rows they got)',
    );
  model.rememberInputs(train);
  noticeUnscaled(model.task, train);
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
  // A quantile head is scored against each target once per level: the targets repeated level by level.
  const levels = model.quantiles?.length ?? 1;
  if (levels > 1) {
    ty = tileTargets(ty, levels);
    if (val) ({ data: val.y, shape: val.yShape } = tileTargets({ data: val.y, shape: val.yShape }, levels));
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
              if (logs) progress.batch?.(epoch, batch + 1, Math.ceil(nTrain / batchSize), logs.loss);
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
