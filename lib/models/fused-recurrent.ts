/**
 * `FusedLSTM` and `FusedGRU`: tfjs layers whose whole sequence, forward and backward through time, is one call
 * of the recurrent kernel (lib/kernels/recurrent.ts) instead of ~3,000 tfjs ops per training step. Same weights,
 * gate order and activations as Keras and `tf.layers.lstm` / `tf.layers.gru` (sigmoid recurrent activation, tanh,
 * GRU with reset_after=false), so weights move between them with getWeights/setWeights; saved and loaded like any
 * layer (class names TsdlLSTM / TsdlGRU). The gradient is exact backpropagation through time via tf.customGrad.
 */
import { tf } from '../backend';
import { recurrentKernel } from '../kernels/recurrent';
import { gateWidth, RecurrentCell, RNN_BAD_GRADIENT, RNN_BAD_WEIGHTS, RNN_DONE, RNN_NO_MEMORY } from '../kernels/recurrent-codes';
import { InputError } from '../util/errors';
import { checkPositiveInt, checkObjectWith } from '../util/check';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
type Regularizer = ReturnType<typeof tf.regularizers.l2>;

export interface FusedRecurrentArgs {
  units: number;
  /** The whole sequence [batch, steps, units] (true) or the last step [batch, units] (false, the default). */
  returnSequences?: boolean;
  kernelInitializer?: Initializer;
  recurrentInitializer?: Initializer;
  biasInitializer?: Initializer;
  kernelRegularizer?: Regularizer;
  inputShape?: tf.Shape;
  batchInputShape?: tf.Shape;
  name?: string;
  trainable?: boolean;
}

function kernelFailure(layer: string, code: number, dims: ArrayLike<number>): Error {
  if (code >= 0) {
    const T = dims[1],
      F = dims[2];
    const sample = Math.floor(code / (T * F));
    const step = Math.floor((code % (T * F)) / F);
    return new InputError(
      `${layer} got NaN or infinity in its input (sample ${sample}, step ${step}, feature ${code % F}): fill or drop missing values before making windows (e.g. fillForward or dropna)`,
    );
  }
  if (code === RNN_BAD_WEIGHTS)
    return new InputError(
      `${layer}'s weights hold NaN or infinity: training diverged; lower the learning rate or scale the inputs (standardScaler), then build the model again`,
    );
  if (code === RNN_BAD_GRADIENT)
    return new InputError(`${layer} received a NaN or infinite gradient: the loss diverged; lower the learning rate or scale the target`);
  if (code === RNN_NO_MEMORY) return new Error(`${layer}: out of memory in the recurrent kernel`);
  return new Error(`${layer}: the recurrent kernel failed (code ${code})`);
}

/** The layer's op on one batch: x [B, T, F] → [B, T, H] or [B, H], with its exact gradient. */
function recurrentOp(cell: RecurrentCell, layer: string, returnSequences: boolean, x: tf.Tensor, w: tf.Tensor, u: tf.Tensor, b: tf.Tensor): tf.Tensor {
  const op = tf.customGrad(((xt: tf.Tensor, wt: tf.Tensor, ut: tf.Tensor, bt: tf.Tensor) => {
    const [B, T, F] = xt.shape as number[];
    const H = ut.shape[0];
    const G = gateWidth(cell, H);
    const dims = Float64Array.of(B, T, F, H);
    const kernel = recurrentKernel();
    const xs = xt.dataSync() as Float32Array;
    const ws = wt.dataSync() as Float32Array;
    const us = ut.dataSync() as Float32Array;
    const gates = new Float32Array(B * T * G);
    const state = new Float32Array(B * T * H);
    const h = new Float32Array(B * T * H);
    const code = kernel.forward(cell, xs, ws, us, bt.dataSync() as Float32Array, dims, gates, state, h);
    if (code !== RNN_DONE) throw kernelFailure(layer, code, dims);
    let value: tf.Tensor;
    if (returnSequences) value = tf.tensor3d(h, [B, T, H]);
    else {
      const last = new Float32Array(B * H);
      for (let i = 0; i < B; i++) last.set(h.subarray((i * T + T - 1) * H, (i * T + T) * H), i * H);
      value = tf.tensor2d(last, [B, H]);
    }
    const gradFunc = (dy: tf.Tensor) => {
      const d = dy.dataSync() as Float32Array;
      const dx = new Float32Array(B * T * F);
      const dw = new Float32Array(F * G);
      const du = new Float32Array(H * G);
      const db = new Float32Array(G);
      const r = kernel.backward(
        cell,
        xs,
        ws,
        us,
        gates,
        state,
        h,
        returnSequences ? d : undefined,
        returnSequences ? undefined : d,
        dims,
        dx,
        dw,
        du,
        db,
        new Float32Array(B * T * G),
        new Float32Array(B * H),
        new Float32Array(B * H),
      );
      if (r !== RNN_DONE) throw kernelFailure(layer, r, dims);
      return [tf.tensor3d(dx, [B, T, F]), tf.tensor2d(dw, [F, G]), tf.tensor2d(du, [H, G]), tf.tensor1d(db)];
    };
    return { value, gradFunc };
  }) as unknown as Parameters<typeof tf.customGrad>[0]);
  return op(x, w, u, b) as tf.Tensor;
}

