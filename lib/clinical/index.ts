/** `tsdl.clinical`: evaluation a clinical board reads — decision curves and survival analysis. */
export { netBenefit } from './net-benefit';
export type { NetBenefitOptions, NetBenefitRow } from './net-benefit';
export { kaplanMeier, survivalData } from './kaplan-meier';
export type { KaplanMeierOptions, KaplanMeierResult } from './kaplan-meier';
export { logRankTest } from './log-rank-test';
export type { LogRankResult } from './log-rank-test';
export { concordanceIndex } from './concordance-index';
export type { ConcordanceResult } from './concordance-index';
export { calibrationSlope } from './calibration-slope';
export type { CalibrationSlopeOptions, CalibrationSlopeResult, Estimate } from './calibration-slope';
export { subgroupMetrics } from './subgroup-metrics';
export type { GroupMetric, SubgroupMetricsOptions, SubgroupMetricsResult, SubgroupRow } from './subgroup-metrics';
