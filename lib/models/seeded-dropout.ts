/**
 * `SeededDropout`: dropout whose masks come from the model's seed. tfjs's own Dropout either draws from
 * Math.random (no seed) or, given a seed, draws the *same* mask at every step; this layer advances a counter
 * per call, so masks differ step to step yet repeat exactly from run to run.
 *
 * It also serves Monte-Carlo dropout: while `withMcDropout` runs, it drops units at prediction time too,
 * leaving batch normalisation in inference mode.
 */
import { tf } from '../backend';
import { deriveSeed } from '../util/rng';

let mcDepth = 0;

/** Runs `fn` with dropout active at prediction time (Monte-Carlo dropout). */
export async function withMcDropout<T>(fn: () => Promise<T>): Promise<T> {
  mcDepth++;
  try {
    return await fn();
  } finally {
    mcDepth--;
  }
}

export interface SeededDropoutArgs {
  rate: number;
  seed: number;
  name?: string;
}

export class SeededDropout extends tf.layers.Layer {
  static className = 'TsdlSeededDropout';
  readonly rate: number;
  readonly seed: number;
  private calls = 0;

  constructor(args: SeededDropoutArgs) {
    super({ name: args.name });
    this.rate = args.rate;
    this.seed = args.seed;
    this.supportsMasking = true;
  }

  override call(inputs: tf.Tensor | tf.Tensor[], kwargs: { training?: boolean }): tf.Tensor {
    return tf.tidy(() => {
      const x = Array.isArray(inputs) ? inputs[0] : inputs;
      const active = (kwargs.training === true || mcDepth > 0) && this.rate > 0;
      if (!active) return x.clone();
      const keep = 1 - this.rate;
      const u = tf.randomUniform(x.shape, 0, 1, 'float32', deriveSeed(this.seed, this.calls++));
      const mask = tf.cast(tf.less(u, keep), 'float32');
      return tf.div(tf.mul(x, mask), keep);
    });
  }

  override computeOutputShape(inputShape: tf.Shape | tf.Shape[]): tf.Shape | tf.Shape[] {
    return inputShape;
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { ...super.getConfig(), rate: this.rate, seed: this.seed };
  }
}
tf.serialization.registerClass(SeededDropout);
