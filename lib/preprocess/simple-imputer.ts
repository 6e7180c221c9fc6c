/** `simpleImputer`: fills missing values with a statistic learned on training rows (scikit-learn's SimpleImputer). */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkOneOf } from '../util/check';
import { checkFittedColumns, FittedTransform, notFitted, resolveColumns, TransformState } from './transform';
import { quantile } from '../util/stats';

export const IMPUTE_STRATEGIES = ['mean', 'median', 'most_frequent', 'constant'] as const;
export type ImputeStrategy = (typeof IMPUTE_STRATEGIES)[number];

export interface SimpleImputerOptions {
  /** How to fill. Defaults to "mean". */
  strategy?: ImputeStrategy;
  /** The value for strategy "constant". Defaults to 0 (numbers) or "missing" (text). */
  fillValue?: number | string;
  /** Columns to impute. Defaults to every numeric column (every column for most_frequent/constant). */
  columns?: readonly string[];
  /**
   * Also add a 0/1 column `<column>_missing` for each column that had missing values in the training rows, 1 where
   * the value was missing before filling (scikit-learn's `add_indicator`): whether a lab value was measured often
   * says something itself. Defaults to false.
   */
  addIndicator?: boolean;
}

/** A fitted imputer; `statistics` holds the fill value per column, `indicators` the columns that get a `<column>_missing` flag. */
export class FittedImputer implements FittedTransform {
  readonly kind = 'simpleImputer';
  constructor(
    readonly columns: readonly string[],
    readonly statistics: Readonly<Record<string, number | string>>,
    readonly indicators: readonly string[] = [],
  ) {}

  transform(table: Table): Table {
    checkFittedColumns(table, this.columns, this.kind);
    const flags: [string, Float64Array][] = this.indicators.map((c) => {
      const name = `${c}_missing`;
      if (table.has(name))
        throw new InputError(`simpleImputer: the indicator of "${c}" would be named "${name}", which the table already has; rename that column first`);
      return [name, missingFlags(table, c)];
    });
    const filled = this.columns.reduce((t, c) => {
      const fill = this.statistics[c];
      if (t.kind(c) === 'string')
        return t.withColumn(
          c,
          t.strings(c).map((v) => (v === null ? String(fill) : v)),
        );
      const x = t.numbers(c);
      return t.withColumn(
        c,
        x.map((v) => (Number.isNaN(v) ? (fill as number) : v)),
        t.kind(c),
      );
    }, table);
    return flags.length ? filled.withColumns(Object.fromEntries(flags)) : filled;
  }

  /** Rebuilds a fitted imputer from `toJSON()` output. */
  static fromJSON(s: TransformState): FittedImputer {
    return new FittedImputer(s.columns as string[], s.statistics as Record<string, number | string>, (s.indicators ?? []) as string[]);
  }

  toJSON(): TransformState {
    return { kind: this.kind, columns: [...this.columns], statistics: { ...this.statistics }, indicators: [...this.indicators] };
  }
}

/** 1 where column c is missing (NaN or null), else 0. */
function missingFlags(table: Table, c: string): Float64Array {
  const col = table.column(c);
  return Float64Array.from(col as ArrayLike<unknown>, (v) => (v === null || (typeof v === 'number' && Number.isNaN(v)) ? 1 : 0));
}

function mostFrequent(values: readonly (string | number)[]): string | number {
  const counts = new Map<string | number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  // Ties go to the smallest value, as in scikit-learn.
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))[0][0];
}

/** The fill value of strategy "constant" for one column, refused where it would leave NaN or invent a date. */
function constantFill(fillValue: number | string | undefined, column: string, kind: string): number | string {
  if (kind === 'string') return fillValue ?? 'missing';
  if (kind === 'date') {
    throw new InputError(
      `simpleImputer: strategy "constant" cannot fill date column "${column}" (a number would become a date near 1970-01-01); drop the rows with missing dates, or use strategy "most_frequent"`,
    );
  }
  if (fillValue === undefined) return 0;
  if (typeof fillValue !== 'number' || !Number.isFinite(fillValue)) {
    throw new InputError(
      `simpleImputer: fillValue ${typeof fillValue === 'string' ? JSON.stringify(fillValue) : String(fillValue)} cannot fill numeric column "${column}" (its missing values would stay NaN); give a finite number, or name only the text columns in { columns }`,
    );
  }
  return fillValue;
}

/**
 * Fills NaN (numbers) or null (text) with the training mean, median, most frequent value or a constant.
 * @example simpleImputer({ strategy: 'median' }).fit(train).transform(test)
 */
export function simpleImputer(options: SimpleImputerOptions = {}) {
  const strategy = checkOneOf('strategy', options.strategy ?? 'mean', IMPUTE_STRATEGIES);
  return {
    kind: 'simpleImputer',
    transform: (): never => notFitted('simpleImputer'),
    fit(table: Table): FittedImputer {
      const numericOnly = strategy === 'mean' || strategy === 'median';
      // A constant has no sensible default for dates (0 would be 1970-01-01): date columns are left out by default
      // and refused when named (constantFill).
      const columns = resolveColumns(table, options.columns, 'simpleImputer', numericOnly).filter(
        (c) => !(strategy === 'constant' && options.columns === undefined && table.kind(c) === 'date'),
      );
      const statistics: Record<string, number | string> = {};
      for (const c of columns) {
        const isText = table.kind(c) === 'string';
        if (strategy === 'constant') {
          statistics[c] = constantFill(options.fillValue, c, table.kind(c));
          continue;
        }
        if (isText && numericOnly)
          throw new InputError(`simpleImputer: strategy "${strategy}" needs numbers but column "${c}" is text; use "most_frequent" or "constant"`);
        const present = isText ? table.strings(c).filter((v): v is string => v !== null) : Array.from(table.numbers(c)).filter((v) => !Number.isNaN(v));
        if (present.length === 0) {
          throw new InputError(
            `simpleImputer: column "${c}" is entirely missing in the training rows, so there is nothing to learn a ${strategy} from; drop the column or use strategy "constant"`,
          );
        }
        if (strategy === 'most_frequent') statistics[c] = mostFrequent(present);
        else if (strategy === 'median') statistics[c] = quantile(present as number[], 0.5);
        else statistics[c] = (present as number[]).reduce((s, v) => s + v, 0) / present.length;
      }
      // Flags only for columns with a gap in training, as scikit-learn's MissingIndicator(features="missing-only").
      const indicators = options.addIndicator ? columns.filter((c) => missingFlags(table, c).includes(1)) : [];
      return new FittedImputer(columns, statistics, indicators);
    },
  };
}
