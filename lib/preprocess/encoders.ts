/**
 * Categorical encoders: `oneHotEncoder` (one 0/1 column per training category), `ordinalEncoder` (feature
 * columns to integer codes) and `labelEncoder` (the label column to integer codes). Categories are learned on
 * training rows and sorted, as in scikit-learn; a category unseen in training is an error unless a
 * `handleUnknown` policy says what it becomes.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf, checkPositiveInt } from '../util/check';
import { formatList } from '../util/format';
import { checkFittedColumns, FittedTransform, notFitted, TransformState } from './transform';

/** Sorted distinct values: numerically when every value is a number, else as text. */
export function sortedCategories(values: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => v.trim() !== '' && !Number.isNaN(Number(v)));
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
}

/** The columns an encoder fits: those named, else every text column (refused when there is none). */
function encodedColumns(table: Table, named: readonly string[] | undefined, kind: string): string[] {
  const columns = named ? [...named] : table.columnNames.filter((n) => table.kind(n) === 'string');
  if (columns.length === 0) throw new InputError(`${kind}.fit found no text columns; pass { columns }`);
  return columns;
}

function presentValues(table: Table, column: string, kind: string): string[] {
  const values = table.strings(column);
  const missing = values.indexOf(null);
  if (missing >= 0)
    throw new InputError(`${kind}: column "${column}" is missing a value at row ${missing}; impute it first (simpleImputer({ strategy: "most_frequent" }))`);
  return values as string[];
}

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

/** A fitted label encoder: `classes[code]` is the label of a code. */
export class FittedLabelEncoder implements FittedTransform {
  readonly kind = 'labelEncoder';
  constructor(
    readonly column: string,
    readonly classes: readonly string[],
  ) {}

  get columns(): readonly string[] {
    return [this.column];
  }

  /** Codes of labels (text or numbers). */
  encode(labels: readonly (string | number | null)[]): Float64Array {
    const index = new Map(this.classes.map((k, j) => [k, j]));
    return Float64Array.from(labels, (l, i) => {
      const j = l === null ? undefined : index.get(String(l));
      if (j === undefined)
        throw new InputError(
          `labelEncoder: label ${JSON.stringify(l)} at row ${i} in column "${this.column}" was not seen in training (classes: ${formatList(this.classes)})`,
        );
      return j;
    });
  }

  /** Labels of codes. */
  decode(codes: ArrayLike<number>): string[] {
    return Array.from(codes, (c) => {
      const label = this.classes[c];
      if (label === undefined) throw new InputError(`labelEncoder: code ${c} is not a class index (0..${this.classes.length - 1})`);
      return label;
    });
  }

  transform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    return table.withColumn(this.column, this.encode(table.strings(this.column)));
  }

  inverseTransform(table: Table): Table {
    return table.withColumn(this.column, this.decode(table.numbers(this.column)));
  }

  /** Rebuilds a fitted encoder from `toJSON()` output. */
  static fromJSON(s: TransformState): FittedLabelEncoder {
    return new FittedLabelEncoder(s.column as string, s.classes as string[]);
  }

  toJSON(): TransformState {
    return { kind: this.kind, column: this.column, classes: [...this.classes] };
  }
}

export interface LabelEncoderOptions {
  /** The label column. Required. */
  column: string;
  /** Class order: the first is code 0. Defaults to the classes sorted. */
  classes?: readonly string[];
}

/**
 * Encodes a label column as integer codes 0..k-1: classes sorted (e.g. "B" → 0, "M" → 1), or in the order
 * given by `classes` (e.g. ['No', 'Yes'] makes "Yes" the positive class 1).
 * @example const enc = labelEncoder({ column: 'diagnosis' }).fit(train); enc.classes // ['B', 'M']
 */
export function labelEncoder(options: LabelEncoderOptions) {
  if (!options || typeof options.column !== 'string') throw new InputError('labelEncoder needs { column: "<label column>" }');
  return {
    kind: 'labelEncoder',
    transform: (): never => notFitted('labelEncoder'),
    fit(table: Table): FittedLabelEncoder {
      const seen = sortedCategories(presentValues(table, options.column, 'labelEncoder'));
      if (!options.classes) return new FittedLabelEncoder(options.column, seen);
      const extra = seen.filter((c) => !options.classes!.includes(c));
      if (extra.length)
        throw new InputError(
          `labelEncoder: column "${options.column}" holds ${formatList(extra)}, not in classes ${formatList(options.classes)}; add them to classes or fix the data`,
        );
      return new FittedLabelEncoder(options.column, [...options.classes]);
    },
  };
}

