/**
 * `CausalConv1D`: a 1-D convolution over windows [batch, steps, features] whose output at step t sees steps ≤ t
 * only (Keras's `Conv1D(padding="causal")`), written as zero padding, shifted slices and one matrix product. Two
 * reasons not to use `tf.layers.conv1d`: its 'causal' padding throws NotImplementedError when the layer first runs,
 * and the wasm backend has no Conv2DBackpropFilter kernel, so no Conv1D trains on the default backend. Slices,
 * concat and matMul have gradients everywhere. The kernel is [kernelSize, features, filters], as tfjs's and Keras's.
 */
import { tf } from '../backend';
import { checkPositiveInt } from '../util/check';
import { InputError } from '../util/errors';

type Initializer = ReturnType<typeof tf.initializers.glorotUniform>;
type Regularizer = ReturnType<typeof tf.regularizers.l2>;

export interface CausalConv1DArgs {
  filters: number;
  kernelSize: number;
  /** 'relu' (default) or 'linear'. */
  activation?: 'relu' | 'linear';
  kernelInitializer?: Initializer;
  kernelRegularizer?: Regularizer;
  inputShape?: tf.Shape;
  /** Set by deserialisation (a saved model's first layer). */
  batchInputShape?: tf.Shape;
  name?: string;
}

export class CausalConv1D extends tf.layers.Layer {
  static className = 'TsdlCausalConv1D';
  readonly filters: number;
  readonly kernelSize: number;
  readonly activation: 'relu' | 'linear';
  private readonly kernelInitializer: Initializer;
  private readonly kernelRegularizer?: Regularizer;
  private kernel?: tf.LayerVariable;
  private bias?: tf.LayerVariable;

  constructor(args: CausalConv1DArgs) {
    super({ name: args.name, inputShape: args.inputShape, batchInputShape: args.batchInputShape });
    this.filters = checkPositiveInt('filters', args.filters);
    this.kernelSize = checkPositiveInt('kernelSize', args.kernelSize);
    this.activation = args.activation ?? 'relu';
    this.kernelInitializer = args.kernelInitializer ?? tf.initializers.glorotUniform({});
    this.kernelRegularizer = args.kernelRegularizer;
  }

  override build(inputShape: tf.Shape | tf.Shape[]): void {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    if (s.length !== 3 || s[2] == null) throw new InputError(`${this.name} expects windows [samples, steps, features], got input shape [${s.join(', ')}]`);
    this.kernel = this.addWeight('kernel', [this.kernelSize, s[2], this.filters], 'float32', this.kernelInitializer, this.kernelRegularizer, true);
    this.bias = this.addWeight('bias', [this.filters], 'float32', tf.initializers.zeros(), undefined, true);
    this.built = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {
    return tf.tidy(() => {
      const x = (Array.isArray(inputs) ? inputs[0] : inputs) as tf.Tensor3D;
      const [B, T, F] = x.shape;
      const K = this.kernelSize;
      const padded =
        K > 1
          ? tf.pad(x, [
              [0, 0],
              [K - 1, 0],
              [0, 0],
            ])
          : x;
      // patches[b, t] = [x[t−K+1], …, x[t]] (k major, feature minor: the kernel's [K, F] order).
      const patches =
        K > 1
          ? tf.concat(
              Array.from({ length: K }, (_, k) => tf.slice(padded, [0, k, 0], [B, T, F])),
              2,
            )
          : x;
      const y = tf.add(tf.matMul(tf.reshape(patches, [B * T, K * F]), tf.reshape(this.kernel!.read(), [K * F, this.filters])), this.bias!.read());
      return tf.reshape(this.activation === 'relu' ? tf.relu(y) : y, [B, T, this.filters]);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape {
    const s = (Array.isArray(inputShape[0]) ? inputShape[0] : inputShape) as tf.Shape;
    return [s[0], s[1], this.filters];
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), filters: this.filters, kernelSize: this.kernelSize, activation: this.activation };
  }
}

tf.serialization.registerClass(CausalConv1D);
