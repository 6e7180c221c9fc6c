/**
 * `CoxModel`: a fitted Cox model — its coefficients with intervals, the likelihood-ratio test, and predictions:
 * risk scores (the centred linear predictor), and survival curves S(t | x) = exp(−H₀(t)·exp(risk)) from the
 * Breslow baseline cumulative hazard at the covariates' means (as lifelines' `baseline_cumulative_hazard_`, read
 * as a step function at the requested times, as scikit-survival and R's `survfit` do).
 */
import { InputError } from '../util/errors';
import { formatList } from '../util/format';
import type { Tabular } from '../util/tabular';
import { tabularText } from '../util/tabular';
import type { Table } from '../data/table';
import { checkTable } from '../data/check-table';

export interface CoxCoefficient {
  covariate: string;
  /** log hazard ratio per unit of the covariate. */
  coef: number;
  hazardRatio: number;
  se: number;
  z: number;
  pValue: number;
  /** Interval of coef, and of the hazard ratio. */
  lower: number;
  upper: number;
  hazardRatioLower: number;
  hazardRatioUpper: number;
}

export interface CoxModelParts {
  covariates: string[];
  coefficients: CoxCoefficient[];
  /** Row-major covariance of the coefficients. */
  covariance: Float64Array;
  means: Float64Array;
  ties: 'efron' | 'breslow';
  level: number;
  logLikelihood: number;
  nullLogLikelihood: number;
  likelihoodRatio: { statistic: number; degreesOfFreedom: number; pValue: number };
  observations: number;
  events: number;
  iterations: number;
  time: Float64Array;
  event: Uint8Array;
  /** The fitted rows' covariates, row-major. */
  x: Float64Array;
}

/** Survival curves of several rows at shared times. */
export interface SurvivalCurves {
  times: Float64Array;
  /** One curve per row, each a value per time. */
  survival: Float64Array[];
}

export class CoxModel implements Omit<CoxModelParts, 'time' | 'event' | 'x'> {
  readonly covariates: string[];
  readonly coefficients: CoxCoefficient[];
  readonly covariance: Float64Array;
  readonly means: Float64Array;
  readonly ties: 'efron' | 'breslow';
  readonly level: number;
  readonly logLikelihood: number;
  readonly nullLogLikelihood: number;
  readonly likelihoodRatio: { statistic: number; degreesOfFreedom: number; pValue: number };
  readonly observations: number;
  readonly events: number;
  readonly iterations: number;
  /** Harrell's C of the risk score on the fitted rows (optimistic: use held-out rows to judge the model). */
  concordance = NaN;
  /** Breslow baseline: distinct event times and the cumulative hazard at the means after each. */
  readonly baseline: { times: Float64Array; cumulativeHazard: Float64Array };

  constructor(parts: CoxModelParts) {
    this.covariates = parts.covariates;
    this.coefficients = parts.coefficients;
    this.covariance = parts.covariance;
    this.means = parts.means;
    this.ties = parts.ties;
    this.level = parts.level;
    this.logLikelihood = parts.logLikelihood;
    this.nullLogLikelihood = parts.nullLogLikelihood;
    this.likelihoodRatio = parts.likelihoodRatio;
    this.observations = parts.observations;
    this.events = parts.events;
    this.iterations = parts.iterations;
    this.baseline = this.breslow(parts.time, parts.event, parts.x);
  }

  /** AIC of the partial likelihood: −2 log L + 2 p (lifelines' `AIC_partial_`). */
  get aic(): number {
    return -2 * this.logLikelihood + 2 * this.covariates.length;
  }

  private linear(x: ArrayLike<number>, i: number): number {
    const p = this.covariates.length;
    let s = 0;
    for (let a = 0; a < p; a++) s += (x[i * p + a] - this.means[a]) * this.coefficients[a].coef;
    return s;
  }

