/**
 * `coxPh`: the Cox proportional-hazards model, fitted by Newton–Raphson with step halving on the partial
 * likelihood (Efron's ties by default, as lifelines' `CoxPHFitter`; Breslow's as statsmodels' `PHReg(ties=
 * "breslow")`), on covariates centred and scaled for the fit and reported on their own scale: coefficients, hazard
 * ratios, standard errors from the inverse information, Wald intervals and p-values, the likelihood-ratio test
 * against no covariates, Harrell's C on the fitted rows, and the Breslow baseline hazard for survival curves.
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import { chiSquaredSf, erfc, normalQuantile } from '../util/distributions';
import { symmetricInverse } from '../util/symmetric-inverse';
import type { Table } from '../data/table';
import { checkTable } from '../data/check-table';
import { coxData, coxLikelihood } from './cox-likelihood';
import { survivalData } from './survival-data';
import { concordanceIndex } from './concordance-index';
import { CoxModel, type CoxCoefficient } from './cox-model';

export interface CoxPhOptions {
  /** The follow-up time column. Required. */
  time: string;
  /** The event column: 1 (or true) = the event happened, 0 = censored. Required. */
  event: string;
  /** Covariate columns (numbers). Defaults to every other numeric column. */
  covariates?: string[];
  /** How tied event times enter the likelihood. Defaults to "efron". */
  ties?: 'efron' | 'breslow';
  /** Confidence level of the intervals. Defaults to 0.95. */
  level?: number;
  /** Newton iterations before giving up. Defaults to 100. */
  maxIterations?: number;
}

/** Numeric covariate columns without missing values, as a row-major matrix. */
function covariateMatrix(table: Table, names: string[]): Float64Array {
  const n = table.numRows;
  const p = names.length;
  const x = new Float64Array(n * p);
  names.forEach((c, a) => {
    if (!table.has(c)) throw new InputError(`coxPh: covariate "${c}" is not a column (columns: ${formatList(table.columnNames)})`);
    if (table.kind(c) !== 'number')
      throw new InputError(`coxPh: covariate "${c}" holds ${table.kind(c)} values; encode it as numbers first (oneHotEncoder, or a 0/1 column)`);
    const v = table.numbers(c);
    let missing = 0;
    for (let i = 0; i < n; i++) {
      if (!Number.isFinite(v[i])) missing++;
      x[i * p + a] = v[i];
    }
    if (missing) throw new InputError(`coxPh: covariate "${c}" is missing on ${missing} of ${n} rows; drop them (table.dropMissing(["${c}"])) or impute first`);
  });
  return x;
}

/** The error for a likelihood that rises without end along the largest coefficient. */
function separation(names: string[], beta: Float64Array): InputError {
  const worst = names[beta.reduce((k, b, a) => (Math.abs(b) > Math.abs(beta[k]) ? a : k), 0)];
  return new InputError(
    `coxPh: the coefficient of "${worst}" grows without bound — it separates those with earlier events from the rest (monotone likelihood), so its hazard ratio is infinite; leave it out, merge its rare levels, or use more data`,
  );
}

/**
 * Fits a Cox model to `table`.
 * @example const cox = coxPh(lung, { time: 'time', event: 'status', covariates: ['age', 'sex'] }); cox.coefficients
 */
