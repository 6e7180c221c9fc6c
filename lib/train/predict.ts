/**
 * Prediction in batches, returning plain numbers: `predict` (values or probabilities, row-major),
 * `predictClasses` (argmax / threshold) and `predictInterval` (Monte-Carlo dropout intervals).
 */
import { tf } from '../backend';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { argmaxRows } from '../util/argmax-rows';
import type { Model } from '../models/model';
import { SeededDropout, withMcDropout } from '../models/seeded-dropout';
import { checkX, InputData } from './check-training-data';
import { checkModel } from '../models/model';

export interface PredictOptions {
  /** Samples per forward pass. Defaults to as many as fit in about 64 MB of activations (often all of them). */
  batchSize?: number;
}

/** Floats of activations a forward pass holds per sample: the input and every layer's output. */
function floatsPerSample(model: Model): number {
  let floats = model.spec.inputShape.reduce((a, b) => a * b, 1);
  for (const layer of model.net.layers) {
    const shapes = (Array.isArray(layer.outputShape[0]) ? layer.outputShape : [layer.outputShape]) as (number | null)[][];
    for (const shape of shapes) floats += shape.slice(1).reduce((a: number, b) => a * (b ?? 1), 1);
  }
  return floats;
}

/**
 * The default batch: every sample in one call while the activations stay under 2²⁴ floats (64 MB). One call of
 * 10,000 MLP rows was 5.4× faster than batches of 256 (issue 34), which tfjs split again into 32s.
 */
export function defaultPredictBatch(model: Model, samples: number): number {
  return Math.max(1, Math.min(samples, Math.floor(2 ** 24 / floatsPerSample(model))));
}

async function forward(model: Model, data: InputData, batchSize: number | undefined): Promise<Float64Array> {
  const n = checkX(model, data);
  const width = data.x.length / Math.max(n, 1);
  const out = new Float64Array(n * model.outputSize);
  const step = batchSize ?? defaultPredictBatch(model, n);
  for (let start = 0; start < n; start += step) {
    const end = Math.min(n, start + step);
    // tfjs's predict splits its input into batches of 32 unless told otherwise: one pass per step here.
    const y = tf.tidy(
      () =>
        model.net.predict(tf.tensor(data.x.subarray(start * width, end * width), [end - start, ...data.xShape.slice(1)]), {
          batchSize: end - start,
        }) as tf.Tensor,
    );
    try {
      out.set(await y.data(), start * model.outputSize);
    } finally {
      y.dispose();
    }
  }
  return out;
}

/**
 * Predictions as a flat Float64Array, row-major [samples × outputs]: values for a regressor, the probability of
 * class 1 for a binary classifier, class probabilities for a multi-class one.
 * @example const yHat = await predict(model, test);
 */
export async function predict(model: Model, data: InputData, options: PredictOptions = {}): Promise<Float64Array> {
  checkModel('predict', model);
  const out = await forward(model, data, options.batchSize === undefined ? undefined : checkPositiveInt('batchSize', options.batchSize));
  // A quantile head's levels of one target are sorted (rearrangement, Chernozhukov et al. 2010): they never cross.
  const levels = model.quantiles?.length ?? 1;
  if (levels > 1) for (let i = 0; i < out.length; i += levels) out.subarray(i, i + levels).sort();
  return out;
}

/** Class codes: probability ≥ threshold (binary; default 0.5) or argmax (multi-class). */
export async function predictClasses(model: Model, data: InputData, options: PredictOptions & { threshold?: number } = {}): Promise<Int32Array> {
  checkModel('predictClasses', model);
  const p = await predict(model, data, options);
  if (model.task === 'regression') throw new InputError('predictClasses needs a classifier; use predict for a regressor');
  if (model.task === 'binary') return Int32Array.from(p, (v) => (v >= (options.threshold ?? 0.5) ? 1 : 0));
  return argmaxRows(p, model.outputSize);
}

export interface IntervalOptions extends PredictOptions {
  /** Forward passes with dropout on. Defaults to 100. */
  samples?: number;
  /** Central coverage of the interval. Defaults to 0.9. */
  level?: number;
}

/** Mean and a central interval per output from Monte-Carlo dropout (flat, like `predict`). */
export interface Interval {
  mean: Float64Array;
  std: Float64Array;
  lower: Float64Array;
  upper: Float64Array;
  level: number;
}

/**
 * Monte-Carlo dropout prediction intervals (Gal & Ghahramani, 2016): dropout stays on at prediction time and
 * the spread of many passes gives an interval. Needs a model built with dropout > 0. Reproducible: the masks
 * come from the model's seed.
 */
export async function predictInterval(model: Model, data: InputData, options: IntervalOptions = {}): Promise<Interval> {
  checkModel('predictInterval', model);
  const samples = checkPositiveInt('samples', options.samples ?? 100, 2);
  const level = options.level ?? 0.9;
  if (!(level > 0 && level < 1)) throw new InputError(`level must be in (0, 1), got ${level}`);
  if (!model.net.layers.some((l) => l instanceof SeededDropout && l.rate > 0)) {
    throw new InputError(`${model.spec.builder} has no dropout: build it with { dropout: 0.1 } (or more) to get Monte-Carlo intervals`);
  }
  const runs = await withMcDropout(async () => {
    const all: Float64Array[] = [];
    for (let s = 0; s < samples; s++) all.push(await predict(model, data, options));
    return all;
  });
  const m = runs[0].length;
  const mean = new Float64Array(m);
  const std = new Float64Array(m);
  const lower = new Float64Array(m);
  const upper = new Float64Array(m);
  const col = new Float64Array(samples);
  const lo = (1 - level) / 2;
  for (let j = 0; j < m; j++) {
    let s = 0;
    for (let r = 0; r < samples; r++) s += col[r] = runs[r][j];
    mean[j] = s / samples;
    let ss = 0;
    for (let r = 0; r < samples; r++) ss += (col[r] - mean[j]) ** 2;
    std[j] = Math.sqrt(ss / (samples - 1));
    col.sort();
    const at = (q: number) => {
      const pos = (samples - 1) * q;
      const i = Math.floor(pos);
      return col[i] + (col[Math.min(i + 1, samples - 1)] - col[i]) * (pos - i);
    };
    lower[j] = at(lo);
    upper[j] = at(1 - lo);
  }
  return { mean, std, lower, upper, level };
}
