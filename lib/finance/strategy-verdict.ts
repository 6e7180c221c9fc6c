/**
 * `strategyVerdict`: whether a trading model beats buy-and-hold, decided from evidence — the ROC-AUC of its
 * direction forecasts with a stationary-bootstrap interval (skill), and the interval of its mean excess return
 * over the benchmark (money) — never from comparing two point estimates of one test period. "Beats" needs both
 * intervals above no effect; a model that merely lost less by sitting in cash is said to have done so, with no
 * claim of skill.
 */
import { InputError } from '../util/errors';
import { rocAuc } from '../metrics/curves';
import { percentileInterval, tryMetric, type ConfidenceInterval } from '../metrics/bootstrap';
import { stationaryBootstrap, stationaryResamples, type StationaryBootstrapOptions } from './stationary-bootstrap';

export interface StrategyVerdictInput {
  /** Realised direction per test period (1 up, 0 not up). */
  actual: ArrayLike<number>;
  /** The model's score per period (P(up)). */
  score: ArrayLike<number>;
  /** Net strategy return per period. */
  strategyReturns: ArrayLike<number>;
  /** Benchmark (buy-and-hold) return per period, aligned with the strategy's. */
  benchmarkReturns: ArrayLike<number>;
}

export interface StrategyVerdictOptions extends StationaryBootstrapOptions {
  /** Periods per year, to annualise the excess return (arithmetic: mean per period × periods). Defaults to 252. */
  periodsPerYear?: number;
}

export interface StrategyVerdict {
  /** ROC-AUC and its interval (paired stationary bootstrap of the test periods). */
  auc: ConfidenceInterval;
  /** Annualised arithmetic mean excess return over the benchmark, and its interval. */
  excessReturn: ConfidenceInterval;
  /** "skill" (AUC interval above 0.5), "anti-skill" (below), or "none" (it holds 0.5). */
  skill: 'skill' | 'anti-skill' | 'none';
  /** "beats": skill and an excess-return interval above 0; "loses": the excess interval below 0; else "inconclusive". */
  outcome: 'beats' | 'loses' | 'inconclusive';
  /** One sentence stating the verdict with its numbers. */
  sentence: string;
}

const pct = (v: number) => `${v >= 0 ? '+' : ''}${(100 * v).toFixed(1)}%`;
const ci = (c: ConfidenceInterval, f: (v: number) => string) => `${f(c.estimate)} (${Math.round(100 * c.level)}% interval ${f(c.lower)} to ${f(c.upper)})`;

/** The AUC's percentile interval over paired stationary-bootstrap resamples (resamples with one class are skipped). */
function aucInterval(actual: ArrayLike<number>, score: ArrayLike<number>, options: StationaryBootstrapOptions): ConfidenceInterval {
  const level = options.level ?? 0.95;
  const a = new Float64Array(actual.length);
  const s = new Float64Array(actual.length);
  const values: number[] = [];
  let skipped = 0;
  stationaryResamples(actual.length, { ...options, seed: (options.seed ?? 42) + 1 }, (rows) => {
    for (let i = 0; i < rows.length; i++) {
      a[i] = actual[rows[i]];
      s[i] = score[rows[i]];
    }
    if (!tryMetric(() => rocAuc(a, s), values)) skipped++;
  });
  return percentileInterval(values, rocAuc(actual, score), level, skipped);
}

/**
 * The verdict on a strategy against its benchmark, with the evidence in its sentence.
 * @example const v = strategyVerdict({ actual: y, score: p, strategyReturns: bt.returns, benchmarkReturns: buyHold }, { periodsPerYear: 252 });
 */
export function strategyVerdict(input: StrategyVerdictInput, options: StrategyVerdictOptions = {}): StrategyVerdict {
  const { actual, score, strategyReturns, benchmarkReturns } = input ?? ({} as StrategyVerdictInput);
  for (const [name, v] of Object.entries({ actual, score, strategyReturns, benchmarkReturns }))
    if (!v || typeof (v as ArrayLike<number>).length !== 'number') throw new InputError(`strategyVerdict needs ${name}: one number per test period`);
  if (actual.length !== score.length) throw new InputError(`strategyVerdict: ${actual.length} outcomes but ${score.length} scores; give one per period`);
  if (strategyReturns.length !== benchmarkReturns.length)
    throw new InputError(`strategyVerdict: ${strategyReturns.length} strategy returns but ${benchmarkReturns.length} benchmark returns; align them by period`);
  const periods = options.periodsPerYear ?? 252;
  const excess = Float64Array.from(strategyReturns, (r, i) => r - benchmarkReturns[i]);
  const annualMean = (v: Float64Array) => (v.reduce((s, x) => s + x, 0) / v.length) * periods;
  const excessReturn = stationaryBootstrap(excess, annualMean, options);
  const auc = aucInterval(actual, score, options);
  const skill = auc.lower > 0.5 ? 'skill' : auc.upper < 0.5 ? 'anti-skill' : 'none';
  const outcome = skill === 'skill' && excessReturn.lower > 0 ? 'beats' : excessReturn.upper < 0 ? 'loses' : 'inconclusive';
  const skillWords =
    skill === 'skill'
      ? `its direction forecasts show skill: ROC-AUC ${ci(auc, (v) => v.toFixed(3))}, above a coin's 0.5`
      : skill === 'anti-skill'
        ? `its direction forecasts are worse than a coin: ROC-AUC ${ci(auc, (v) => v.toFixed(3))}, below 0.5`
        : `there is no evidence of predictive skill: ROC-AUC ${ci(auc, (v) => v.toFixed(3))} holds a coin's 0.5`;
  const excessWords = `mean excess return over buy-and-hold ${ci(excessReturn, pct)} a year (arithmetic, stationary bootstrap)`;
  const head =
    outcome === 'beats'
      ? 'The model beats buy-and-hold'
      : outcome === 'loses'
        ? 'The model loses to buy-and-hold'
        : excessReturn.estimate >= 0
          ? 'The model earned more than buy-and-hold in this period, but the evidence does not separate it from luck'
          : 'The model earned less than buy-and-hold in this period, but the evidence does not separate it from luck';
  const cash = skill !== 'skill' && excessReturn.estimate > 0 ? '; what it gained came from sitting out periods, not from forecasting them' : '';
  return { auc, excessReturn, skill, outcome, sentence: `${head}: ${excessWords}; ${skillWords}${cash}.` };
}
