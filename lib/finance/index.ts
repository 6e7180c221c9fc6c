/** `tsdl.finance`: statistics a risk desk reads — whether an edge is real, with its evidence. */
export { stationaryBootstrap, stationaryResamples } from './stationary-bootstrap';
export type { StationaryBootstrapOptions } from './stationary-bootstrap';
export { strategyVerdict } from './strategy-verdict';
export type { StrategyVerdict, StrategyVerdictInput, StrategyVerdictOptions } from './strategy-verdict';
export { valueAtRisk, expectedShortfall, moments } from './value-at-risk';
export type { RiskMethod, RiskOptions } from './value-at-risk';
export { rollingValueAtRisk, exceedances } from './rolling-value-at-risk';
export type { RollingRiskOptions } from './rolling-value-at-risk';
export { kupiecTest, christoffersenTest } from './var-backtests';
export type { CoverageTest, KupiecResult, ChristoffersenResult, VarBacktestOptions } from './var-backtests';
export { fitGarch } from './fit-garch';
export type { GarchFit, GarchOptions } from './fit-garch';
export { pinballLoss, crpsSamples, crpsQuantiles, quantileCoverage } from './probabilistic-scores';
export { rollingGarchValueAtRisk } from './rolling-garch';
export type { RollingGarchOptions } from './rolling-garch';
export {
  annualReturn,
  annualVolatility,
  sharpeRatio,
  downsideRisk,
  sortinoRatio,
  maxDrawdown,
  calmarRatio,
  omegaRatio,
  alphaBeta,
  upCapture,
  downCapture,
  excessSharpe,
} from './performance-statistics';
export { probabilisticSharpe, deflatedSharpe, expectedMaxSharpe } from './probabilistic-sharpe';
export type { ProbabilisticSharpeResult, ProbabilisticSharpeOptions, DeflatedSharpeOptions } from './probabilistic-sharpe';
