/**
 * Categorical encoders: `oneHotEncoder` (one 0/1 column per training category) and `labelEncoder` (a label
 * column to integer codes). Categories are learned on training rows and sorted, as in scikit-learn; a
 * category unseen in training is an error unless `handleUnknown: "ignore"` (all-zero row) is chosen.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf } from '../util/check';
import { formatList } from '../util/format';
import { checkFittedColumns, FittedTransform, notFitted, registerTransform, TransformState } from './transform';

/** Sorted distinct values: numerically when every value is a number, else as text. */
export function sortedCategories(values: readonly string[]): string[] {
  const distinct = [...new Set(values)];
  const numeric = distinct.every((v) => v.trim() !== '' && !Number.isNaN(Number(v)));
  return numeric ? distinct.sort((a, b) => Number(a) - Number(b)) : distinct.sort();
}

function presentValues(table: Table, column: string, kind: string): string[] {
  const values = table.strings(column);
  const missing = values.indexOf(null);
  if (missing >= 0) throw new InputError(`${kind}: column "${column}" is missing a value at row ${missing}; impute it first (simpleImputer({ strategy: "most_frequent" }))`);
  return values as string[];
}

export interface OneHotEncoderOptions {
  /** Columns to encode. Defaults to every text column. */
  columns?: readonly string[];
  /** What to do with a category unseen in training: "error" or "ignore" (all zeros). Defaults to "error". */
  handleUnknown?: 'error' | 'ignore';
}

/** A fitted one-hot encoder; `categories` per column are readable. */
export class FittedOneHotEncoder implements FittedTransform {
  readonly kind = 'oneHotEncoder';
  constructor(
    readonly columns: readonly string[],
    readonly categories: Readonly<Record<string, readonly string[]>>,
    readonly handleUnknown: 'error' | 'ignore',
  ) {}

  /** Names of the output columns, `column_category`. */
  get outputColumns(): string[] {
    return this.columns.flatMap((c) => this.categories[c].map((k) => `${c}_${k}`));
  }

  transform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    let out = table;
    for (const c of this.columns) {
      const values = presentValues(table, c, this.kind);
      const cats = this.categories[c];
      const index = new Map(cats.map((k, j) => [k, j]));
      const onehot = cats.map(() => new Float64Array(values.length));
      values.forEach((v, i) => {
        const j = index.get(v);
        if (j !== undefined) onehot[j][i] = 1;
        else if (this.handleUnknown === 'error') {
          throw new InputError(`oneHotEncoder: column "${c}" has category ${JSON.stringify(v)} at row ${i}, unseen in training (known: ${formatList(cats)}); pass { handleUnknown: "ignore" } to encode it as all zeros`);
        }
      });
      out = out.drop([c]);
      cats.forEach((k, j) => {
        const name = `${c}_${k}`;
        if (out.has(name)) {
          throw new InputError(`oneHotEncoder: the column for category ${JSON.stringify(k)} of "${c}" would be named "${name}", which the table already has; rename that column first`);
        }
        out = out.withColumn(name, onehot[j]);
      });
    }
    return out;
  }

  toJSON(): TransformState {
    return { kind: this.kind, columns: [...this.columns], categories: this.categories, handleUnknown: this.handleUnknown };
  }
}
registerTransform('oneHotEncoder', (s) => new FittedOneHotEncoder(s.columns as string[], s.categories as Record<string, string[]>, s.handleUnknown as 'error' | 'ignore'));

/** One 0/1 column per category seen in training. */
export function oneHotEncoder(options: OneHotEncoderOptions = {}) {
  const handleUnknown = checkOneOf('handleUnknown', options.handleUnknown ?? 'error', ['error', 'ignore'] as const);
  return {
    kind: 'oneHotEncoder',
    transform: (): never => notFitted('oneHotEncoder'),
    fit(table: Table): FittedOneHotEncoder {
      const columns = options.columns ? [...options.columns] : table.columnNames.filter((n) => table.kind(n) === 'string');
      if (columns.length === 0) throw new InputError('oneHotEncoder.fit found no text columns; pass { columns }');
      const categories: Record<string, string[]> = {};
      for (const c of columns) categories[c] = sortedCategories(presentValues(table, c, 'oneHotEncoder'));
      return new FittedOneHotEncoder(columns, categories, handleUnknown);
    },
  };
}

/** A fitted label encoder: `classes[code]` is the label of a code. */
export class FittedLabelEncoder implements FittedTransform {
  readonly kind = 'labelEncoder';
  constructor(readonly column: string, readonly classes: readonly string[]) {}

  get columns(): readonly string[] {
    return [this.column];
  }

  /** Codes of labels (text or numbers). */
  encode(labels: readonly (string | number | null)[]): Float64Array {
    const index = new Map(this.classes.map((k, j) => [k, j]));
    return Float64Array.from(labels, (l, i) => {
      const j = l === null ? undefined : index.get(String(l));
      if (j === undefined) throw new InputError(`labelEncoder: label ${JSON.stringify(l)} at row ${i} in column "${this.column}" was not seen in training (classes: ${formatList(this.classes)})`);
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

  toJSON(): TransformState {
    return { kind: this.kind, column: this.column, classes: [...this.classes] };
  }
}
registerTransform('labelEncoder', (s) => new FittedLabelEncoder(s.column as string, s.classes as string[]));

/**
 * Encodes a label column as integer codes 0..k-1: classes sorted (e.g. "B" → 0, "M" → 1), or in the order
 * given by `classes` (e.g. ['No', 'Yes'] makes "Yes" the positive class 1).
 * @example const enc = labelEncoder({ column: 'diagnosis' }).fit(train); enc.classes // ['B', 'M']
 */
export function labelEncoder(options: { column: string; classes?: readonly string[] }) {
  if (!options || typeof options.column !== 'string') throw new InputError('labelEncoder needs { column: "<label column>" }');
  return {
    kind: 'labelEncoder',
    transform: (): never => notFitted('labelEncoder'),
    fit(table: Table): FittedLabelEncoder {
      const seen = sortedCategories(presentValues(table, options.column, 'labelEncoder'));
      if (!options.classes) return new FittedLabelEncoder(options.column, seen);
      const extra = seen.filter((c) => !options.classes!.includes(c));
      if (extra.length) throw new InputError(`labelEncoder: column "${options.column}" holds ${formatList(extra)}, not in classes ${formatList(options.classes)}; add them to classes or fix the data`);
      return new FittedLabelEncoder(options.column, [...options.classes]);
    },
  };
}
