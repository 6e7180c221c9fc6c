/**
 * `stratifiedGroupKFold`: K folds that keep each group (a patient) on one side and each fold's class shares close
 * to the whole table's — scikit-learn's StratifiedGroupKFold without shuffling: groups in order of how uneven their
 * class counts are (standard deviation, largest first, ties by group), each to the fold where the classes' shares
 * across folds spread least (mean over classes of the standard deviation of fold count / class count), ties (equal
 * within NumPy's isclose) to the fold with fewer rows.
 */
import { InputError } from '../util/errors';
import { checkList, checkPositiveInt } from '../util/check';
import type { Fold } from './k-fold';
import { foldOf, groupCodes } from './group-splits';

export interface StratifiedGroupKFoldOptions {
  /** Number of folds. Defaults to 5. */
  k?: number;
}

const std = (v: ArrayLike<number>) => {
  let mean = 0;
  for (let i = 0; i < v.length; i++) mean += v[i];
  mean /= v.length;
  let ss = 0;
  for (let i = 0; i < v.length; i++) ss += (v[i] - mean) ** 2;
  return Math.sqrt(ss / v.length);
};

/**
 * Grouped, stratified folds.
 * @example stratifiedGroupKFold(visits.strings('patient_id'), visits.strings('outcome'), { k: 5 })
 */
export function stratifiedGroupKFold(
  groups: ArrayLike<string | number | null>,
  labels: ArrayLike<string | number | null>,
  options: StratifiedGroupKFoldOptions = {},
): Fold[] {
  const k = checkPositiveInt('k', options.k ?? 5, 2);
  const { code, sizes } = groupCodes('stratifiedGroupKFold', groups);
  checkList('stratifiedGroupKFold: labels', labels);
  if (labels.length !== code.length) throw new InputError(`stratifiedGroupKFold: ${code.length} groups but ${labels.length} labels; give one of each per row`);
  const { code: cls, sizes: classCount } = groupCodes('stratifiedGroupKFold (labels)', labels);
  if (classCount.every((c) => k > c))
    throw new InputError(`stratifiedGroupKFold: ${k} folds are more than the rows of every class (${classCount.join(', ')}); lower k`);
  if (k > sizes.length) throw new InputError(`stratifiedGroupKFold: ${k} folds need at least ${k} groups, got ${sizes.length}; lower k`);
  const c = classCount.length;
  const perGroup = Array.from({ length: sizes.length }, () => new Float64Array(c));
  for (let i = 0; i < code.length; i++) perGroup[code[i]][cls[i]]++;
  const spread = perGroup.map(std);
  const order = perGroup.map((_, g) => g).sort((a, b) => spread[b] - spread[a] || a - b);
  const perFold = Array.from({ length: k }, () => new Float64Array(c));
  const foldOfGroup = new Int32Array(sizes.length);
  const shares = new Float64Array(k);
  for (const g of order) {
    let best = -1;
    let bestEval = Infinity;
    let bestRows = Infinity;
    for (let f = 0; f < k; f++) {
      // The mean over classes of the spread of the folds' shares, were the group in fold f.
      let evalSum = 0;
      for (let j = 0; j < c; j++) {
        for (let h = 0; h < k; h++) shares[h] = (perFold[h][j] + (h === f ? perGroup[g][j] : 0)) / classCount[j];
        evalSum += std(shares);
      }
      const value = evalSum / c;
      const rows = perFold[f].reduce((s, v) => s + v, 0);
      if (value < bestEval || (Math.abs(value - bestEval) <= 1e-8 + 1e-5 * Math.abs(bestEval) && rows < bestRows)) {
        best = f;
        bestEval = value;
        bestRows = rows;
      }
    }
    for (let j = 0; j < c; j++) perFold[best][j] += perGroup[g][j];
    foldOfGroup[g] = best;
  }
  return Array.from({ length: k }, (_, f) => foldOf(code, (g) => foldOfGroup[g] === f));
}
