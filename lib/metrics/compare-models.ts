/** `compareModels`: regression metrics of several forecasts side by side, in original units, best RMSE first. */
import { textTable } from '../util/text-table';
import type { Tabular } from '../util/tabular';
import { directionalAccuracy, mae, mape, r2, rmse } from './regression';
import { checkList } from '../util/check';

export interface ModelScore {
  name: string;
  rmse: number;
  mae: number;
  /** NaN when the actual values include zeros. */
  mape: number;
  r2: number;
  /** Share of correctly predicted directions of change, when `previous` values were given. */
  directional?: number;
}

export interface CompareModelsOptions {
  /** The last observed value before each target, to score the direction of change. Defaults to none. */
  previous?: ArrayLike<number>;
}

/**
 * Scores each named forecast against the same actual values.
 * @example compareModels(actual, { lstm: yHat, persistence: naive }, { previous })
 */
export function compareModels(
  actual: ArrayLike<number>,
  forecasts: Record<string, ArrayLike<number>>,
  options: CompareModelsOptions = {},
): { rows: ModelScore[]; tabulate(): Tabular; toString(): string } {
  checkList('compareModels: actual', actual);
  const rows = Object.entries(forecasts)
    .map(([name, f]) => {
      let m = NaN;
      try {
        m = mape(actual, f);
      } catch {
        // zeros in the actual values: MAPE undefined, reported as NaN.
      }
      return {
        name,
        rmse: rmse(actual, f),
        mae: mae(actual, f),
        mape: m,
        r2: r2(actual, f),
        ...(options.previous ? { directional: directionalAccuracy(actual, f, options.previous) } : {}),
      };
    })
    .sort((a, b) => a.rmse - b.rmse);
  const header = ['model', 'RMSE', 'MAE', 'MAPE', 'R²', ...(options.previous ? ['direction hit rate'] : [])];
  const body = rows.map((r) => [r.name, r.rmse, r.mae, r.mape, r.r2, ...(options.previous ? [r.directional] : [])]);
  return { rows, tabulate: () => ({ header, rows: body, caption: `${actual.length} test points` }), toString: () => textTable(header, body) };
}
