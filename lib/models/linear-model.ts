/** The honest baselines a neural network must beat: `linearRegression` and `logisticRegression` (one dense layer). */
import { CommonModelOptions, compile, lossOf, regularizer, sampleShape, Seeds, ShapedData } from './build';
import type { Model } from './model';
import { tf } from '../backend';

function linear(data: ShapedData, task: 'regression' | 'binary', builder: string, options: Omit<CommonModelOptions, 'dropout'>): Model {
  const flat = data.xShape.length === 3;
  const inputShape = flat ? sampleShape(data, 2, builder) : sampleShape(data, 1, builder);
  const seeds = new Seeds(options.seed ?? 42);
  const outputSize = task === 'binary' ? 1 : data.yShape?.[1] ?? 1;
  const h = lossOf(task);
  const out = tf.layers.dense({
    units: outputSize,
    activation: task === 'binary' ? 'sigmoid' : 'linear',
    kernelInitializer: tf.initializers.zeros(),
    kernelRegularizer: regularizer(options.l2),
    ...(flat ? {} : { inputShape }),
  });
  // Windows are flattened: a linear autoregression on the lookback rows.
  const layers = flat ? [tf.layers.flatten({ inputShape }), out] : [out];
  return compile(layers, { builder, task, inputShape, outputSize, seed: seeds.seed, learningRate: options.learningRate ?? 0.01, options: { ...options } }, h.loss, h.metrics);
}

/** Linear regression on rows, or a linear autoregression on flattened windows. */
export function linearRegression(data: ShapedData, options: Omit<CommonModelOptions, 'dropout'> = {}): Model {
  return linear(data, 'regression', 'linearRegression', options);
}

/** Logistic regression: one sigmoid unit, binary cross-entropy; set `l2` for scikit-learn-like regularisation. */
export function logisticRegression(data: ShapedData, options: Omit<CommonModelOptions, 'dropout'> = {}): Model {
  return linear(data, 'binary', 'logisticRegression', options);
}
