/** Checks of x and y before any training step: shapes, lengths, finite values, label ranges. */
import { InputError, ShapeError } from '../util/errors';
import type { Model } from '../models/model';

/** Model-ready arrays: a Dataset or Windows. */
export interface TrainingData {
  x: Float32Array;
  xShape: readonly number[];
  y: Float32Array;
  yShape: readonly number[];
  /** Feature names, in column order (toDataset and makeWindows set them): remembered by the model when it is fitted. */
  features?: readonly string[];
  /** Target names (toDataset and makeWindows set them): named in notices. */
  targets?: readonly string[];
}

/** Input-only arrays, for prediction. */
export interface InputData {
  x: Float32Array;
  xShape: readonly number[];
  /** Feature names, in column order (toDataset and makeWindows set them): checked against those the model was trained on. */
  features?: readonly string[];
}

export function checkX(model: Model, data: InputData, what = 'x'): number {
  model.check();
  if (!data || !(data.x instanceof Float32Array) || !Array.isArray(data.xShape)) {
    throw new InputError(`${what} must be prepared data with x (Float32Array) and xShape (from toDataset or makeWindows)`);
  }
  const n = data.xShape[0];
  const size = data.xShape.reduce((a, b) => a * b, 1);
  if (data.x.length !== size) throw new ShapeError(`${what}.x has ${data.x.length} values but xShape [${data.xShape.join(', ')}] needs ${size}`);
  // Named data (toDataset, makeWindows) against the names the model was trained on, before the shapes: a
  // reordered feature list has the right shape and gives wrong predictions.
  model.checkFeatures(data, what);
  model.checkInput(data.xShape.slice(1), what);
  const width = size / Math.max(n, 1);
  for (let i = 0; i < data.x.length; i++) {
    if (!Number.isFinite(data.x[i])) {
      throw new InputError(
        `${what} holds ${data.x[i]} in sample ${Math.floor(i / width)} (position ${i % width}); impute it (simpleImputer) or drop missing rows (dropMissing) before training or predicting`,
      );
    }
  }
  return n;
}

export function checkTrainingData(model: Model, data: TrainingData, what = 'training data'): number {
  const n = checkX(model, data, what);
  if (!(data.y instanceof Float32Array) || !Array.isArray(data.yShape)) throw new InputError(`${what} has no targets y/yShape`);
  if (data.yShape[0] !== n)
    throw new ShapeError(
      `${what}: x has ${n} samples but y has ${data.yShape[0]}; they must match (build x and y from the same rows: toDataset or makeWindows keep them aligned)`,
    );
  const yWidth = data.yShape.slice(1).reduce((a, b) => a * b, 1);
  if (data.y.length !== n * yWidth) throw new ShapeError(`${what}: y has ${data.y.length} values but yShape [${data.yShape.join(', ')}] needs ${n * yWidth}`);
  // A quantile head predicts every level of each target from one observed value per target.
  const want = model.task === 'multiclass' ? 1 : model.outputSize / (model.quantiles?.length ?? 1);
  if (yWidth !== want) throw new ShapeError(`${what}: y has ${yWidth} value(s) per sample but the model predicts ${want}`);
  for (let i = 0; i < data.y.length; i++) {
    const v = data.y[i];
    if (!Number.isFinite(v)) throw new InputError(`${what}: target holds ${v} in sample ${Math.floor(i / yWidth)}; drop or impute those rows`);
    if (model.task === 'binary' && v !== 0 && v !== 1) {
      let max = 0;
      let codes = true;
      for (const u of data.y) {
        if (!(Number.isInteger(u) && u >= 0)) codes = false;
        else if (u > max) max = u;
      }
      // Labels already coded 0..k-1 need a k-class model, not another encoding.
      const fix =
        codes && max < 1000
          ? `the labels look like ${max + 1} class codes (0..${max}): build the model with { classes: ${max + 1} }`
          : 'encode labels with labelEncoder';
      throw new InputError(`${what}: a binary classifier needs labels 0 or 1, but sample ${i} has ${v}; ${fix}`);
    }
    if (model.task === 'multiclass' && (!Number.isInteger(v) || v < 0 || v >= model.outputSize)) {
      throw new InputError(`${what}: class labels must be integers 0..${model.outputSize - 1}, but sample ${i} has ${v}`);
    }
  }
  return n;
}
