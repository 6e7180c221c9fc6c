/**
 * `Model`: a compiled tfjs model with what the library needs to train and explain it — its task, input and
 * output shapes, seed and the options it was built with. The only object that holds tensors across the
 * public API; `dispose()` frees them (and its optimizer, which `tf.LayersModel.dispose` leaves behind).
 */
import { tf } from '../backend';
import { InputError, NotFittedError, ShapeError } from '../util/errors';
import { describeArgument } from '../util/check';

/** The library's layers under the names Keras users know them by. */
const STANDARD_LAYER_NAMES: Record<string, string> = { TsdlLSTM: 'LSTM', TsdlGRU: 'GRU', TsdlSeededDropout: 'Dropout', TsdlCausalConv1D: 'Conv1D (causal)' };

/** What a model predicts, which picks its loss and output activation. */
export type Task = 'regression' | 'binary' | 'multiclass';

export interface ModelSpec {
  /** Builder name, e.g. "denseRegressor". */
  builder: string;
  task: Task;
  /** Shape of one sample: [features] or [timesteps, features]. */
  inputShape: number[];
  /** Values per sample predicted (targets × steps, or classes). */
  outputSize: number;
  seed: number;
  learningRate: number;
  /** The builder's options, for the bundle and the summary. */
  options: Record<string, unknown>;
}

/** What a model was trained on, remembered so that prediction on other columns is refused, not silently wrong. */
export interface TrainedInputs {
  /** Feature columns, in the order the model saw them. */
  features: readonly string[];
  /** Rows per window, for a sequence model. */
  lookback?: number;
}

/** Throws an InputError naming the caller unless `m` is a model built or loaded by the library (by shape). */
export function checkModel(caller: string, m: unknown): asserts m is Model {
  const ok = typeof m === 'object' && m !== null && typeof (m as Model).check === 'function' && typeof (m as Model).spec === 'object';
  if (!ok)
    throw new InputError(
      `${caller} takes a model from a builder (denseClassifier, lstmForecaster, …), loadModel or wrapModel, got ${describeArgument(m)}${m && typeof (m as { predict?: unknown }).predict === 'function' ? ' (a tfjs model: wrap it with wrapModel(net, { task }))' : ''}`,
    );
}

function isNameList(x: unknown): x is readonly string[] {
  return Array.isArray(x) && x.length > 0 && x.every((f) => typeof f === 'string');
}

export class Model {
  private disposed = false;
  /** Epochs trained so far (continues across fitModel calls). */
  epochsTrained = 0;
  private inputs: TrainedInputs | undefined;

  constructor(
    /** The underlying tfjs model (advanced use: the library keeps it compiled). */
    readonly net: tf.LayersModel,
    readonly spec: ModelSpec,
    /** The optimizer instance, disposed with the model. */
    readonly optimizer: tf.Optimizer,
  ) {}

  /** The quantile levels of a quantile head (outputs per target), or undefined. */
  get quantiles(): readonly number[] | undefined {
    return this.spec.options.quantiles as readonly number[] | undefined;
  }

  get task(): Task {
    return this.spec.task;
  }
  get inputShape(): number[] {
    return this.spec.inputShape;
  }
  get outputSize(): number {
    return this.spec.outputSize;
  }
  get isDisposed(): boolean {
    return this.disposed;
  }

  /** Number of trainable parameters. */
  countParams(): number {
    return this.net.countParams();
  }

