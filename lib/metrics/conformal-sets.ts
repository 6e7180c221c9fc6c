/**
 * `conformalSets`: prediction sets for classifiers — for each case, the classes that cannot be ruled out at level
 * 1 − alpha — with the same guarantee as split-conformal intervals: on exchangeable new cases, the true class is in
 * the set at least 1 − alpha of the time. Two scores (MAPIE's names): "lac", 1 − p(true class), which gives the
 * smallest sets on average; "aps", the probability mass of the classes ranked at or above the true one, which
 * gives sets that adapt to how unsure the model is (larger on hard cases). A set of one class is a confident call;
 * a set of several says the model cannot tell them apart at that level.
 */
import { InputError } from '../util/errors';
import { checkProbabilities } from './check';
import { checkAlpha, conformalQuantile } from './conformal-quantile';

export type ConformalSetMethod = 'lac' | 'aps';

export interface ConformalSetOptions {
  /** Miscoverage: 0.1 gives sets that hold the true class 90% of the time. Defaults to 0.1. */
  alpha?: number;
  /** "lac" (default) or "aps". */
  method?: ConformalSetMethod;
}

/** Classes by descending probability (ties: lower class first). */
function ranked(p: ArrayLike<number>, o: number, k: number): number[] {
  return Array.from({ length: k }, (_, j) => j).sort((a, b) => p[o + b] - p[o + a] || a - b);
}

function checkProba(fn: string, proba: ArrayLike<number>, classes: number): number {
  if (!Number.isInteger(classes) || classes < 2) throw new InputError(`${fn}: classes must be an integer ≥ 2, got ${classes}`);
  if (proba.length % classes !== 0) throw new InputError(`${fn}: ${proba.length} probabilities are not whole rows of ${classes} classes`);
  checkProbabilities(fn, proba);
  return proba.length / classes;
}

/** A fitted conformal classifier: the score threshold, and `predictSets` for new cases. */
export class FittedConformalSets {
  constructor(
    /** The conformal quantile of the calibration scores. */
    readonly threshold: number,
    readonly alpha: number,
    readonly method: ConformalSetMethod,
    readonly classes: number,
  ) {}

  /** One set per case: the class codes it holds, most probable first. */
  predictSets(proba: ArrayLike<number>): number[][] {
    const k = this.classes;
    const n = checkProba('predictSets', proba, k);
    const sets: number[][] = [];
    for (let i = 0; i < n; i++) {
      const o = i * k;
      const order = ranked(proba, o, k);
      if (this.method === 'lac') sets.push(order.filter((j) => 1 - proba[o + j] <= this.threshold));
      else {
        // APS: classes in rank order until their mass reaches the threshold, the one that crosses it included.
        const set: number[] = [];
        let mass = 0;
        for (const j of order) {
          set.push(j);
          mass += proba[o + j];
          if (mass >= this.threshold) break;
        }
        sets.push(set);
      }
    }
    return sets;
  }
}

/**
 * Fits conformal prediction sets on calibration cases: their class codes 0…k−1 and predicted probabilities
 * (row-major [cases × classes], as predict gives for a multi-class model; for a binary model pass classes 2 and
 * rows [1 − p, p]).
 * @example const cs = conformalSets(calib.y, await predict(model, calib), 3, { alpha: 0.1 }); cs.predictSets(await predict(model, test));
 */
export function conformalSets(labels: ArrayLike<number>, proba: ArrayLike<number>, classes: number, options: ConformalSetOptions = {}): FittedConformalSets {
  const alpha = checkAlpha('conformalSets', options.alpha ?? 0.1);
  const method = options.method ?? 'lac';
  if (method !== 'lac' && method !== 'aps') throw new InputError(`conformalSets: method must be "lac" or "aps", got ${JSON.stringify(method)}`);
  const n = checkProba('conformalSets', proba, classes);
  if (labels.length !== n) throw new InputError(`conformalSets: ${labels.length} labels for ${n} rows of probabilities`);
  const scores = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const y = labels[i];
    if (!(Number.isInteger(y) && y >= 0 && y < classes))
      throw new InputError(`conformalSets: label ${y} at index ${i} is not a class code 0…${classes - 1}; encode labels with labelEncoder`);
    const o = i * classes;
    if (method === 'lac') scores[i] = 1 - proba[o + y];
    else {
      let mass = 0;
      for (const j of ranked(proba, o, classes)) {
        mass += proba[o + j];
        if (j === y) break;
      }
      scores[i] = mass;
    }
  }
  return new FittedConformalSets(conformalQuantile('conformalSets', scores, alpha), alpha, method, classes);
}

/** The share of cases whose set holds the true class, and the mean set size. */
export function setCoverage(labels: ArrayLike<number>, sets: readonly (readonly number[])[]): { coverage: number; meanSize: number } {
  if (labels.length !== sets.length) throw new InputError(`setCoverage: ${labels.length} labels for ${sets.length} sets`);
  let hit = 0;
  let size = 0;
  for (let i = 0; i < sets.length; i++) {
    if (sets[i].includes(labels[i])) hit++;
    size += sets[i].length;
  }
  return { coverage: hit / sets.length, meanSize: size / sets.length };
}
