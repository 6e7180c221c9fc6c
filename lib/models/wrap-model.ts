/**
 * `wrapModel`: the user's own `tf.LayersModel` (tf.sequential, the functional API, or one loaded from a Keras
 * conversion) as a library `Model`, so that fitModel, predict, the metrics and saveBundle take it like a built
 * one. The task is given once, here; the checks refuse a head that would make the task's numbers wrong (logits
 * read as probabilities, one-hot loss with class codes) instead of letting them through.
 */
import { requireBackend, tf } from '../backend';
import { InputError } from '../util/errors';
import { Model, Task } from './model';

export interface WrapModelOptions {
  /** What the model predicts: "regression", "binary" (one sigmoid output) or "multiclass" (softmax over classes). */
  task: Task;
  /** Seed for fitModel's shuffling and validation sample. Defaults to 42. */
  seed?: number;
  /** Adam learning rate, used only when the model is not compiled yet. Defaults to 0.001. */
  learningRate?: number;
}

const TASK_LOSS: Record<Task, string> = { regression: 'meanSquaredError', binary: 'binaryCrossentropy', multiclass: 'sparseCategoricalCrossentropy' };
/** Losses that read the targets the library passes: numbers (regression), 0/1 (binary), class codes (multiclass). */
const ACCEPTED_LOSSES: Record<Task, string[]> = {
  regression: ['meanSquaredError', 'meanAbsoluteError', 'huberLoss', 'logcosh', 'meanAbsolutePercentageError', 'meanSquaredLogarithmicError'],
  binary: ['binaryCrossentropy'],
  multiclass: ['sparseCategoricalCrossentropy'],
};
const OUTPUT_ACTIVATION: Partial<Record<Task, string>> = { binary: 'sigmoid', multiclass: 'softmax' };

function fixedShape(shape: (number | null)[], what: string): number[] {
  const s = shape.slice(1);
  if (s.length === 0 || s.some((d) => d == null || !(d > 0))) {
    throw new InputError(
      `the model's ${what} shape is [${shape.map((d) => d ?? 'None').join(', ')}]: wrapModel needs every axis but the batch fixed (give the first layer inputShape, e.g. [30, 5] for windows or [20] for rows)`,
    );
  }
  return s as number[];
}

/**
 * Wraps a tfjs model for fitModel / predict / saveBundle. A compiled model keeps its optimizer and loss (checked
 * against the task); an uncompiled one is compiled with Adam and the task's loss. The returned Model owns the
 * network: disposing it disposes the network and its optimizer.
 * @example const model = wrapModel(tf.sequential({ layers: [...] }), { task: 'binary' }); await fitModel(model, train);
 */
export function wrapModel(net: tf.LayersModel, options: WrapModelOptions): Model {
  requireBackend();
  if (!(net instanceof tf.LayersModel))
    throw new InputError(
      `wrapModel takes a tf.LayersModel (tf.sequential() or tf.model()), got ${net === null ? 'null' : typeof net === 'object' ? (net as object).constructor?.name : typeof net}`,
    );
  const task = options?.task;
  if (!(task in TASK_LOSS)) throw new InputError(`wrapModel needs { task }: "regression", "binary" or "multiclass", got ${JSON.stringify(task)}`);
  if (net.inputs.length !== 1 || net.outputs.length !== 1)
    throw new InputError(`wrapModel takes a model with one input and one output; this one has ${net.inputs.length} and ${net.outputs.length}`);
  const inputShape = fixedShape(net.inputs[0].shape, 'input');
  const outShape = fixedShape(net.outputs[0].shape, 'output');
  const outputSize = outShape.reduce((a, b) => a * b, 1);
  if (task === 'binary' && outputSize !== 1)
    throw new InputError(
      `a binary classifier has one output (the probability of class 1); this model has ${outputSize}: use task "multiclass" with softmax, or end with dense({ units: 1, activation: 'sigmoid' })`,
    );
  if (task === 'multiclass' && outputSize < 2)
    throw new InputError(`a multiclass model has one output per class; this one has ${outputSize}: end with dense({ units: classes, activation: 'softmax' })`);
  const want = OUTPUT_ACTIVATION[task];
  const last = net.layers[net.layers.length - 1];
  const activation = (last.getConfig() as { activation?: unknown }).activation;
  if (want && typeof activation === 'string' && activation !== want) {
    throw new InputError(
      `the last layer (${last.name}) has activation "${activation}", so its outputs are not probabilities for task "${task}": use activation '${want}' there`,
    );
  }
  let optimizer = net.optimizer;
  if (optimizer) {
    const loss = (net as unknown as { loss?: unknown }).loss;
    const name = typeof loss === 'string' ? loss : Array.isArray(loss) && typeof loss[0] === 'string' ? loss[0] : undefined;
    if (name !== undefined && !ACCEPTED_LOSSES[task].includes(name)) {
      throw new InputError(
        `the model is compiled with loss "${name}", which does not fit task "${task}" (the library passes ${task === 'multiclass' ? 'class codes 0…k-1' : task === 'binary' ? '0/1 labels' : 'numbers'}): compile it with "${TASK_LOSS[task]}" or leave it uncompiled`,
      );
    }
  } else {
    const lr = options.learningRate ?? 1e-3;
    if (!(lr > 0)) throw new InputError(`learningRate must be > 0, got ${lr}`);
    optimizer = tf.train.adam(lr);
    net.compile({ optimizer, loss: TASK_LOSS[task], metrics: task === 'regression' ? [] : ['accuracy'] });
  }
  const rate = (optimizer as unknown as { learningRate?: unknown }).learningRate;
  return new Model(
    net,
    {
      builder: net.name || 'model',
      task,
      inputShape,
      outputSize,
      seed: options.seed ?? 42,
      learningRate: typeof rate === 'number' && rate > 0 ? rate : (options.learningRate ?? 1e-3),
      options: { wrapped: true },
    },
    optimizer,
  );
}

/** The loss the library compiles for a task (also used when a saved model is loaded for more training). */
export function taskLoss(task: Task): string {
  return TASK_LOSS[task];
}
