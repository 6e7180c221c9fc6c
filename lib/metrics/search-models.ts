/**
 * `searchModels`: tries builder options (every combination, or a seeded random sample of them) and ranks them by a
 * cross-validated score. Each trial's `evaluate` is a `crossValidate` or `walkForward` call, whose fold runner
 * fits the preprocessing and the model on that fold's training rows only — so no trial is scored on rows its
 * scaler saw, as scikit-learn's `GridSearchCV` with a `Pipeline`. The winner is refitted on all training rows when
 * `refit` is given. The trial budget and the seconds budget are checked before each trial; the first always runs.
 */
import { Table } from '../data/table';
import { InputError } from '../util/errors';
import { checkPositiveInt } from '../util/check';
import { textTable } from '../util/text-table';
import type { Tabular } from '../util/tabular';
import { deriveSeed, permutation, seededRng } from '../util/rng';
import type { CvResult } from './cross-validate';
import { describeArgument } from '../util/check';

export type SearchSpace = Record<string, readonly unknown[]>;
export type Params = Record<string, unknown>;

export interface SearchOptions<R = never> {
  /** Each option's candidate values, e.g. `{ units: [[16], [32, 16]], dropout: [0, 0.2] }`. */
  space: SearchSpace;
  /** Scores one combination: a `crossValidate` / `walkForward` over the training rows, fitting inside each fold. */
  evaluate: (params: Params, trial: number) => Promise<CvResult> | CvResult;
  /** The fold metric to rank by (a key of the fold runner's result). */
  metric: string;
  /** Whether a higher metric is better (ROC-AUC, accuracy). Required: a wrong guess would pick the worst trial. */
  higherIsBetter: boolean;
  /** "grid" (every combination, scikit-learn's ParameterGrid order) or "random" (a seeded sample without repeats). Defaults to "grid". */
  strategy?: 'grid' | 'random';
  /** Most trials to run. Defaults to all combinations for a grid, and is required for a random search. */
  trials?: number;
  /** Start no trial after this many seconds (a running trial finishes). Defaults to no limit. */
  seconds?: number;
  /** Seed of the random sample. Defaults to 42. */
  seed?: number;
  /** Called after each trial (for custom progress); by default a line per trial is printed. */
  onTrial?: (trial: SearchTrial, of: number) => void;
  /** Print a line per trial. Defaults to true unless onTrial is given. */
  verbose?: boolean;
  /** Refits the best options on all training rows (e.g. builds and fits the model); its result is `refitted`. */
  refit?: (best: Params) => Promise<R> | R;
}

export interface SearchTrial {
  trial: number;
  params: Params;
  /** Mean and standard deviation of `metric` over the folds. */
  mean: number;
  std: number;
  /** Every fold metric's mean. */
  means: Record<string, number>;
  seconds: number;
}

export interface SearchResult<R = never> {
  metric: string;
  higherIsBetter: boolean;
  /** Trials in the order they ran. */
  trials: SearchTrial[];
  /** Trials best first (ties keep run order). */
  ranked: SearchTrial[];
  best: SearchTrial;
  /** Combinations in the space, and why the search stopped early, if it did. */
  combinations: number;
  stoppedBy?: 'trials' | 'seconds';
  refitted?: R;
  /** One row per trial, best first: rank, each option, the metric's mean and std, seconds. */
  toTable(): Table;
  /** The table form (header, rows, caption), as data: `toHTML` and `show` render it. */
  tabulate(): Tabular;
  toString(): string;
}

/** Every combination: keys sorted, the last key varying fastest (scikit-learn's ParameterGrid order). */
export function parameterGrid(space: SearchSpace): Params[] {
  if (typeof space !== 'object' || space === null) throw new InputError(`parameterGrid takes { name: [values] }, got ${describeArgument(space)}`);
  const keys = Object.keys(space).sort();
  if (keys.length === 0) throw new InputError('searchModels: the space is empty; give each option a list of candidate values, e.g. { dropout: [0, 0.2] }');
  for (const k of keys)
    if (!Array.isArray(space[k]) || space[k].length === 0)
      throw new InputError(`searchModels: space.${k} must be a non-empty list of candidate values, got ${JSON.stringify(space[k])}`);
  let out: Params[] = [{}];
  for (const k of keys) out = out.flatMap((p) => space[k].map((v) => ({ ...p, [k]: v })));
  return out;
}

/** Options as one line: "dropout=0.2, units=[16]". */
export function describeParams(params: Params): string {
  return Object.entries(params)
    .map(([k, v]) => `${k}=${JSON.stringify(v)}`)
    .join(', ');
}

/**
 * Searches builder options by cross-validated score.
 * @example
 * const search = await searchModels({
 *   space: { units: [[16], [32]], dropout: [0, 0.2] }, metric: 'auc', higherIsBetter: true,
 *   evaluate: (p) => crossValidate(train, stratifiedKFold(train, { k: 3, stratify: 'y' }), (tr, te) => fitAndScore(p, tr, te)),
 * });
 */