  /**
   * A Keras-style summary: one row per layer with its full name and type — the library's own layers under their
   * standard names (TsdlLSTM as LSTM, TsdlSeededDropout as Dropout) — output shape and parameters; then the totals.
   */
  summary(): string {
    this.check();
    const rows = this.net.layers.map((layer) => {
      const className = layer.getClassName();
      const type = STANDARD_LAYER_NAMES[className] ?? className;
      // tfjs names layers "<snake>_<Class><n>" ("tsdl_seeded_dropout_TsdlSeededDropout1"): shown as Keras would, "dropout_1".
      const auto = new RegExp(`_${className}(\\d+)$`).exec(layer.name);
      const name = auto ? `${type.split(' ')[0].toLowerCase()}_${auto[1]}` : layer.name;
      const shape = (Array.isArray(layer.outputShape[0]) ? layer.outputShape[0] : layer.outputShape) as (number | null)[];
      return [`${name} (${type})`, `(${shape.map((d) => (d === null ? 'None' : d)).join(', ')})`, String(layer.countParams())];
    });
    const header = ['Layer (type)', 'Output shape', 'Params'];
    const widths = header.map((h, j) => Math.max(h.length, ...rows.map((r) => r[j].length)));
    const line = (r: string[]) => `${r[0].padEnd(widths[0])}  ${r[1].padEnd(widths[1])}  ${r[2].padStart(widths[2])}`;
    const trainable = this.net.trainableWeights.reduce((s, w) => s + (w.shape as number[]).reduce((a, b) => a * b, 1), 0);
    const total = this.countParams();
    return [
      `Model: ${this.spec.builder} (${this.spec.task})`,
      line(header),
      '─'.repeat(widths[0] + widths[1] + widths[2] + 4),
      ...rows.map(line),
      `Total params: ${total}; trainable: ${trainable}; non-trainable: ${total - trainable}`,
    ].join('\n');
  }

  /** Throws if the model was disposed. */
  check(): void {
    if (this.disposed) throw new NotFittedError(`this ${this.spec.builder} model was disposed; build a new one or load a saved bundle`);
  }

  /** The feature names (and lookback) the model was trained on; undefined before it is fitted on named data. */
  get trainedOn(): TrainedInputs | undefined {
    return this.inputs;
  }

  /**
   * Remembers the features (names and order) and lookback of named data the model is fitted on or loaded with;
   * data with other features, another order or another lookback is refused from then on (see `checkFeatures`).
   */
  rememberInputs(data: { features?: unknown; xShape: readonly number[] }, what = 'the training data'): void {
    if (!isNameList(data.features)) return;
    if (this.inputs) this.checkFeatures(data, what);
    else this.inputs = { features: [...data.features], ...(data.xShape.length === 3 ? { lookback: data.xShape[1] } : {}) };
  }

  /** Throws, naming both lists, when named data has other features or another order than the model was trained on. */
  checkFeatures(data: { features?: unknown; xShape: readonly number[] }, what = 'x'): void {
    const known = this.inputs;
    if (!known || !isNameList(data.features)) return;
    const got = data.features;
    if (got.length !== known.features.length || got.some((f, i) => f !== known.features[i])) {
      const same = got.length === known.features.length && [...got].sort().join('\u0000') === [...known.features].sort().join('\u0000');
      throw new ShapeError(
        `${what} has features [${got.join(', ')}] but the model was trained on [${known.features.join(', ')}]` +
          (same ? ' (the same columns in another order: each column feeds the weight learned for its position)' : '') +
          `; build it with toDataset/makeWindows({ features: [${known.features.map((f) => JSON.stringify(f)).join(', ')}] })`,
      );
    }
    if (known.lookback !== undefined && data.xShape.length === 3 && data.xShape[1] !== known.lookback) {
      throw new ShapeError(
        `${what} has windows of ${data.xShape[1]} rows but the model was trained on lookback ${known.lookback}; make the windows with { lookback: ${known.lookback} }`,
      );
    }
  }

  /** Throws unless one sample of `shape` (without the batch axis) matches the model's input. */
  checkInput(sampleShape: readonly number[], what = 'x'): void {
    const want = this.spec.inputShape;
    if (sampleShape.length !== want.length || sampleShape.some((d, i) => d !== want[i])) {
      const hint = want.length === 2 ? ' (a sequence model takes windows [samples, lookback, features])' : ' (a dense model takes rows [samples, features])';
      throw new ShapeError(
        `${what} has sample shape [${sampleShape.join(', ')}] but the model expects [${want.join(', ')}]${hint}; prepare it with the same feature columns (and lookback) as the training data`,
      );
    }
  }

  /** Frees the model's weights and optimizer state. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.net.dispose();
    this.optimizer.dispose();
  }

  toString(): string {
    return `${this.spec.builder}(${this.spec.task}, input [${this.spec.inputShape.join(', ')}], ${this.countParams()} parameters)`;
  }
}
