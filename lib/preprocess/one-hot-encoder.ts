/**
 * `oneHotEncoder`: one 0/1 column per training category (scikit-learn's OneHotEncoder). Categories are learned on
 * training rows and sorted; an unseen category is an error unless `handleUnknown` says what it becomes.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf, checkPositiveInt } from '../util/check';
import { formatList } from '../util/format';
import { checkFittedColumns, FittedTransform, notFitted, TransformState } from './transform';
import { encodedColumns, presentValues, sortedCategories } from './encoder-categories';

export type HandleUnknown = 'error' | 'ignore' | 'infrequent_if_exist';

export interface OneHotEncoderOptions {
  /** Columns to encode. Defaults to every text column. */
  columns?: readonly string[];
  /**
   * What to do with a category unseen in training: "error", "ignore" (all zeros), or "infrequent_if_exist" (the
   * infrequent column when the column has one, else all zeros), as in scikit-learn. Defaults to "error".
   */
  handleUnknown?: HandleUnknown;
  /**
   * Categories seen fewer times than this in training share one `<column>_infrequent` column: a count (≥ 1), or a
   * fraction of the training rows (between 0 and 1). scikit-learn's `min_frequency`. Defaults to none.
   */
  minFrequency?: number;
  /**
   * At most this many output columns per encoded column, the infrequent one included: the most frequent
   * categories keep their own (among equal counts, the category that sorts later), the rest are infrequent.
   * scikit-learn's `max_categories`. Defaults to no limit.
   */
  maxCategories?: number;
}

/** Output cells (rows × columns, 8 bytes each) above which transform refuses, naming the fix: 2 GiB of Float64. */
const MAX_ONE_HOT_CELLS = 2 ** 28;

/**
 * A fitted one-hot encoder; `categories` per column (every category seen in training, sorted) and `infrequent`
 * (those grouped into `<column>_infrequent`) are readable.
 */
export class FittedOneHotEncoder implements FittedTransform {
  readonly kind = 'oneHotEncoder';
  constructor(
    readonly columns: readonly string[],
    readonly categories: Readonly<Record<string, readonly string[]>>,
    readonly handleUnknown: HandleUnknown,
    readonly infrequent: Readonly<Record<string, readonly string[]>> = {},
  ) {}

  /** The categories of column c that keep a column of their own. */
  private frequent(c: string): readonly string[] {
    const rare = new Set(this.infrequent[c] ?? []);
    return rare.size === 0 ? this.categories[c] : this.categories[c].filter((k) => !rare.has(k));
  }

  /** Names of the output columns: `column_category`, then `column_infrequent` where categories were grouped. */
  get outputColumns(): string[] {
    return this.columns.flatMap((c) => [...this.frequent(c).map((k) => `${c}_${k}`), ...(this.infrequent[c]?.length ? [`${c}_infrequent`] : [])]);
  }

