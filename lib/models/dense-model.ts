/** Dense (multi-layer perceptron) builders: `denseRegressor` and `denseClassifier`. */
import { tf } from '../backend';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import {
  unitsOption,
  checkRate,
  CommonModelOptions,
  compile,
  dropoutLayer,
  head,
  quantileLevels,
  quantileLoss,
  regularizer,
  sampleShape,
  Seeds,
  ShapedData,
} from './build';
import type { Model, Task } from './model';

export interface DenseOptions extends CommonModelOptions {
  /** Units of each hidden layer. Defaults to [64, 64]. */
  units?: readonly number[] | number;
  /** Activation of hidden layers. Defaults to "relu". */
  activation?: 'relu' | 'tanh' | 'elu' | 'selu' | 'sigmoid' | 'linear';
  /** Batch normalisation after each hidden layer. Defaults to false. */
  batchNorm?: boolean;
}

export interface DenseClassifierOptions extends DenseOptions {
  /** Number of classes: 2 gives one sigmoid output, more a softmax. Defaults to 2. */
  classes?: number;
}

function dense(data: ShapedData, task: Task, outputSize: number, builder: string, options: DenseOptions): Model {
  const inputShape = sampleShape(data, 1, builder);
  const seeds = new Seeds(options.seed ?? 42);
  const units = unitsOption(options.units, [64, 64], builder);
  const dropout = checkRate('dropout', options.dropout);
  const layers: tf.layers.Layer[] = [];
  units.forEach((u, i) => {
    checkPositiveInt(`units[${i}]`, u);
    layers.push(
      tf.layers.dense({
        units: u,
        activation: options.activation ?? 'relu',
        kernelInitializer: seeds.glorot(),
        kernelRegularizer: regularizer(options.l2),
        ...(i === 0 ? { inputShape } : {}),
      }),
    );
    if (options.batchNorm) layers.push(tf.layers.batchNormalization());
    if (dropout > 0) layers.push(dropoutLayer(dropout, seeds));
  });
  // Quantile heads: one output per target and level, on the pinball loss.
  const levels = quantileLevels(options, task, builder);
  const outputs = outputSize * (levels?.length ?? 1);
  const h = head(task, outputs, seeds, layers.length === 0 ? inputShape : undefined);
  layers.push(h.layer);
  return compile(
    layers,
    { builder, task, inputShape, outputSize: outputs, seed: seeds.seed, learningRate: options.learningRate, options: { ...options } },
    levels ? quantileLoss(levels) : h.loss,
    h.metrics,
  );
}

/**
 * A dense network for regression (MSE loss, linear output).
 * @example const model = denseRegressor(train, { units: [64, 64], dropout: 0.1, seed: 7 });
 */
export function denseRegressor(data: ShapedData, options: DenseOptions = {}): Model {
  const outputs = data?.yShape?.[1] ?? 1;
  return dense(data, 'regression', outputs, 'denseRegressor', options);
}

/**
 * A dense classifier: binary (sigmoid + binary cross-entropy) or multi-class (softmax + sparse categorical
 * cross-entropy on integer labels).
 */
export function denseClassifier(data: ShapedData, options: DenseClassifierOptions = {}): Model {
  const classes = checkPositiveInt('classes', options.classes ?? 2, 2);
  if (classes > 2 && data.yShape && data.yShape[1] !== 1)
    throw new InputError(`a multi-class classifier takes one label column of class codes, got yShape [${data.yShape.join(', ')}]`);
  return dense(data, classes === 2 ? 'binary' : 'multiclass', classes === 2 ? 1 : classes, 'denseClassifier', options);
}
