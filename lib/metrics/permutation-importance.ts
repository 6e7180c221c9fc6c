/**
 * `permutationImportance`: how much a fitted model's score drops when one feature's values are shuffled across the
 * rows (Breiman 2001; scikit-learn's `permutation_importance`). It needs no access to the model's inside, so it
 * works for every builder and the user's own models, and it is measured on held-out rows, so it says what the model
 * uses to predict those rows — not what causes the outcome, and two correlated features share their importance.
 * For windows [samples, lookback, features] a feature is shuffled as a whole (all its lags move together).
 */
import { InputError } from '../util/errors';
import { argmaxRows } from '../util/argmax-rows';
import { deriveSeed, permutation, seededRng } from '../util/rng';
import type { Model } from '../models/model';
import { predict } from '../train/predict';
import type { TrainingData } from '../train/check-training-data';
import { accuracy } from './classification';
import { rocAuc } from './curves';
import { mse } from './regression';
import { checkModel } from '../models/model';

export interface PermutationImportanceOptions {
  /** Feature names, one per feature (the last axis of x). Defaults to "feature 0", "feature 1", … */
  features?: readonly string[];
  /** Shuffles per feature. Defaults to 5 (scikit-learn's default). */
  repeats?: number;
  /** Seed of the shuffles. Defaults to 42. */
  seed?: number;
  /**
   * Score of predictions, and whether higher is better. Defaults by task: mean squared error (lower) for a
   * regressor, ROC-AUC (higher) for a binary classifier, accuracy of the most probable class (higher) otherwise.
   */
  metric?: { name: string; score: (actual: ArrayLike<number>, predicted: Float64Array) => number; higherIsBetter: boolean };
}

export interface FeatureImportance {
  feature: string;
  /** Mean drop in score over the repeats (positive: the model relies on the feature). */
  mean: number;
  std: number;
  /** Each repeat's drop. */
  drops: number[];
}

export interface PermutationImportanceResult {
  metric: string;
  /** The score on the rows as given. */
  baseline: number;
  /** Features, most important first. */
  importances: FeatureImportance[];
}

function defaultMetric(model: Model): NonNullable<PermutationImportanceOptions['metric']> {
  if (model.task === 'regression') return { name: 'mse', score: mse, higherIsBetter: false };
  if (model.task === 'binary') return { name: 'ROC-AUC', score: rocAuc, higherIsBetter: true };
  return { name: 'accuracy', score: (y, p) => accuracy(y, argmaxRows(p, model.outputSize)), higherIsBetter: true };
}

/**
 * Permutation importance of each feature on held-out data (the test rows or windows).
 * @example const imp = await permutationImportance(model, testData, { features, repeats: 10 });
 */
export async function permutationImportance(
  model: Model,
  data: TrainingData,
  options: PermutationImportanceOptions = {},
): Promise<PermutationImportanceResult> {
  checkModel('permutationImportance', model);
  const shape = data.xShape;
  const n = shape[0];
  const nf = shape[shape.length - 1];
  const lags = shape.length === 3 ? shape[1] : 1;
  if (!(shape.length === 2 || shape.length === 3) || !(n >= 2))
    throw new InputError(`permutationImportance needs rows [samples, features] or windows with at least 2 samples, got xShape [${shape.join(', ')}]`);
  const features = options.features ?? Array.from({ length: nf }, (_, j) => `feature ${j}`);
  if (features.length !== nf) throw new InputError(`permutationImportance: ${features.length} feature names for ${nf} features in x`);
  const repeats = options.repeats ?? 5;
  if (!(Number.isInteger(repeats) && repeats >= 1)) throw new InputError(`permutationImportance: repeats must be a whole number ≥ 1, got ${repeats}`);
  const metric = options.metric ?? defaultMetric(model);
  const y = data.y;
  const score = async (x: Float32Array) => metric.score(y, await predict(model, { x, xShape: shape }));
  const baseline = await score(data.x);
  const rng = seededRng(deriveSeed(options.seed ?? 42, 3));
  const x = new Float32Array(data.x.length);
  const importances: FeatureImportance[] = [];
  for (let f = 0; f < nf; f++) {
    const drops: number[] = [];
    for (let r = 0; r < repeats; r++) {
      const perm = permutation(n, rng);
      x.set(data.x);
      // Row i takes feature f (at every lag) from row perm[i]; everything else stays.
      for (let i = 0; i < n; i++) for (let t = 0; t < lags; t++) x[(i * lags + t) * nf + f] = data.x[(perm[i] * lags + t) * nf + f];
      const s = await score(x);
      drops.push(metric.higherIsBetter ? baseline - s : s - baseline);
    }
    const mean = drops.reduce((a, b) => a + b, 0) / repeats;
    const std = Math.sqrt(drops.reduce((a, d) => a + (d - mean) ** 2, 0) / repeats); // population std, as scikit-learn
    importances.push({ feature: features[f], mean, std, drops });
  }
  importances.sort((a, b) => b.mean - a.mean);
  return { metric: metric.name, baseline, importances };
}
