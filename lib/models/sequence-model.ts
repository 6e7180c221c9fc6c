/**
 * Sequence models for windows [samples, lookback, features]: `lstmForecaster`, `gruForecaster` and
 * `conv1dForecaster`. Stacked layers, seeded dropout between them, a dense head with one output per target
 * and step (multi-step forecasts) — or a classification head.
 */
import { tf } from '../backend';
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
import { FusedGRU, FusedLSTM } from './fused-recurrent';
import { CausalConv1D } from './causal-conv1d';
import { fastRecurrentKernel } from '../kernels/recurrent';

export interface SequenceOptions extends CommonModelOptions {
  /** Units (or filters) of each stacked layer. Defaults to [32]. */
  units?: readonly number[] | number;
  /** Kernel size of Conv1D layers. Defaults to 3. */
  kernelSize?: number;
  /** "regression" (default), or "binary" for direction classification. */
  task?: Extract<Task, 'regression' | 'binary'>;
  /**
   * LSTM/GRU layers as one kernel call per sequence (FusedLSTM / FusedGRU: same model, faster to train; docs/performance.md).
   * Defaults to true where the C helper is built; false uses tfjs's own layers.
   */
  fused?: boolean;
}

type Cell = 'lstm' | 'gru' | 'conv1d';

function sequence(cell: Cell, data: ShapedData, options: SequenceOptions, builder: string): Model {
  const inputShape = sampleShape(data, 2, builder);
  const seeds = new Seeds(options.seed ?? 42);
  const units = unitsOption(options.units, [32], builder);
  const dropout = checkRate('dropout', options.dropout);
  const task = options.task ?? 'regression';
  const layers: tf.layers.Layer[] = [];
  const fused = options.fused ?? fastRecurrentKernel();
  units.forEach((u, i) => {
    checkPositiveInt(`units[${i}]`, u);
    const first = i === 0 ? { inputShape } : {};
    const last = i === units.length - 1;
    if (cell === 'conv1d') {
      const kernelSize = checkPositiveInt('kernelSize', options.kernelSize ?? 3);
      layers.push(
        new CausalConv1D({
          filters: u,
          kernelSize,
          activation: 'relu',
          kernelInitializer: seeds.glorot(),
          kernelRegularizer: regularizer(options.l2),
          ...first,
        }),
      );
      if (last) layers.push(tf.layers.globalAveragePooling1d());
    } else {
      // recurrentActivation 'sigmoid' as in Keras (tfjs defaults to hardSigmoid: a different model, and 3 ops per gate instead of 1).
      const args = {
        units: u,
        returnSequences: !last,
        recurrentActivation: 'sigmoid' as const,
        kernelInitializer: seeds.glorot(),
        recurrentInitializer: seeds.orthogonal(),
        kernelRegularizer: regularizer(options.l2),
        ...first,
      };
      if (fused) layers.push(cell === 'lstm' ? new FusedLSTM(args) : new FusedGRU(args));
      else layers.push(cell === 'lstm' ? tf.layers.lstm(args) : tf.layers.gru(args));
    }
    if (dropout > 0) layers.push(dropoutLayer(dropout, seeds));
  });
  // Quantile heads: one output per target and level, on the pinball loss.
  const levels = quantileLevels(options, task, builder);
  const outputSize = (task === 'binary' ? 1 : (data.yShape?.[1] ?? 1)) * (levels?.length ?? 1);
  const h = head(task, outputSize, seeds);
  layers.push(h.layer);
  return compile(
    layers,
    { builder, task, inputShape, outputSize, seed: seeds.seed, learningRate: options.learningRate, options: { ...options } },
    levels ? quantileLoss(levels) : h.loss,
    h.metrics,
  );
}

/**
 * Stacked LSTM for windows.
 * @example const model = lstmForecaster(trainWindows, { units: [32], dropout: 0.1, seed: 7 });
 */
export function lstmForecaster(data: ShapedData, options: SequenceOptions = {}): Model {
  return sequence('lstm', data, options, 'lstmForecaster');
}

/** Stacked GRU for windows. */
export function gruForecaster(data: ShapedData, options: SequenceOptions = {}): Model {
  return sequence('gru', data, options, 'gruForecaster');
}

/** Causal Conv1D layers + global average pooling for windows. */
export function conv1dForecaster(data: ShapedData, options: SequenceOptions = {}): Model {
  return sequence('conv1d', data, options, 'conv1dForecaster');
}