export interface OrdinalEncoderOptions {
  /** Columns to encode. Defaults to every text column. */
  columns?: readonly string[];
  /**
   * A category unseen in training: "error", or "use_encoded_value" to give it `unknownValue` (scikit-learn's
   * OrdinalEncoder). Defaults to "error".
   */
  handleUnknown?: 'error' | 'use_encoded_value';
  /**
   * The code of unseen categories with "use_encoded_value": an integer that is no category's code (-1, or the
   * number of categories for one extra embedding row), or NaN. Required then.
   */
  unknownValue?: number;
}

/** A fitted ordinal encoder: `categories[column][code]` is the category of a code. */
export class FittedOrdinalEncoder implements FittedTransform {
  readonly kind = 'ordinalEncoder';
  constructor(
    readonly columns: readonly string[],
    readonly categories: Readonly<Record<string, readonly string[]>>,
    readonly handleUnknown: 'error' | 'use_encoded_value',
    readonly unknownValue: number = NaN,
  ) {}

  transform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    const coded: Record<string, Float64Array> = {};
    for (const c of this.columns) {
      const index = new Map(this.categories[c].map((k, j) => [k, j]));
      coded[c] = Float64Array.from(presentValues(table, c, this.kind), (v, i) => {
        const j = index.get(v);
        if (j !== undefined) return j;
        if (this.handleUnknown === 'error') {
          throw new InputError(
            `ordinalEncoder: column "${c}" has category ${JSON.stringify(v)} at row ${i}, unseen in training (known: ${formatList(this.categories[c])}); pass { handleUnknown: "use_encoded_value", unknownValue: -1 }`,
          );
        }
        return this.unknownValue;
      });
    }
    return table.withColumns(coded);
  }

  /** Codes back to categories; `unknownValue` (and any code that is no category's) becomes missing. */
  inverseTransform(table: Table): Table {
    let out = table;
    for (const c of this.columns) {
      const cats = this.categories[c];
      out = out.withColumn(
        c,
        Array.from(table.numbers(c), (code) => (Number.isInteger(code) && code >= 0 && code < cats.length ? cats[code] : null)),
        'string',
      );
    }
    return out;
  }

  /** Rebuilds a fitted encoder from `toJSON()` output. */
  static fromJSON(s: TransformState): FittedOrdinalEncoder {
    return new FittedOrdinalEncoder(
      s.columns as string[],
      s.categories as Record<string, string[]>,
      s.handleUnknown as 'error' | 'use_encoded_value',
      s.unknownValue === null ? NaN : (s.unknownValue as number),
    );
  }

  toJSON(): TransformState {
    return {
      kind: this.kind,
      columns: [...this.columns],
      categories: this.categories,
      handleUnknown: this.handleUnknown,
      unknownValue: Number.isNaN(this.unknownValue) ? null : this.unknownValue,
    };
  }
}

/**
 * Categories of several feature columns as integer codes 0..k−1, sorted as scikit-learn's OrdinalEncoder sorts
 * them: the input of an embedding layer, or of a model that needs one number per category. (`labelEncoder` is
 * the same for the one label column.)
 * @example ordinalEncoder({ columns: ['ward', 'drug'], handleUnknown: 'use_encoded_value', unknownValue: -1 }).fit(train)
 */
export function ordinalEncoder(options: OrdinalEncoderOptions = {}) {
  const handleUnknown = checkOneOf('handleUnknown', options.handleUnknown ?? 'error', ['error', 'use_encoded_value'] as const);
  const unknownValue = options.unknownValue;
  if (handleUnknown === 'use_encoded_value' && !(typeof unknownValue === 'number' && (Number.isInteger(unknownValue) || Number.isNaN(unknownValue)))) {
    throw new InputError(
      `ordinalEncoder: handleUnknown "use_encoded_value" needs { unknownValue } to be an integer (e.g. -1) or NaN, got ${String(unknownValue)}`,
    );
  }
  return {
    kind: 'ordinalEncoder',
    transform: (): never => notFitted('ordinalEncoder'),
    fit(table: Table): FittedOrdinalEncoder {
      const columns = encodedColumns(table, options.columns, 'ordinalEncoder');
      const categories: Record<string, string[]> = {};
      for (const c of columns) {
        categories[c] = sortedCategories(presentValues(table, c, 'ordinalEncoder'));
        if (handleUnknown === 'use_encoded_value' && unknownValue! >= 0 && unknownValue! < categories[c].length) {
          throw new InputError(
            `ordinalEncoder: unknownValue ${unknownValue} is already the code of ${JSON.stringify(categories[c][unknownValue!])} in column "${c}"; use -1, or ${categories[c].length} or more`,
          );
        }
      }
      return new FittedOrdinalEncoder(columns, categories, handleUnknown, handleUnknown === 'use_encoded_value' ? unknownValue : NaN);
    },
  };
}