  private breslow(t: Float64Array, e: Uint8Array, x: Float64Array): { times: Float64Array; cumulativeHazard: Float64Array } {
    const w = Float64Array.from(t, (_, i) => Math.exp(this.linear(x, i)));
    const order = Int32Array.from(t, (_, i) => i).sort((a, b) => t[b] - t[a]);
    const times: number[] = [];
    const steps: number[] = [];
    let s0 = 0;
    for (let k = 0; k < order.length;) {
      const now = t[order[k]];
      let d = 0;
      for (; k < order.length && t[order[k]] === now; k++) {
        s0 += w[order[k]];
        d += e[order[k]];
      }
      if (d > 0) {
        times.push(now);
        steps.push(d / s0);
      }
    }
    times.reverse();
    steps.reverse();
    let h = 0;
    return { times: Float64Array.from(times), cumulativeHazard: Float64Array.from(steps, (s) => (h += s)) };
  }

  private rows(table: Table, caller: string): Float64Array {
    checkTable(caller, table);
    const p = this.covariates.length;
    const missingColumns = this.covariates.filter((c) => !table.has(c));
    if (missingColumns.length)
      throw new InputError(`${caller}: the model was fitted on ${formatList(this.covariates)}; the table lacks ${formatList(missingColumns)}`);
    const x = new Float64Array(table.numRows * p);
    this.covariates.forEach((c, a) => {
      const v = table.numbers(c);
      for (let i = 0; i < v.length; i++) {
        if (!Number.isFinite(v[i])) throw new InputError(`${caller}: covariate "${c}" is missing at row ${i}; drop or impute the row first`);
        x[i * p + a] = v[i];
      }
    });
    return x;
  }

  /** The log partial hazard of each row, centred at the fitted means: higher = earlier event expected. */
  riskScore(table: Table): Float64Array {
    const x = this.rows(table, 'CoxModel.riskScore');
    return Float64Array.from({ length: table.numRows }, (_, i) => this.linear(x, i));
  }

  /** Baseline cumulative hazard at a time: the step up to and including it (0 before the first event). */
  cumulativeHazardAt(time: number): number {
    const t = this.baseline.times;
    let lo = 0;
    let hi = t.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (t[mid] <= time) lo = mid + 1;
      else hi = mid;
    }
    return lo === 0 ? 0 : this.baseline.cumulativeHazard[lo - 1];
  }

  /**
   * Each row's survival probability at `times` (ascending).
   * @example cox.predictSurvival(test, [365, 730]).survival[0]  // the first patient's 1- and 2-year survival
   */
  predictSurvival(table: Table, times: ArrayLike<number>): SurvivalCurves {
    const at = Float64Array.from(times);
    for (let k = 0; k < at.length; k++)
      if (!Number.isFinite(at[k]) || at[k] < 0 || (k > 0 && at[k] <= at[k - 1]))
        throw new InputError(`CoxModel.predictSurvival: times must be finite, ≥ 0 and increasing; got ${at[k]} at ${k}`);
    const risk = this.riskScore(table);
    const h = Float64Array.from(at, (t) => this.cumulativeHazardAt(t));
    return { times: at, survival: Array.from(risk, (r) => Float64Array.from(h, (hk) => Math.exp(-hk * Math.exp(r)))) };
  }

  /** The coefficient table, as data (`show` renders it). */
  tabulate(): Tabular {
    const pct = Math.round(100 * this.level);
    return {
      caption: `Cox model (${this.ties} ties): ${this.observations} rows, ${this.events} events; likelihood-ratio test χ² = ${this.likelihoodRatio.statistic.toFixed(2)} on ${this.likelihoodRatio.degreesOfFreedom} df, p = ${this.likelihoodRatio.pValue.toPrecision(2)}`,
      header: ['covariate', 'coef', 'hazard ratio', `HR ${pct}% lower`, `HR ${pct}% upper`, 'se', 'z', 'p'],
      rows: this.coefficients.map((c) => [c.covariate, c.coef, c.hazardRatio, c.hazardRatioLower, c.hazardRatioUpper, c.se, c.z, c.pValue]),
    };
  }

  toString(): string {
    return `${this.tabulate().caption}\n${tabularText(this.tabulate())}`;
  }
}
