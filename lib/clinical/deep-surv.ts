/**
 * `deepSurv`: a neural Cox model (Katzman et al., 2018) — the dense builder's network with one linear output, the
 * log risk η(x), trained by `fitModel` on Cox's negative partial log-likelihood (Breslow ties) over each batch:
 * −Σ_events [η_i − log Σ_{j: t_j ≥ t_i} exp η_j] / events. Targets carry time and event in one number,
 * ±(rank of the time + 1), positive for an event (`survivalTargets`), since the partial likelihood needs only the
 * order of the times. Risk scores come from `predict`; feed them to `concordanceIndex` like a Cox model's.
 */
import { tf } from '../backend';
import { InputError } from '../util/errors';
import { denseRegressor, type DenseOptions } from '../models/dense-model';
import type { ShapedData } from '../models/build';
import type { Model } from '../models/model';
import type { Dataset } from '../preprocess/to-dataset';
import { survivalData } from './survival-data';

/** Options of deepSurv: the dense builder's (units, dropout, l2, seed, learningRate). */
export type DeepSurvOptions = DenseOptions;

/**
 * One target per patient: +(rank + 1) for an event, −(rank + 1) for a censoring, tied times sharing a rank.
 * @example survivalTargets([5, 3, 5], [1, 0, 1])  // Float32Array [2, -1, 2]
 */
export function survivalTargets(time: ArrayLike<number>, event: ArrayLike<number | boolean>): Float32Array {
  const { t, e } = survivalData('survivalTargets', time, event);
  if (t.length >= 1 << 24) throw new InputError(`survivalTargets: ${t.length} patients exceed what float32 ranks hold exactly (16.7 million)`);
  const distinct = Float64Array.from(new Set(t)).sort();
  const rank = new Map<number, number>(Array.from(distinct, (v, k) => [v, k + 1]));
  return Float32Array.from(t, (v, i) => (e[i] ? 1 : -1) * rank.get(v)!);
}

/** A dataset whose targets are survivalTargets: the features of `data` with time and event as one target. */
export function survivalDataset(data: Dataset, time: ArrayLike<number>, event: ArrayLike<number | boolean>): Dataset {
  if (!data || !(data.x instanceof Float32Array) || !Array.isArray(data.xShape))
    throw new InputError('survivalDataset takes a dataset from toDataset (its features), then the follow-up times and event flags of its rows');
  if (time?.length !== data.xShape[0]) throw new InputError(`survivalDataset: the dataset has ${data.xShape[0]} rows but ${time?.length} times`);
  return { ...data, y: survivalTargets(time, event), yShape: [data.xShape[0], 1], targets: ['survival'] };
}

/** Breslow's negative mean partial log-likelihood of the batch's log risks `yPred` given survivalTargets `yTrue`. */
export function coxLoss(yTrue: tf.Tensor, yPred: tf.Tensor): tf.Scalar {
  if (!(yTrue instanceof tf.Tensor) || !(yPred instanceof tf.Tensor) || yTrue.size !== yPred.size)
    throw new InputError('coxLoss takes two tensors of one value per patient: survivalTargets, then the predicted log risks');
  return tf.tidy(() => {
    const t = tf.abs(yTrue).reshape([-1]);
    const d = tf.cast(tf.greater(yTrue, 0), 'float32').reshape([-1]);
    const eta = yPred.reshape([-1]);
    // atRisk[i][j] = 1 when patient j is still followed at patient i's time.
    const atRisk = tf.cast(tf.greaterEqual(t.expandDims(0), t.expandDims(1)), 'float32');
    const top = tf.max(eta);
    const sums = tf.matMul(atRisk, tf.exp(tf.sub(eta, top)).expandDims(1)).reshape([-1]);
    const logRisk = tf.add(tf.log(sums), top);
    const events = tf.maximum(tf.sum(d), 1);
    return tf.div(tf.neg(tf.sum(tf.mul(d, tf.sub(eta, logRisk)))), events) as tf.Scalar;
  });
}

/**
 * A dense network of log risk, compiled with the Cox loss; train it with fitModel on a survivalDataset.
 * @example const net = deepSurv(train, { units: [16], dropout: 0.2, seed: 1 }); await fitModel(net, train, { epochs: 100 })
 */
export function deepSurv(data: ShapedData, options: DeepSurvOptions = {}): Model {
  if (data?.yShape && data.yShape[1] !== 1)
    throw new InputError(
      `deepSurv predicts one log risk per patient; its data's targets must be survivalTargets (yShape [n, 1]), got yShape [${data.yShape.join(', ')}]`,
    );
  const model = denseRegressor({ xShape: data?.xShape, yShape: [data?.xShape?.[0] ?? 1, 1] }, options);
  model.net.compile({ optimizer: model.optimizer, loss: coxLoss });
  return model;
}