  transform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    const cells = table.numRows * this.outputColumns.length;
    if (cells > MAX_ONE_HOT_CELLS) {
      const widest = [...this.columns].sort((a, b) => this.frequent(b).length - this.frequent(a).length)[0];
      throw new InputError(
        `oneHotEncoder: ${this.outputColumns.length} output columns × ${table.numRows} rows would take ${((cells * 8) / 2 ** 30).toFixed(1)} GiB ("${widest}" has ${this.frequent(widest).length} categories of its own); group rare categories ({ minFrequency: 10 } or { maxCategories: 50 }) or encode it with labelEncoder`,
      );
    }
    let out = table;
    for (const c of this.columns) {
      const values = presentValues(table, c, this.kind);
      const frequent = this.frequent(c);
      const rare = this.infrequent[c] ?? [];
      // Each category's output column: its own, or the shared infrequent one (index frequent.length).
      const index = new Map<string, number>(frequent.map((k, j) => [k, j]));
      for (const k of rare) index.set(k, frequent.length);
      const names = [...frequent.map((k) => `${c}_${k}`), ...(rare.length ? [`${c}_infrequent`] : [])];
      const onehot = names.map(() => new Float64Array(values.length));
      const unknownTo = this.handleUnknown === 'infrequent_if_exist' && rare.length ? frequent.length : -1;
      values.forEach((v, i) => {
        const j = index.get(v);
        if (j !== undefined) onehot[j][i] = 1;
        else if (this.handleUnknown === 'error') {
          throw new InputError(
            `oneHotEncoder: column "${c}" has category ${JSON.stringify(v)} at row ${i}, unseen in training (known: ${formatList(this.categories[c])}); pass { handleUnknown: "ignore" } to encode it as all zeros`,
          );
        } else if (unknownTo >= 0) onehot[unknownTo][i] = 1;
      });
      out = out.drop([c]);
      names.forEach((name, j) => {
        if (out.has(name)) {
          const what = j < frequent.length ? `category ${JSON.stringify(frequent[j])}` : 'infrequent categories';
          throw new InputError(
            `oneHotEncoder: the column for ${what} of "${c}" would be named "${name}", which the table already has; rename that column first`,
          );
        }
        out = out.withColumn(name, onehot[j]);
      });
    }
    return out;
  }

  /** Rebuilds a fitted encoder from `toJSON()` output. */
  static fromJSON(s: TransformState): FittedOneHotEncoder {
    return new FittedOneHotEncoder(
      s.columns as string[],
      s.categories as Record<string, string[]>,
      s.handleUnknown as HandleUnknown,
      (s.infrequent ?? {}) as Record<string, string[]>,
    );
  }

  toJSON(): TransformState {
    return { kind: this.kind, columns: [...this.columns], categories: this.categories, handleUnknown: this.handleUnknown, infrequent: this.infrequent };
  }
}

/**
 * The infrequent categories of one column, by scikit-learn's rule (`_identify_infrequent`): a count below
 * `minFrequency` (a fraction is of the training rows); then all but the `maxCategories - 1` most frequent, where
 * among equal counts the category that sorts first is the one grouped.
 */
function infrequentCategories(
  values: readonly string[],
  sorted: readonly string[],
  minFrequency: number | undefined,
  maxCategories: number | undefined,
): string[] {
  const count = new Map<string, number>(sorted.map((k) => [k, 0]));
  for (const v of values) count.set(v, count.get(v)! + 1);
  const min = minFrequency === undefined ? 0 : minFrequency < 1 ? minFrequency * values.length : minFrequency;
  const rare = new Set(sorted.filter((k) => count.get(k)! < min));
  if (maxCategories !== undefined && maxCategories < sorted.length - rare.size + 1) {
    // Least frequent first, equal counts in sorted order (a stable sort, as NumPy's mergesort argsort): all but the
    // last maxCategories - 1 are infrequent.
    const byCount = [...sorted].sort((a, b) => count.get(a)! - count.get(b)!);
    for (const k of byCount.slice(0, sorted.length - (maxCategories - 1))) rare.add(k);
  }
  return sorted.filter((k) => rare.has(k));
}

/** One 0/1 column per category seen in training (rare ones grouped on request). */
export function oneHotEncoder(options: OneHotEncoderOptions = {}) {
  const handleUnknown = checkOneOf('handleUnknown', options.handleUnknown ?? 'error', ['error', 'ignore', 'infrequent_if_exist'] as const);
  const { minFrequency, maxCategories } = options;
  if (minFrequency !== undefined && !(minFrequency > 0 && (minFrequency < 1 || Number.isInteger(minFrequency)))) {
    throw new InputError(`minFrequency ${minFrequency} is neither a count (an integer ≥ 1) nor a fraction of the rows (between 0 and 1); e.g. 10 or 0.01`);
  }
  if (maxCategories !== undefined) checkPositiveInt('maxCategories', maxCategories);
  return {
    kind: 'oneHotEncoder',
    transform: (): never => notFitted('oneHotEncoder'),
    fit(table: Table): FittedOneHotEncoder {
      const columns = encodedColumns(table, options.columns, 'oneHotEncoder');
      const categories: Record<string, string[]> = {};
      const infrequent: Record<string, string[]> = {};
      for (const c of columns) {
        const values = presentValues(table, c, 'oneHotEncoder');
        categories[c] = sortedCategories(values);
        if (minFrequency !== undefined || maxCategories !== undefined) {
          const rare = infrequentCategories(values, categories[c], minFrequency, maxCategories);
          if (rare.length) infrequent[c] = rare;
        }
      }
      return new FittedOneHotEncoder(columns, categories, handleUnknown, infrequent);
    },
  };
}
