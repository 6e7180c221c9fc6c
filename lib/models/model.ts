/**
 * `Model`: a compiled tfjs model with what the library needs to train and explain it — its task, input and
 * output shapes, seed and the options it was built with. The only object that holds tensors across the
 * public API; `dispose()` frees them (and its optimizer, which `tf.LayersModel.dispose` leaves behind).
 */
import { tf } from '../backend';
import { NotFittedError, ShapeError } from '../util/errors';

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

export class Model {
  private disposed = false;
  /** Epochs trained so far (continues across fitModel calls). */
  epochsTrained = 0;

  constructor(
    /** The underlying tfjs model (advanced use: the library keeps it compiled). */
    readonly net: tf.LayersModel,
    readonly spec: ModelSpec,
    /** The optimizer instance, disposed with the model. */
    readonly optimizer: tf.Optimizer,
  ) {}

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

  /** A Keras-style summary: one row per layer, output shape and parameter count. */
  summary(): string {
    this.check();
    const lines: string[] = [];
    this.net.summary(90, undefined, (line) => lines.push(line));
    return lines.join('\n');
  }

  /** Throws if the model was disposed. */
  check(): void {
    if (this.disposed) throw new NotFittedError(`this ${this.spec.builder} model was disposed; build a new one or load a saved bundle`);
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
