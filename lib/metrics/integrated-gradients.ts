/**
 * `integratedGradients`: how much each input value moved one prediction away from a baseline input (Sundararajan,
 * Taly & Yan 2017). The gradient of the output is averaged along the straight path from the baseline to the sample
 * and multiplied by (sample − baseline), so the attributions of a sample add up to f(sample) − f(baseline) (the
 * completeness axiom). The integral is the trapezoid rule over `steps` intervals, as TensorFlow's tutorial; the
 * result reports how far each sample's sum is from that difference, so too few steps is visible, never silent.
 * Windows [samples, lookback, features] get an attribution per lag and feature.
 */
import { tf } from '../backend';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { argmaxRows } from '../util/argmax-rows';
import type { Model } from '../models/model';
import { checkX, InputData } from '../train/check-training-data';
import { predict } from '../train/predict';
import { checkModel } from '../models/model';

export interface IntegratedGradientsOptions {
  /**
   * The input the path starts from: "zeros" (the default; after `standardScaler` that is the training mean of every
   * feature), one number for every value, or one sample's values ([features] or [lookback × features], row-major).
   */
  baseline?: 'zeros' | number | ArrayLike<number>;
  /** Trapezoid intervals along the path. Defaults to 64; raise it when `maxGap` is large. */
  steps?: number;
  /**
   * Which output to explain: an output index (a class for a multi-class model, a target or step for a multi-output
   * regressor). Defaults to the predicted class for a multi-class model, the probability of class 1 for a binary
   * one, and output 0 for a regressor.
   */
  output?: number;
  /** Feature names, one per feature (the last axis of x). Defaults to "feature 0", "feature 1", … */
  features?: readonly string[];
  /** Interpolated inputs per gradient pass. Defaults to 2048. */
  batchSize?: number;
}

export interface IntegratedGradientsResult {
  /** Attributions, row-major with x's shape: [samples, features] or [samples, lookback, features]. */
  attributions: Float64Array;
  /** x's shape. */
  shape: number[];
  features: string[];
  /** Lags per sample (1 for rows). Lag index 0 is the oldest step of a window. */
  lookback: number;
  /** The explained output of each sample. */
  outputs: Int32Array;
  /** f(sample) of the explained output. */
  prediction: Float64Array;
  /** f(baseline) of the explained output. */
  baselinePrediction: Float64Array;
  /** Per sample: sum of attributions − (f(sample) − f(baseline)); near 0 when `steps` is enough. */
  completenessGap: Float64Array;
  /** Largest |gap| over the samples relative to the largest |f(sample) − f(baseline)|: above ~0.01, raise `steps`. */
  maxGap: number;
  /** One sample's attribution of one feature, summed over its lags. */
  featureAttribution(sample: number, feature: number): number;
  /** Mean |attribution| over the samples, [lag][feature]: which lags and features the model looked at. */
  meanAbsByLag(): number[][];
  /** Mean |attribution| per feature (lags summed first). */
  meanAbsByFeature(): number[];
  /** Features by mean |attribution|, largest first, with the standard deviation over samples (for `importanceChart`). */
  summary(): { metric: string; importances: { feature: string; mean: number; std: number }[] };
}

function baselineValues(baseline: IntegratedGradientsOptions['baseline'], width: number): Float32Array {
  if (baseline === undefined || baseline === 'zeros') return new Float32Array(width);
  if (typeof baseline === 'number') {
    if (!Number.isFinite(baseline)) throw new InputError(`integratedGradients: baseline must be finite, got ${baseline}`);
    return new Float32Array(width).fill(baseline);
  }
  if (typeof baseline === 'string' || typeof (baseline as ArrayLike<number>).length !== 'number')
    throw new InputError(`integratedGradients: baseline must be "zeros", a number or one sample's ${width} values, got ${String(baseline)}`);
  const b = Float32Array.from(baseline as ArrayLike<number>);
  if (b.length !== width) throw new InputError(`integratedGradients: baseline has ${b.length} values but one sample has ${width}; pass one sample's values`);
  const bad = b.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) throw new InputError(`integratedGradients: baseline value ${bad} is ${b[bad]}; use finite values`);
  return b;
}

/** Output index explained for each sample. */
function explainedOutputs(model: Model, predicted: Float64Array, n: number, output: number | undefined): Int32Array {
  const k = model.outputSize;
  if (output !== undefined) {
    if (!(Number.isInteger(output) && output >= 0 && output < k))
      throw new InputError(`integratedGradients: output must be an index 0..${k - 1} of the model's ${k} output(s), got ${output}`);
    return new Int32Array(n).fill(output);
  }
  if (model.task !== 'multiclass') return new Int32Array(n);
  return argmaxRows(predicted, k);
}

/**
 * Integrated gradients of each sample's prediction (or of `output`) with respect to its inputs.
 * @example const ig = await integratedGradients(model, flagged, { features }); ig.featureAttribution(0, 2)
 */
