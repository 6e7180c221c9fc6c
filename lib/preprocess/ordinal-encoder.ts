/** `ordinalEncoder`: feature columns to integer codes, categories learned on training rows and sorted (scikit-learn's OrdinalEncoder). */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf } from '../util/check';
import { formatList } from '../util/format';
import { checkFittedColumns, FittedTransform, notFitted, TransformState } from './transform';
import { encodedColumns, presentValues, sortedCategories } from './encoder-categories';

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
    const coded = new Map<string, Float64Array>();
    for (const c of this.columns) {
      const index = new Map(this.categories[c].map((k, j) => [k, j]));
      coded.set(
        c,
        Float64Array.from(presentValues(table, c, this.kind), (v, i) => {
          const j = index.get(v);
          if (j !== undefined) return j;
          if (this.handleUnknown === 'error') {
            throw new InputError(
              `ordinalEncoder: column "${c}" has category ${JSON.stringify(v)} at row ${i}, unseen in training (known: ${formatList(this.categories[c])}); pass { handleUnknown: "use_encoded_value", unknownValue: -1 }`,
            );
          }
          return this.unknownValue;
        }),
      );
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
