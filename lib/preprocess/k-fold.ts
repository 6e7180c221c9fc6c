/**
 * Cross-validation folds as row indices, with scikit-learn's fold layout: `kFold` (KFold),
 * `stratifiedKFold` (StratifiedKFold). Without shuffling the folds equal scikit-learn's exactly.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkPositiveInt, checkRowCount } from '../util/check';
import { permutation, seededRng } from '../util/rng';

/** One fold: training and test row indices, disjoint, each sorted. */
export interface Fold {
  train: Int32Array;
  test: Int32Array;
}

export interface KFoldOptions {
  /** Number of folds. Defaults to 5. */
  k?: number;
  /** Shuffle rows before cutting folds (never do this for time series). Defaults to false. */
  shuffle?: boolean;
  /** Seed of the shuffle. Defaults to 42. */
  seed?: number;
}

function foldsFromAssignment(assign: Int32Array, k: number): Fold[] {
  const folds: Fold[] = [];
  for (let f = 0; f < k; f++) {
    const test: number[] = [];
    const train: number[] = [];
    for (let i = 0; i < assign.length; i++) (assign[i] === f ? test : train).push(i);
    folds.push({ train: Int32Array.from(train), test: Int32Array.from(test) });
  }
  return folds;
}

/**
 * K folds of `n` rows: fold sizes differ by at most one, the first `n % k` folds one larger.
 * @example kFold(10, { k: 3 })[0].test  // Int32Array [0, 1, 2, 3]
 */
export function kFold(n: number, options: KFoldOptions = {}): Fold[] {
  checkRowCount('kFold', n);
  const k = checkPositiveInt('k', options.k ?? 5, 2);
  if (k > n) throw new InputError(`k = ${k} folds need at least ${k} rows, got ${n}; lower k`);
  const order = options.shuffle ? permutation(n, seededRng(options.seed ?? 42)) : Int32Array.from({ length: n }, (_, i) => i);
  const assign = new Int32Array(n);
  let pos = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    for (let j = 0; j < size; j++) assign[order[pos++]] = f;
  }
  return foldsFromAssignment(assign, k);
}

/**
 * K folds that keep each class's share, scikit-learn's StratifiedKFold allocation: classes in order of first
 * appearance, rows dealt to folds round-robin over the sorted labels.
 */
export function stratifiedKFold(labels: readonly (string | number)[] | Table, options: KFoldOptions & { stratify?: string } = {}): Fold[] {
  if (labels instanceof Table) {
    // A table, as trainTestSplit takes: the label column names the classes.
    if (!options.stratify) throw new InputError(`stratifiedKFold of a table needs { stratify: "<label column>" } (columns: ${labels.columnNames.join(', ')})`);
    return stratifiedKFold(
      labels.strings(options.stratify).map((v) => (v === null ? 'null' : v)),
      options,
    );
  }
  if (!Array.isArray(labels))
    throw new InputError(`stratifiedKFold takes the class labels (an array) or a table with { stratify }, got ${labels === null ? 'null' : typeof labels}`);
  const k = checkPositiveInt('k', options.k ?? 5, 2);
  const n = labels.length;
  const classes: (string | number)[] = [];
  const code = new Map<string | number, number>();
  const encoded = new Int32Array(n);
  labels.forEach((l, i) => {
    if (!code.has(l)) {
      code.set(l, classes.length);
      classes.push(l);
    }
    encoded[i] = code.get(l)!;
  });
  const counts = new Array<number>(classes.length).fill(0);
  for (let i = 0; i < n; i++) counts[encoded[i]]++;
  counts.forEach((cnt, c) => {
    if (cnt < k)
      throw new InputError(
        `class ${JSON.stringify(classes[c])} has ${cnt} rows but k = ${k} folds need at least ${k} per class; lower k or merge rare classes`,
      );
  });
  // allocation[f][c]: rows of class c in fold f, from dealing the sorted labels to folds in turn.
  // In the sorted labels class c fills positions [start, start + counts[c]), so position i goes to fold i % k.
  const allocation = Array.from({ length: k }, () => new Array<number>(classes.length).fill(0));
  for (let c = 0, start = 0; c < classes.length; start += counts[c], c++) {
    for (let i = start; i < start + counts[c]; i++) allocation[i % k][c]++;
  }
  const rng = seededRng(options.seed ?? 42);
  // Each class's folds in order (shuffled per class, classes in turn, when asked), then dealt to its rows.
  const foldsOf = classes.map((_, c) => {
    const folds = new Int32Array(counts[c]);
    for (let f = 0, j = 0; f < k; f++) for (let m = 0; m < allocation[f][c]; m++) folds[j++] = f;
    if (!options.shuffle) return folds;
    const order = permutation(folds.length, rng);
    return Int32Array.from(order, (o) => folds[o]);
  });
  const next = new Int32Array(classes.length);
  const assign = new Int32Array(n);
  for (let i = 0; i < n; i++) assign[i] = foldsOf[encoded[i]][next[encoded[i]]++];
  return foldsFromAssignment(assign, k);
}
