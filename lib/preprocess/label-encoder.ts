/** `labelEncoder`: the label column to integer codes, classes learned on training rows and sorted (scikit-learn's LabelEncoder). */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { checkFittedColumns, FittedTransform, notFitted, TransformState } from './transform';
import { presentValues, sortedCategories } from './encoder-categories';

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
