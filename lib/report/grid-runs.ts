/**
 * `gridRuns`: the runs of a report grid — one notebook with many parameter sets (one per asset, desk or site),
 * from a JSON array of parameter objects, or an object mapping names to lists of values (their product, as
 * scikit-learn's `ParameterGrid`). Each run gets a file-safe name made from its parameters.
 */
import { createHash } from 'crypto';
import * as path from 'path';
import { ReportError } from '../util/errors';

export interface GridRun {
  notebook: string;
  /** Base name of the run's outputs: "<notebook>__<name>=<value>_…". */
  name: string;
  parameters: Record<string, unknown>;
}

type Scalar = string | number | boolean;
const isScalar = (v: unknown): v is Scalar => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/** Parameter sets of a grid: a list of objects, or the product of an object of lists. */
export function gridParameterSets(grid: unknown): Record<string, Scalar>[] {
  const bad = (why: string) =>
    new ReportError(
      `grid: ${why}; write a JSON array of parameter objects ([{"price": "SMI"}, {"price": "DAX"}]) or an object of value lists ({"price": ["SMI", "DAX"], "epochs": [20]})`,
    );
  let sets: Record<string, unknown>[];
  if (Array.isArray(grid)) {
    sets = grid.map((s, i) => {
      if (!s || typeof s !== 'object' || Array.isArray(s)) throw bad(`entry ${i} is ${JSON.stringify(s)}, not an object`);
      return s as Record<string, unknown>;
    });
  } else if (grid && typeof grid === 'object') {
    sets = [{}];
    for (const [k, values] of Object.entries(grid)) {
      if (!Array.isArray(values) || values.length === 0) throw bad(`"${k}" is ${JSON.stringify(values)}, not a non-empty list`);
      sets = sets.flatMap((s) => values.map((v) => ({ ...s, [k]: v })));
    }
  } else throw bad(`it is ${JSON.stringify(grid)}`);
  if (sets.length === 0) throw bad('it holds no parameter set');
  for (const [i, s] of sets.entries()) {
    for (const [k, v] of Object.entries(s)) if (!isScalar(v)) throw bad(`set ${i}: "${k}" is ${JSON.stringify(v)}, not a string, number or boolean`);
  }
  return sets as Record<string, Scalar>[];
}

/** A value as it may stand in a file name: letters, digits, dot, dash; the rest as "-"; the base name of a path. */
function safe(v: Scalar): string {
  const s = typeof v === 'string' && v.includes('/') ? path.basename(v).replace(/\.[^.]*$/, '') : String(v);
  return s.replace(/[^A-Za-z0-9.-]+/g, '-').slice(0, 40) || 'empty';
}

/**
 * The name of a single run with parameters (`-p`): the notebook's name, its parameters as a grid names them, and
 * a short hash of all of them — two runs of one notebook with different parameters never share a report, even
 * when their values shorten to the same text (two files named data.csv in different folders).
 * @example runName('notebooks/02-stock-analysis.ipynb', { price: 'SMI' })  // '02-stock-analysis__price=SMI-1c0e4f'
 */
export function runName(notebook: string, parameters: Record<string, Scalar>): string {
  const base = path.basename(notebook, '.ipynb');
  const keys = Object.keys(parameters).sort();
  if (keys.length === 0) return base;
  const hash = createHash('sha1')
    .update(JSON.stringify(keys.map((k) => [k, parameters[k]])))
    .digest('hex')
    .slice(0, 6);
  return `${base}__${keys.map((k) => `${k}=${safe(parameters[k])}`).join('_')}-${hash}`;
}

/**
 * The runs of `grid` over `notebook`, each with a distinct name.
 * @example gridRuns('notebooks/02-stock-analysis.ipynb', { price: ['SMI', 'DAX'] }).map((r) => r.name)
 *   // ['02-stock-analysis__price=SMI', '02-stock-analysis__price=DAX']
 */
export function gridRuns(notebook: string, grid: unknown): GridRun[] {
  const base = path.basename(notebook, '.ipynb');
  const seen = new Map<string, number>();
  return gridParameterSets(grid).map((parameters) => {
    const keys = Object.keys(parameters);
    let name = keys.length ? `${base}__${keys.map((k) => `${k}=${safe(parameters[k])}`).join('_')}` : base;
    const n = seen.get(name) ?? 0;
    seen.set(name, n + 1);
    if (n > 0) name = `${name}_${n + 1}`;
    return { notebook: path.resolve(notebook), name, parameters };
  });
}