export function coxPh(table: Table, options: CoxPhOptions): CoxModel {
  checkTable('coxPh', table);
  if (!options || typeof options.time !== 'string' || typeof options.event !== 'string')
    throw new InputError('coxPh takes the table and { time, event, covariates }: the follow-up time and event column names');
  for (const c of [options.time, options.event])
    if (!table.has(c)) throw new InputError(`coxPh: "${c}" is not a column (columns: ${formatList(table.columnNames)})`);
  const ties = options.ties ?? 'efron';
  if (ties !== 'efron' && ties !== 'breslow') throw new InputError(`coxPh: ties must be "efron" or "breslow", got ${JSON.stringify(ties)}`);
  const level = options.level ?? 0.95;
  if (!(level > 0 && level < 1)) throw new InputError(`coxPh: level must be in (0, 1), got ${level}`);
  const names = options.covariates ?? table.columnNames.filter((c) => c !== options.time && c !== options.event && table.kind(c) === 'number');
  if (names.length === 0) throw new InputError('coxPh needs at least one covariate; name them with { covariates: [...] }');
  const { t, e } = survivalData('coxPh', table.numbers(options.time), table.numbers(options.event));
  const n = t.length;
  const p = names.length;
  const events = e.reduce((s, v) => s + v, 0);
  if (events === 0) throw new InputError('coxPh: no events (every row is censored); nothing to fit');
  const raw = covariateMatrix(table, names);
  // Centred and scaled for the fit (conditioning); coefficients are reported per unit of each covariate.
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  for (let a = 0; a < p; a++) {
    let s = 0;
    for (let i = 0; i < n; i++) s += raw[i * p + a];
    mean[a] = s / n;
    let ss = 0;
    for (let i = 0; i < n; i++) ss += (raw[i * p + a] - mean[a]) ** 2;
    scale[a] = Math.sqrt(ss / n);
    if (!(scale[a] > 0)) throw new InputError(`coxPh: covariate "${names[a]}" is constant (${mean[a]}); it carries no information, leave it out`);
  }
  const z = Float64Array.from(raw, (v, k) => (v - mean[k % p]) / scale[k % p]);
  const data = coxData(z, p, t, e);
  let beta = new Float64Array(p);
  let current = coxLikelihood(data, beta, ties);
  const nullLogLikelihood = current.logLikelihood;
  let iterations = 0;
  let converged = false;
  const maxIterations = options.maxIterations ?? 100;
  while (iterations < maxIterations && !converged) {
    iterations++;
    const inverse = symmetricInverse(
      current.hessian.map((v) => -v),
      p,
    );
    if (!inverse && iterations > 1) throw separation(names, beta);
    if (!inverse) throw new InputError(`coxPh: the covariates ${formatList(names)} are collinear (one is a combination of others); leave one out`);
    const step = new Float64Array(p);
    for (let a = 0; a < p; a++) for (let b = 0; b < p; b++) step[a] += inverse[a * p + b] * current.gradient[b];
    let size = 1;
    let next = beta.map((v, a) => v + step[a]);
    let trial = coxLikelihood(data, next, ties);
    // Halve the step until the likelihood does not fall (Newton can overshoot far from the maximum).
    while (!(trial.logLikelihood >= current.logLikelihood - 1e-12 * Math.abs(current.logLikelihood)) && size > 1e-8) {
      size /= 2;
      next = beta.map((v, a) => v + size * step[a]);
      trial = coxLikelihood(data, next, ties);
    }
    const change = Math.max(...step.map((s) => Math.abs(size * s)));
    const gain = trial.logLikelihood - current.logLikelihood;
    beta = next;
    current = trial;
    // Per standard deviation of a covariate, a hazard ratio of e^20 is no estimate: the likelihood has no maximum.
    if (beta.some((b) => Math.abs(b) > 20)) throw separation(names, beta);
    converged = change < 1e-9 || (Math.abs(gain) < 1e-12 * Math.max(1, Math.abs(current.logLikelihood)) && change < 1e-6);
  }
  if (!converged) throw new InputError(`coxPh: no convergence in ${maxIterations} iterations; check the covariates for separation, or raise maxIterations`);
  const cov = symmetricInverse(
    current.hessian.map((v) => -v),
    p,
  );
  if (!cov) throw new InputError(`coxPh: the information matrix is singular at the fit; the covariates ${formatList(names)} are collinear`);
  const q = normalQuantile(1 - (1 - level) / 2);
  const coefficients: CoxCoefficient[] = names.map((covariate, a) => {
    const coef = beta[a] / scale[a];
    const se = Math.sqrt(cov[a * p + a]) / scale[a];
    const zValue = coef / se;
    return {
      covariate,
      coef,
      hazardRatio: Math.exp(coef),
      se,
      z: zValue,
      pValue: erfc(Math.abs(zValue) / Math.SQRT2), // two-sided
      lower: coef - q * se,
      upper: coef + q * se,
      hazardRatioLower: Math.exp(coef - q * se),
      hazardRatioUpper: Math.exp(coef + q * se),
    };
  });
  const covariance = Float64Array.from(cov, (v, k) => v / (scale[Math.floor(k / p)] * scale[k % p]));
  const lr = 2 * (current.logLikelihood - nullLogLikelihood);
  const model = new CoxModel({
    covariates: names,
    coefficients,
    covariance,
    means: mean,
    ties,
    level,
    logLikelihood: current.logLikelihood,
    nullLogLikelihood,
    likelihoodRatio: { statistic: lr, degreesOfFreedom: p, pValue: chiSquaredSf(lr, p) },
    observations: n,
    events,
    iterations,
    time: t,
    event: e,
    x: raw,
  });
  model.concordance = concordanceIndex(t, e, model.riskScore(table)).cIndex;
  return model;
}
