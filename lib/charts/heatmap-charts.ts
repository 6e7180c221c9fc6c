/** Heatmaps: `correlationHeatmap` of numeric columns and `confusionMatrixChart` (counts or row-normalised). */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { formatValue } from '../util/format';
import { themed } from './theme';
import { figure } from './figure';
import type { ChartOptions, Figure } from './figure';
import { checkTable } from '../data/check-table';
import { checkObjectWith } from '../util/check';

function pearson(a: Float64Array, b: Float64Array): number {
  let n = 0;
  let sa = 0;
  let sb = 0;
  for (let i = 0; i < a.length; i++)
    if (Number.isFinite(a[i]) && Number.isFinite(b[i])) {
      sa += a[i];
      sb += b[i];
      n++;
    }
  const ma = sa / n;
  const mb = sb / n;
  let cov = 0;
  let va = 0;
  let vb = 0;
  for (let i = 0; i < a.length; i++) {
    if (!Number.isFinite(a[i]) || !Number.isFinite(b[i])) continue;
    cov += (a[i] - ma) * (b[i] - mb);
    va += (a[i] - ma) ** 2;
    vb += (b[i] - mb) ** 2;
  }
  return cov / Math.sqrt(va * vb);
}

/** Pearson correlations between columns (pairwise complete rows), annotated. */
export function correlationMatrix(table: Table, columns: readonly string[]): number[][] {
  checkTable('correlationMatrix', table);
  const cols = columns.map((c) => table.numbers(c));
  return cols.map((a) => cols.map((b) => pearson(a, b)));
}

export function correlationHeatmap(table: Table, columns?: readonly string[], options: ChartOptions = {}): Figure {
  if (!(table instanceof Table)) throw new InputError(`correlationHeatmap takes a Table (loadCsv, table()), got ${formatValue(table)}`);
  // Every numeric column when none are named, as pandas' DataFrame.corr() does.
  columns ??= table.columnNames.filter((c) => table.kind(c) === 'number');
  if (!Array.isArray(columns) || columns.length === 0)
    throw new InputError(`correlationHeatmap needs numeric columns (columns: ${table.columnNames.join(', ')}); name them`);
  const z = correlationMatrix(table, columns);
  return figure(
    [
      {
        type: 'heatmap',
        x: [...columns],
        y: [...columns],
        z,
        zmin: -1,
        zmax: 1,
        colorscale: 'RdBu',
        reversescale: true,
        text: z.map((r) => r.map((v) => v.toFixed(2))),
        texttemplate: '%{text}',
        hovertemplate: '%{y} × %{x}: %{z:.3f}<extra></extra>',
      },
    ],
    themed({ title: options.title ?? 'Correlation', hovermode: 'closest', yaxis: { autorange: 'reversed' }, height: 120 + 34 * columns.length }),
  );
}

export interface ConfusionMatrixChartOptions extends ChartOptions {
  /** Class names, in code order. Defaults to the codes. */
  labels?: readonly string[];
  /** Show each actual class's row as shares. Defaults to false: counts. */
  normalize?: boolean;
}

/** Confusion matrix as a heatmap; `normalize` shows each actual class's row as shares. */
export function confusionMatrixChart(matrix: number[][], options: ConfusionMatrixChartOptions = {}): Figure {
  if (!Array.isArray(matrix) || !matrix.every(Array.isArray))
    checkObjectWith('confusionMatrixChart', matrix, ['length'], 'a confusion matrix (rows of counts, from confusionMatrix)');
  const labels = options.labels ?? matrix.map((_, i) => String(i));
  const z = options.normalize
    ? matrix.map((row) => {
        const s = row.reduce((a, b) => a + b, 0);
        return row.map((v) => (s === 0 ? 0 : v / s));
      })
    : matrix;
  const text = z.map((row, i) => row.map((v, j) => (options.normalize ? `${(v * 100).toFixed(1)}% (${matrix[i][j]})` : String(v))));
  return figure(
    [
      {
        type: 'heatmap',
        x: [...labels],
        y: [...labels],
        z,
        text,
        texttemplate: '%{text}',
        colorscale: 'Blues',
        showscale: false,
        hovertemplate: 'actual %{y}, predicted %{x}: %{text}<extra></extra>',
      },
    ],
    themed({
      title: options.title ?? (options.normalize ? 'Confusion matrix (row-normalised)' : 'Confusion matrix'),
      hovermode: 'closest',
      xaxis: { title: { text: 'predicted' }, type: 'category' },
      yaxis: { title: { text: 'actual' }, autorange: 'reversed', type: 'category' },
      height: 380,
      width: 460,
    }),
  );
}
