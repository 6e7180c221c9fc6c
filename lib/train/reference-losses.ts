/**
 * The losses fitModel measures a fit against: the model's own before training, and a constant prediction's; and
 * the class weights it trains with.
 */
import { tf } from '../backend';
import { InputError } from '../util/errors';
import type { Model } from '../models/model';
import type { FitOptions } from './fit-options';

/** The model's loss on the training samples before this fit (inference mode, no class weights). */
export function untrainedLoss(model: Model, x: { data: Float32Array; shape: number[] }, y: { data: Float32Array; shape: number[] }, batchSize: number): number {
  return tf.tidy(() => {
    const out = model.net.evaluate(tf.tensor(x.data, x.shape), tf.tensor(y.data, y.shape), { batchSize: Math.max(batchSize, 256) });
    return (Array.isArray(out) ? out[0] : out).dataSync()[0];
  });
}

/** The loss of predicting a constant: the target's variance (regression, mean squared error), ln k for k classes. */
export function constantLoss(model: Model, y: Float32Array): number {
  if (model.task !== 'regression') return Math.log(model.task === 'binary' ? 2 : model.outputSize);
  let mean = 0;
  for (const v of y) mean += v;
  mean /= y.length;
  let ss = 0;
  for (const v of y) ss += (v - mean) ** 2;
  // A constant target still has a scale: its magnitude (or 1), so the bound is never zero.
  return Math.max(ss / y.length, 1e-3 * Math.max(1, mean * mean));
}

/** The class weights to train with: "balanced" as scikit-learn computes them (n / (k · count)), or the given ones checked. */
export function resolveClassWeight(model: Model, y: Float32Array, option: FitOptions['classWeight']): Record<number, number> | undefined {
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