abstract class FusedRecurrent extends tf.layers.Layer {
  readonly units: number;
  readonly returnSequences: boolean;
  private readonly cell: RecurrentCell;
  private readonly initializers: [Initializer, Initializer, Initializer];
  private readonly kernelRegularizer?: Regularizer;
  private weightsOf?: { kernel: tf.LayerVariable; recurrent: tf.LayerVariable; bias: tf.LayerVariable };

  constructor(cell: RecurrentCell, args: FusedRecurrentArgs) {
    super({ name: args.name, inputShape: args.inputShape, batchInputShape: args.batchInputShape, trainable: args.trainable });
    this.cell = cell;
    this.units = checkPositiveInt('units', args.units);
    this.returnSequences = args.returnSequences ?? false;
    this.initializers = [
      args.kernelInitializer ?? tf.initializers.glorotUniform({}),
      args.recurrentInitializer ?? tf.initializers.orthogonal({}),
      args.biasInitializer ?? tf.initializers.zeros(),
    ];
    this.kernelRegularizer = args.kernelRegularizer;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const shape = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    if (shape.length !== 3 || shape[2] == null)
      throw new InputError(`${this.name} expects windows [samples, steps, features], got input shape [${shape.join(', ')}]`);
    const G = gateWidth(this.cell, this.units);
    this.weightsOf = {
      kernel: this.addWeight('kernel', [shape[2], G], 'float32', this.initializers[0], this.kernelRegularizer, true),
      recurrent: this.addWeight('recurrent_kernel', [this.units, G], 'float32', this.initializers[1], undefined, true),
      bias: this.addWeight('bias', [G], 'float32', this.initializers[2], undefined, true),
    };
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    const x = Array.isArray(inputs) ? inputs[0] : inputs;
    if (x.rank !== 3) throw new InputError(`${this.name} expects windows [samples, steps, features], got a tensor of shape [${x.shape.join(', ')}]`);
    const wt = this.weightsOf!;
    return recurrentOp(
      this.cell,
      this.name,
      this.returnSequences,
      x.dtype === 'float32' ? x : tf.cast(x, 'float32'),
      wt.kernel.read(),
      wt.recurrent.read(),
      wt.bias.read(),
    );
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return this.returnSequences ? [s[0], s[1], this.units] : [s[0], this.units];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), units: this.units, returnSequences: this.returnSequences };
  }
}

/** LSTM over the whole sequence in one kernel call (Keras gate order i, f, c, o). */
export class FusedLSTM extends FusedRecurrent {
  static className = 'TsdlLSTM';
  constructor(args: FusedRecurrentArgs) {
    super('lstm', args);
  }
}

/** GRU over the whole sequence in one kernel call (gates z, r, h; reset_after=false, as tfjs). */
export class FusedGRU extends FusedRecurrent {
  static className = 'TsdlGRU';
  constructor(args: FusedRecurrentArgs) {
    super('gru', args);
  }
}

tf.serialization.registerClass(FusedLSTM);
tf.serialization.registerClass(FusedGRU);

/** `fusedLstm({ units: 32 })`: a FusedLSTM layer, for the user's own tf.sequential models. */
export function fusedLstm(args: FusedRecurrentArgs): FusedLSTM {
  checkObjectWith('fusedLstm', args, ['units'], 'layer arguments such as { units: 32 }');
  return new FusedLSTM(args);
}

/** `fusedGru({ units: 32 })`: a FusedGRU layer. */
export function fusedGru(args: FusedRecurrentArgs): FusedGRU {
  checkObjectWith('fusedGru', args, ['units'], 'layer arguments such as { units: 32 }');
  return new FusedGRU(args);
}