export async function searchModels<R = never>(options: SearchOptions<R>): Promise<SearchResult<R>> {
  if (!options || typeof options.space !== 'object' || typeof options.evaluate !== 'function')
    throw new InputError(`searchModels takes { space: { name: [values] }, evaluate: (params) => result, ... }, got ${describeArgument(options)}`);
  const grid = parameterGrid(options.space);
  if (typeof options.higherIsBetter !== 'boolean')
    throw new InputError('searchModels: say whether a higher metric is better (higherIsBetter: true for AUC or accuracy, false for RMSE or loss)');
  if (typeof options.evaluate !== 'function')
    throw new InputError('searchModels: evaluate must be a function of the options returning crossValidate(...) or walkForward(...)');
  const strategy = options.strategy ?? 'grid';
  let order: Params[];
  if (strategy === 'grid') order = grid;
  else if (strategy === 'random') {
    if (options.trials === undefined) throw new InputError(`searchModels: a random search needs trials (how many of the ${grid.length} combinations to try)`);
    const perm = permutation(grid.length, seededRng(deriveSeed(options.seed ?? 42, 11)));
    order = Array.from(perm, (i) => grid[i]);
  } else throw new InputError(`searchModels: strategy must be "grid" or "random", got ${JSON.stringify(strategy)}`);
  const cap = Math.min(order.length, options.trials === undefined ? order.length : checkPositiveInt('trials', options.trials));
  const seconds = options.seconds;
  if (seconds !== undefined && !(seconds >= 0)) throw new InputError(`searchModels: seconds must be ≥ 0, got ${seconds}`);
  const verbose = options.verbose ?? !options.onTrial;
  const started = Date.now();
  const trials: SearchTrial[] = [];
  let stoppedBy: SearchResult['stoppedBy'];
  for (let t = 0; t < cap; t++) {
    if (t > 0 && seconds !== undefined && (Date.now() - started) / 1000 >= seconds) {
      stoppedBy = 'seconds';
      break;
    }
    const t0 = Date.now();
    const cv = await options.evaluate({ ...order[t] }, t + 1);
    if (!cv || typeof cv.mean !== 'object' || !Array.isArray(cv.folds))
      throw new InputError('searchModels: evaluate must return the result of crossValidate(...) or walkForward(...)');
    if (!(options.metric in cv.mean))
      throw new InputError(
        `searchModels: the folds report ${Object.keys(cv.mean).join(', ') || 'no metrics'}, not "${options.metric}"; set metric to one of them`,
      );
    const mean = cv.mean[options.metric];
    if (!Number.isFinite(mean))
      throw new InputError(`searchModels: trial ${t + 1} (${describeParams(order[t])}) scored ${options.metric} = ${mean}; check its fold runner`);
    const trial: SearchTrial = { trial: t + 1, params: order[t], mean, std: cv.std[options.metric], means: { ...cv.mean }, seconds: (Date.now() - t0) / 1000 };
    trials.push(trial);
    options.onTrial?.(trial, cap);
    if (verbose)
      console.log(
        `trial ${t + 1}/${cap} ${describeParams(trial.params)}: ${options.metric} ${mean.toPrecision(4)} ± ${trial.std.toPrecision(2)} (${trial.seconds.toFixed(1)} s)`,
      );
  }
  if (!stoppedBy && cap < grid.length) stoppedBy = 'trials';
  const sign = options.higherIsBetter ? -1 : 1;
  const ranked = [...trials].sort((a, b) => sign * (a.mean - b.mean) || a.trial - b.trial);
  const best = ranked[0];
  const refitted = options.refit ? await options.refit({ ...best.params }) : undefined;
  const keys = Object.keys(options.space).sort();
  const header = ['rank', ...keys, `${options.metric} mean`, `${options.metric} std`, 'seconds'];
  const rows = ranked.map((r, i) => [i + 1, ...keys.map((k) => JSON.stringify(r.params[k])), r.mean, r.std, r.seconds]);
  const caption = `${trials.length} of ${grid.length} combinations (${strategy}), ranked by ${options.metric} (${options.higherIsBetter ? 'higher' : 'lower'} is better)`;
  return {
    metric: options.metric,
    higherIsBetter: options.higherIsBetter,
    trials,
    ranked,
    best,
    combinations: grid.length,
    stoppedBy,
    refitted,
    toTable: () =>
      Table.fromRows(
        rows.map((r) => Object.fromEntries(header.map((h, j) => [h, r[j]]))),
        header,
      ),
    tabulate: () => ({ header, rows, caption }),
    toString: () => `${caption}\n${textTable(header, rows)}`,
  };
}
