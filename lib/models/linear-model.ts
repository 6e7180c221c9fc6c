/** The honest baselines a neural network must beat: `linearRegression` and `logisticRegression` (one dense layer). */
import { CommonModelOptions, compile, lossOf, quantileLevels, quantileLoss, regularizer, sampleShape, Seeds, ShapedData } from './build';
import type { Model, Task } from './model';
import { checkPositiveInt } from '../util/check';
import { tf } from '../backend';

function linear(data: ShapedData, task: Task, builder: string, options: Omit<CommonModelOptions, 'dropout'>, classes = 2): Model {
  const flat = data?.xShape?.length === 3;
  const inputShape = flat ? sampleShape(data, 2, builder) : sampleShape(data, 1, builder);
  const seeds = new Seeds(options.seed ?? 42);
  // With quantiles: linear quantile regression, one output per target and level.
  const levels = quantileLevels(options, task, builder);
  const outputSize = (task === 'binary' ? 1 : task === 'multiclass' ? classes : (data?.yShape?.[1] ?? 1)) * (levels?.length ?? 1);
  const h = lossOf(task);
  const out = tf.layers.dense({
    units: outputSize,
    activation: task === 'binary' ? 'sigmoid' : task === 'multiclass' ? 'softmax' : 'linear',
    kernelInitializer: tf.initializers.zeros(),
    kernelRegularizer: regularizer(options.l2),
    ...(flat ? {} : { inputShape }),
  });
  // Windows are flattened: a linear autoregression on the lookback rows.
  const layers = flat ? [tf.layers.flatten({ inputShape }), out] : [out];
  return compile(
    layers,
    { builder, task, inputShape, outputSize, seed: seeds.seed, learningRate: options.learningRate ?? 0.01, options: { ...options } },
    levels ? quantileLoss(levels) : h.loss,
    h.metrics,
  );
}

/** Linear regression on rows, or a linear autoregression on flattened windows. */
export function linearRegression(data: ShapedData, options: Omit<CommonModelOptions, 'dropout'> = {}): Model {
  return linear(data, 'regression', 'linearRegression', options);
}

export interface LogisticRegressionOptions extends Omit<CommonModelOptions, 'dropout'> {
  /** Number of classes: 2 gives one sigmoid unit, more a multinomial (softmax) regression on integer labels. Defaults to 2. */
  classes?: number;
}

/**
 * Logistic regression: one sigmoid unit and binary cross-entropy, or for `classes` > 2 multinomial logistic
 * regression (softmax, sparse categorical cross-entropy), scikit-learn's default for several classes; set `l2`
 * for scikit-learn-like regularisation.
 */
export function logisticRegression(data: ShapedData, options: LogisticRegressionOptions = {}): Model {
  const classes = checkPositiveInt('classes', options.classes ?? 2, 2);
  const { classes: _, ...rest } = options;
  return classes === 2 ? linear(data, 'binary', 'logisticRegression', rest) : linear(data, 'multiclass', 'logisticRegression', { ...rest }, classes);
}
