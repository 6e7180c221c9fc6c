/**
 * Shared building blocks of the model builders: seeded initialisers, L2, the output layer and loss that
 * match the task, and compilation with an optimizer the model owns.
 */
import { requireBackend, tf } from '../backend';
import { formatValue } from '../util/format';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { deriveSeed } from '../util/rng';
import { Model, ModelSpec, Task } from './model';
import { SeededDropout } from './seeded-dropout';

/** Anything with an `xShape` (a Dataset or Windows); the builders read input shapes from it. */
export interface ShapedData {
  xShape: readonly number[];
  yShape?: readonly number[];
}

export interface CommonModelOptions {
  /** Seed for initialisers and dropout. Defaults to 42. */
  seed?: number;
  /** Adam learning rate. Defaults to 0.001. */
  learningRate?: number;
  /** L2 penalty on kernels. Defaults to 0 (none). */
  l2?: number;
  /** Dropout rate after each hidden layer. Defaults to 0. */
  dropout?: number;
  /**
   * Quantile levels of a regression head, e.g. [0.05, 0.5, 0.95]: one output per target and level (target-major),
   * trained on the mean pinball loss; `predict` sorts each target's quantiles so they never cross. Defaults to
   * none: one value per target, mean squared error.
   */
  quantiles?: readonly number[];
}

/** A loss as tfjs takes it: a name, or a function of the targets and predictions. */
export type LossFunction = (yTrue: tf.Tensor, yPred: tf.Tensor) => tf.Scalar;

/** The quantile levels of a regression head, checked: increasing, strictly between 0 and 1; undefined for none. */
export function quantileLevels(options: CommonModelOptions, task: Task, builder: string): number[] | undefined {
  const q = options.quantiles;
  if (q === undefined) return undefined;
  if (task !== 'regression') throw new InputError(`${builder}: quantiles apply to regression; a ${task} model predicts probabilities already`);
  if (!Array.isArray(q) || q.length === 0)
    throw new InputError(`${builder}: quantiles must be a list of levels such as [0.05, 0.5, 0.95], got ${formatValue(q)}`);
  q.forEach((v, k) => {
    if (!(typeof v === 'number' && v > 0 && v < 1)) throw new InputError(`${builder}: quantile ${formatValue(v)} is not a level strictly between 0 and 1`);
    if (k > 0 && !(v > q[k - 1])) throw new InputError(`${builder}: quantiles must increase, got ${q[k - 1]} then ${v}`);
  });
  return [...q];
}

/**
 * The mean pinball loss over every target and level: max(q·(y − ŷ_q), (q − 1)·(y − ŷ_q)). Targets come tiled, each
 * value repeated once per level (fitModel does it), so both tensors are [n, targets × levels].
 */
export function quantileLoss(levels: readonly number[]): LossFunction {
  return (yTrue, yPred) =>
    tf.tidy(() => {
      const width = yPred.shape[yPred.shape.length - 1] as number;
      const q = tf.tensor1d(Array.from({ length: width }, (_, j) => levels[j % levels.length]));
      const e = tf.sub(yTrue, yPred);
      return tf.mean(tf.maximum(tf.mul(q, e), tf.mul(tf.sub(q, 1), e))) as tf.Scalar;
    });
}

/** Seeds per layer, derived from one model seed. */
export class Seeds {
  private n = 0;
  constructor(readonly seed: number) {}
  next(): number {
    return deriveSeed(this.seed, this.n++);
  }
  glorot() {
    return tf.initializers.glorotUniform({ seed: this.next() });
  }
  orthogonal() {
    return tf.initializers.orthogonal({ seed: this.next(), gain: 1 });
  }
}

/** Layer sizes: a list, or one number for a single layer (Keras' `units=32`); anything else is refused naming it. */
export function unitsOption(units: unknown, fallback: readonly number[], builder: string): readonly number[] {
  if (units === undefined) return fallback;
  if (typeof units === 'number') return [units];
  if (!Array.isArray(units) || units.length === 0)
    throw new InputError(`${builder}: units must be a list of layer sizes such as [32] (or one number), got ${formatValue(units)}`);
  return units as readonly number[];
}

export function checkRate(name: string, v: number | undefined): number {
  const r = v ?? 0;
  if (!(r >= 0 && r < 1)) throw new InputError(`${name} must be in [0, 1), got ${v}`);
  return r;
}

export function regularizer(l2: number | undefined) {
  if (l2 === undefined || l2 === 0) return undefined;
  if (!(l2 > 0)) throw new InputError(`l2 must be ≥ 0, got ${l2}`);
  return tf.regularizers.l2({ l2 });
}

export function dropoutLayer(rate: number, seeds: Seeds): tf.layers.Layer {
  return new SeededDropout({ rate, seed: seeds.next() });
}

/** The sample shape of prepared data: [features] for rows, [timesteps, features] for windows. */
export function sampleShape(data: ShapedData, want: 1 | 2, builder: string): number[] {
  const shape = data?.xShape;
  if (!Array.isArray(shape)) throw new InputError(`${builder} reads the input shape from prepared data: pass a dataset or windows with xShape`);
  const s = shape.slice(1);
  if (s.length !== want) {
    throw new InputError(
      `${builder} needs ${want === 1 ? 'rows [samples, features] (toDataset)' : 'windows [samples, lookback, features] (makeWindows)'} but got xShape [${shape.join(', ')}]`,
    );
  }
  s.forEach((d, i) => checkPositiveInt(`xShape[${i + 1}]`, d));
  return s;
}

/** Output layer + loss for a task. */
export function head(task: Task, units: number, seeds: Seeds, inputShape?: number[]): { layer: tf.layers.Layer; loss: string; metrics: string[] } {
  const first = inputShape ? { inputShape } : {};
  if (task === 'regression') return { layer: tf.layers.dense({ units, kernelInitializer: seeds.glorot(), ...first }), loss: 'meanSquaredError', metrics: [] };
  if (task === 'binary')
    return {
      layer: tf.layers.dense({ units: 1, activation: 'sigmoid', kernelInitializer: seeds.glorot(), ...first }),
      loss: 'binaryCrossentropy',
      metrics: ['accuracy'],
    };
  return {
    layer: tf.layers.dense({ units, activation: 'softmax', kernelInitializer: seeds.glorot(), ...first }),
    loss: 'sparseCategoricalCrossentropy',
    metrics: ['accuracy'],
  };
}

/** Loss and metrics of a task, for builders that make their own output layer. */
export function lossOf(task: Task): { loss: string; metrics: string[] } {
  if (task === 'regression') return { loss: 'meanSquaredError', metrics: [] };
  return { loss: task === 'binary' ? 'binaryCrossentropy' : 'sparseCategoricalCrossentropy', metrics: ['accuracy'] };
}

/** Builds, compiles and wraps a sequential model. */
export function compile(
  layers: tf.layers.Layer[],
  spec: Omit<ModelSpec, 'seed' | 'learningRate'> & { seed: number; learningRate?: number },
  loss: string | LossFunction,
  metrics: string[],
): Model {
  requireBackend();
  const learningRate = spec.learningRate ?? 1e-3;
  if (!(learningRate > 0)) throw new InputError(`learningRate must be > 0, got ${learningRate}`);
  const net = tf.sequential({ layers });
  const optimizer = tf.train.adam(learningRate);
  net.compile({ optimizer, loss, metrics });
  return new Model(net, { ...spec, learningRate }, optimizer);
}
