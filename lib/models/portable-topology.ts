/**
 * `portableTopology`: a model's topology with the library's own layers written as the standard Keras / TF.js
 * layers that compute the same function on the same weights, so that plain `tf.loadLayersModel`, the
 * tensorflowjs converter and Keras load a saved model without this library. SeededDropout → Dropout (its seed
 * kept), TsdlLSTM / TsdlGRU → LSTM / GRU (sigmoid recurrent activation, tanh, GRU reset_after=false: the fused
 * kernels' maths), TsdlCausalConv1D → Conv1D(padding "causal"). Weight names and order are unchanged, so one
 * weights file serves both forms. Layers of other classes pass through as they are.
 */

import { checkObjectWith } from '../util/check';

type Json = Record<string, unknown>;

/** Keys every layer config may carry, copied to the standard layer as they are. */
const COMMON_KEYS = ['name', 'trainable', 'dtype', 'batch_input_shape', 'input_shape'];

const glorot = { class_name: 'VarianceScaling', config: { scale: 1, mode: 'fan_avg', distribution: 'uniform', seed: null } };
const zeros = { class_name: 'Zeros', config: {} };

function common(config: Json): Json {
  return Object.fromEntries(COMMON_KEYS.filter((k) => k in config).map((k) => [k, config[k]]));
}

function recurrent(cls: 'LSTM' | 'GRU', c: Json): Json {
  return {
    class_name: cls,
    config: {
      ...common(c),
      units: c.units,
      activation: 'tanh',
      recurrent_activation: 'sigmoid',
      use_bias: true,
      kernel_initializer: glorot,
      recurrent_initializer: { class_name: 'Orthogonal', config: { gain: 1, seed: null } },
      bias_initializer: zeros,
      ...(cls === 'LSTM' ? { unit_forget_bias: false } : { reset_after: false }),
      kernel_regularizer: null,
      recurrent_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      recurrent_constraint: null,
      bias_constraint: null,
      dropout: 0,
      recurrent_dropout: 0,
      implementation: 2,
      return_sequences: c.return_sequences ?? false,
      return_state: false,
      go_backwards: false,
      stateful: false,
      unroll: false,
    },
  };
}

/** The standard form of each library layer, from its serialised (snake_case) config. */
const STANDARD: Record<string, (config: Json) => Json> = {
  TsdlSeededDropout: (c) => ({ class_name: 'Dropout', config: { ...common(c), rate: c.rate, noise_shape: null, seed: c.seed ?? null } }),
  TsdlLSTM: (c) => recurrent('LSTM', c),
  TsdlGRU: (c) => recurrent('GRU', c),
  TsdlCausalConv1D: (c) => ({
    class_name: 'Conv1D',
    config: {
      ...common(c),
      filters: c.filters,
      kernel_size: [c.kernel_size],
      strides: [1],
      padding: 'causal',
      data_format: 'channels_last',
      dilation_rate: [1],
      activation: c.activation ?? 'relu',
      use_bias: true,
      kernel_initializer: glorot,
      bias_initializer: zeros,
      kernel_regularizer: null,
      bias_regularizer: null,
      activity_regularizer: null,
      kernel_constraint: null,
      bias_constraint: null,
    },
  }),
};

/** A deep copy of a topology (Sequential or functional, bare or inside model_config) and its layer list. */
function copyWithLayers(topology: object): { copy: Json; layers: Json[] } {
  const copy = JSON.parse(JSON.stringify(topology)) as Json;
  const model = (copy.model_config ?? copy) as Json;
  return { copy, layers: ((model.config as Json | undefined)?.layers ?? []) as Json[] };
}

/** Class names of the library's own layers that `portableTopology` rewrites. */
export const LIBRARY_LAYER_CLASSES: readonly string[] = Object.keys(STANDARD);

/**
 * The topology (as `model.save` writes it: Sequential or functional) with every library layer replaced by its
 * standard equivalent. The input is not modified.
 */
export function portableTopology(topology: object): object {
  checkObjectWith('portableTopology', topology, ['config'], 'a tfjs layers topology (model.toJSON())');
  const { copy, layers } = copyWithLayers(topology);
  for (let i = 0; i < layers.length; i++) {
    const make = STANDARD[layers[i].class_name as string];
    if (!make) continue;
    const standard = make(layers[i].config as Json);
    // Functional models keep the layer's graph links; Sequential ones have none.
    for (const k of ['name', 'inbound_nodes']) if (k in layers[i]) standard[k] = layers[i][k];
    layers[i] = standard;
  }
  return copy;
}

/**
 * The reverse for dropout, used when a standard model is loaded for training: every `Dropout` without a noise
 * shape becomes a SeededDropout, its seed the layer's own or one derived from `seed` — tfjs's Dropout draws from
 * Math.random, so a Keras model fine-tuned twice would not repeat. Other layers are left as they are.
 */
export function seededDropoutTopology(topology: object, seed: number): object {
  const { copy, layers } = copyWithLayers(topology);
  layers.forEach((layer, i) => {
    const c = layer.config as Json;
    if (layer.class_name !== 'Dropout' || (c.noise_shape ?? null) !== null) return;
    layer.class_name = 'TsdlSeededDropout';
    layer.config = { ...common(c), rate: c.rate, seed: typeof c.seed === 'number' ? c.seed : (seed * 7919 + i * 104729) % 2147483647 };
  });
  return copy;
}
