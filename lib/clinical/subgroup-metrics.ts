/**
 * `subgroupMetrics`: how a model performs for whom — each metric overall and within every group (sex, age band,
 * site), with the group's size, events and a seeded bootstrap interval, and the largest gap between groups as a
 * difference (max − min) and a ratio (min / max) — fairlearn's `MetricFrame(...).by_group`, `.difference()` and
 * `.ratio()`. A gap is reported with the intervals beside it: non-overlapping intervals are evidence of a real
 * difference, overlapping ones are not.
 */
import { InputError } from '../util/errors';
import { checkList } from '../util/check';
import { bootstrapCi, type ConfidenceInterval } from '../metrics/bootstrap';
import { rocAuc } from '../metrics/curves';
import { brierScore } from '../metrics/classification';

export type GroupMetric = (actual: ArrayLike<number>, proba: ArrayLike<number>) => number;

export interface SubgroupMetricsOptions {
  /** Metrics by name. Defaults to { auc: rocAuc, brier: brierScore }. */
  metrics?: Record<string, GroupMetric>;
  /** Bootstrap resamples per group and metric (0: no intervals). Defaults to 500. */
  bootstrap?: number;
  /** Seed of the resampling. Defaults to 42. */
  seed?: number;
  /** Groups smaller than this are reported without metrics (too few to measure). Defaults to 10. */
  minSize?: number;
}

export interface SubgroupRow {
  group: string;
  size: number;
  events: number;
  /** Per metric: the value and its interval (NaN where the group is too small or has one outcome). */
  metrics: Record<string, ConfidenceInterval>;
}

export interface SubgroupMetricsResult {
  overall: Record<string, number>;
  groups: SubgroupRow[];
  /** Per metric: max − min and min / max over the groups with a value. */
  difference: Record<string, number>;
  ratio: Record<string, number>;
}

const nan = (level = 0.95): ConfidenceInterval => ({ estimate: NaN, lower: NaN, upper: NaN, level, skipped: 0 });

/**
 * @example subgroupMetrics(yTest, pTest, test.strings('sex')).groups
 */
export function subgroupMetrics(
  actual: ArrayLike<number>,
  proba: ArrayLike<number>,
  groups: ArrayLike<string | number | null>,
  options: SubgroupMetricsOptions = {},
): SubgroupMetricsResult {
  checkList('subgroupMetrics: actual', actual);
  checkList('subgroupMetrics: proba', proba);
  checkList('subgroupMetrics: groups', groups);
  if (actual.length !== proba.length || actual.length !== groups.length)
    throw new InputError(
      `subgroupMetrics: ${actual.length} outcomes, ${proba.length} probabilities and ${groups.length} group labels; give one of each per case`,
    );
  const metrics = options.metrics ?? { auc: rocAuc, brier: brierScore };
  const resamples = options.bootstrap ?? 500;
  const minSize = options.minSize ?? 10;
  const byGroup = new Map<string, number[]>();
  for (let i = 0; i < groups.length; i++) {
    const g = groups[i] === null || groups[i] === undefined ? 'missing' : String(groups[i]);
    (byGroup.get(g) ?? byGroup.set(g, []).get(g)!).push(i);
  }
  const overall = Object.fromEntries(Object.entries(metrics).map(([k, f]) => [k, f(actual, proba)]));
  const rows: SubgroupRow[] = [...byGroup.keys()].sort().map((group) => {
    const idx = byGroup.get(group)!;
    const a = idx.map((i) => actual[i]);
    const p = idx.map((i) => proba[i]);
    const events = a.reduce((s, v) => s + v, 0);
    const values: Record<string, ConfidenceInterval> = {};
    for (const [k, f] of Object.entries(metrics)) {
      if (idx.length < minSize) values[k] = nan();
      else {
        try {
          values[k] =
            resamples > 0
              ? bootstrapCi(f, a, p, { resamples, seed: options.seed ?? 42 })
              : { estimate: f(a, p), lower: NaN, upper: NaN, level: 0.95, skipped: 0 };
        } catch (err) {
          if (!(err instanceof InputError)) throw err;
          values[k] = nan(); // one outcome only in this group: the metric is undefined there
        }
      }
    }
    return { group, size: idx.length, events, metrics: values };
  });
  const difference: Record<string, number> = {};
  const ratio: Record<string, number> = {};
  for (const k of Object.keys(metrics)) {
    const v = rows.map((r) => r.metrics[k].estimate).filter((x) => !Number.isNaN(x));
    difference[k] = v.length ? Math.max(...v) - Math.min(...v) : NaN;
    ratio[k] = v.length ? Math.min(...v) / Math.max(...v) : NaN;
  }
  return { overall, groups: rows, difference, ratio };
}
