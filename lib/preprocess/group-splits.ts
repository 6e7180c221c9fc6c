/**
 * Splits that keep every group — a patient's repeated visits, a hospital's patients — on one side, so a model is
 * never tested on a patient it trained on: `groupKFold` (scikit-learn's GroupKFold without shuffling: groups from
 * largest to smallest, each to the fold with the fewest rows so far), `groupShuffleSplit` (a seeded share of the
 * groups to test, as GroupShuffleSplit's `test_size` counts groups) and `groupIndices` for `trainTestSplit({ group })`.
 */
import { InputError } from '../util/errors';
import { checkFraction, checkList, checkPositiveInt } from '../util/check';
import { permutation, seededRng } from '../util/rng';
import type { Fold } from './k-fold';

/** Each row's group as an index into the sorted distinct groups (numbers by value, text by its characters), and their sizes. */
export function groupCodes(caller: string, groups: ArrayLike<string | number | null>): { code: Int32Array; sizes: number[]; names: (string | number)[] } {
  checkList(`${caller}: groups`, groups);
  const values = Array.from(groups, (g, i) => {
    if (g === null || g === undefined || (typeof g === 'number' && Number.isNaN(g)))
      throw new InputError(`${caller}: group is missing at row ${i}; every row needs one (drop the row, or give it its own ID)`);
    return g;
  });
  const numeric = values.every((v) => typeof v === 'number');
  const names = [...new Set(numeric ? values : values.map(String))].sort((a, b) =>
    numeric ? (a as number) - (b as number) : String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0,
  );
  const index = new Map(names.map((g, i) => [g, i]));
  const code = Int32Array.from(values, (v) => index.get(numeric ? v : String(v))!);
  const sizes = new Array<number>(names.length).fill(0);
  for (const c of code) sizes[c]++;
  return { code, sizes, names };
}

export function foldOf(code: Int32Array, testGroup: (g: number) => boolean): Fold {
  const train: number[] = [];
  const test: number[] = [];
  for (let i = 0; i < code.length; i++) (testGroup(code[i]) ? test : train).push(i);
  return { train: Int32Array.from(train), test: Int32Array.from(test) };
}

export interface GroupKFoldOptions {
  /** Number of folds. Defaults to 5. */
  k?: number;
}

/**
 * K folds in which no group is on both sides (scikit-learn's GroupKFold, shuffle=False).
 * @example groupKFold(visits.strings('patient_id'), { k: 5 })
 */
export function groupKFold(groups: ArrayLike<string | number | null>, options: GroupKFoldOptions = {}): Fold[] {
  const k = checkPositiveInt('k', options.k ?? 5, 2);
  const { code, sizes } = groupCodes('groupKFold', groups);
  if (k > sizes.length) throw new InputError(`groupKFold: ${k} folds need at least ${k} groups, got ${sizes.length}; lower k`);
  // Largest group first; equal sizes in the order a reversed stable sort gives (later groups first), as NumPy's.
  const order = sizes.map((_, g) => g).sort((a, b) => sizes[b] - sizes[a] || b - a);
  const rows = new Array<number>(k).fill(0);
  const foldOfGroup = new Int32Array(sizes.length);
  for (const g of order) {
    let lightest = 0;
    for (let f = 1; f < k; f++) if (rows[f] < rows[lightest]) lightest = f;
    rows[lightest] += sizes[g];
    foldOfGroup[g] = lightest;
  }
  return Array.from({ length: k }, (_, f) => foldOf(code, (g) => foldOfGroup[g] === f));
}

export interface GroupShuffleSplitOptions {
  /** Share of the groups in the test split. Defaults to 0.2. */
  testSize?: number;
  /** Seed. Defaults to 42. */
  seed?: number;
}

/**
 * One seeded split of whole groups: ⌈testSize × groups⌉ groups to test.
 * @example const { train, test } = groupShuffleSplit(t.strings('patient_id'), { testSize: 0.2, seed: 1 })
 */
export function groupShuffleSplit(groups: ArrayLike<string | number | null>, options: GroupShuffleSplitOptions = {}): Fold {
  const testSize = checkFraction('testSize', options.testSize ?? 0.2);
  const { code, sizes } = groupCodes('groupShuffleSplit', groups);
  const nTest = Math.ceil(testSize * sizes.length);
  if (nTest >= sizes.length)
    throw new InputError(`groupShuffleSplit: testSize ${testSize} of ${sizes.length} groups leaves no training group; lower it or add groups`);
  const inTest = new Uint8Array(sizes.length);
  for (const g of permutation(sizes.length, seededRng(options.seed ?? 42)).subarray(0, nTest)) inTest[g] = 1;
  return foldOf(code, (g) => inTest[g] === 1);
}