export async function integratedGradients(model: Model, data: InputData, options: IntegratedGradientsOptions = {}): Promise<IntegratedGradientsResult> {
  checkModel('integratedGradients', model);
  const n = checkX(model, data, 'integratedGradients x');
  const shape = [...data.xShape];
  const nf = shape[shape.length - 1];
  const lookback = shape.length === 3 ? shape[1] : 1;
  const width = nf * lookback;
  const steps = checkPositiveInt('steps', options.steps ?? 64);
  const batchSize = checkPositiveInt('batchSize', options.batchSize ?? 2048);
  const features = options.features ? [...options.features] : Array.from({ length: nf }, (_, j) => `feature ${j}`);
  if (features.length !== nf) throw new InputError(`integratedGradients: ${features.length} feature names for ${nf} features in x`);
  const base = baselineValues(options.baseline, width);
  const k = model.outputSize;

  const predicted = await predict(model, data);
  const outputs = explainedOutputs(model, predicted, n, options.output);
  const atBase = await predict(model, { x: base, xShape: [1, ...shape.slice(1)] });

  // Trapezoid weights over the steps + 1 points α = 0, 1/steps, …, 1.
  const points = steps + 1;
  const weight = (s: number) => (s === 0 || s === steps ? 0.5 : 1) / steps;
  const avgGrad = new Float64Array(n * width);
  const perPass = Math.max(1, Math.floor(batchSize / points)); // samples per pass
  for (let start = 0; start < n; start += perPass) {
    const end = Math.min(n, start + perPass);
    const rows = (end - start) * points;
    const path = new Float32Array(rows * width);
    const pick = new Float32Array(rows * k);
    for (let i = start; i < end; i++) {
      const xi = data.x.subarray(i * width, (i + 1) * width);
      for (let s = 0; s < points; s++) {
        const a = s / steps;
        const r = (i - start) * points + s;
        const o = r * width;
        for (let j = 0; j < width; j++) path[o + j] = base[j] + a * (xi[j] - base[j]);
        pick[r * k + outputs[i]] = 1;
      }
    }
    const g = tf.tidy(() => {
      const mask = tf.tensor2d(pick, [rows, k]);
      const f = (x: tf.Tensor) => tf.sum(tf.mul(model.net.apply(x, { training: false }) as tf.Tensor, mask));
      return tf.grad(f)(tf.tensor(path, [rows, ...shape.slice(1)]));
    });
    let grads: Float32Array;
    try {
      grads = (await g.data()) as Float32Array;
    } finally {
      g.dispose();
    }
    for (let i = start; i < end; i++)
      for (let s = 0; s < points; s++) {
        const w = weight(s);
        const o = ((i - start) * points + s) * width;
        const out = i * width;
        for (let j = 0; j < width; j++) avgGrad[out + j] += w * grads[o + j];
      }
  }

  const attributions = new Float64Array(n * width);
  const prediction = new Float64Array(n);
  const baselinePrediction = new Float64Array(n);
  const completenessGap = new Float64Array(n);
  let worstGap = 0;
  let largestDiff = 0;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < width; j++) {
      const v = (data.x[i * width + j] - base[j]) * avgGrad[i * width + j];
      attributions[i * width + j] = v;
      sum += v;
    }
    prediction[i] = predicted[i * k + outputs[i]];
    baselinePrediction[i] = atBase[outputs[i]];
    const diff = prediction[i] - baselinePrediction[i];
    completenessGap[i] = sum - diff;
    worstGap = Math.max(worstGap, Math.abs(completenessGap[i]));
    largestDiff = Math.max(largestDiff, Math.abs(diff));
  }
  const maxGap = worstGap / Math.max(largestDiff, 1e-12);
  const featureAttribution = (sample: number, feature: number): number => {
    let s = 0;
    for (let t = 0; t < lookback; t++) s += attributions[sample * width + t * nf + feature];
    return s;
  };
  const meanAbsByFeature = (): number[] =>
    Array.from({ length: nf }, (_, f) => {
      let s = 0;
      for (let i = 0; i < n; i++) s += Math.abs(featureAttribution(i, f));
      return s / Math.max(n, 1);
    });
  return {
    attributions,
    shape,
    features,
    lookback,
    outputs,
    prediction,
    baselinePrediction,
    completenessGap,
    maxGap,
    featureAttribution,
    meanAbsByLag(): number[][] {
      return Array.from({ length: lookback }, (_, t) =>
        Array.from({ length: nf }, (_, f) => {
          let s = 0;
          for (let i = 0; i < n; i++) s += Math.abs(attributions[i * width + t * nf + f]);
          return s / Math.max(n, 1);
        }),
      );
    },
    meanAbsByFeature,
    summary() {
      const means = meanAbsByFeature();
      const importances = features.map((feature, f) => {
        let v = 0;
        for (let i = 0; i < n; i++) v += (Math.abs(featureAttribution(i, f)) - means[f]) ** 2;
        return { feature, mean: means[f], std: Math.sqrt(v / Math.max(n, 1)) };
      });
      return { metric: 'mean |integrated gradients|', importances: importances.sort((a, b) => b.mean - a.mean) };
    },
  };
}
