/** `tsdl.finance`: statistics a risk desk reads — whether an edge is real, with its evidence. */
export { stationaryBootstrap, stationaryResamples } from './stationary-bootstrap';
export type { StationaryBootstrapOptions } from './stationary-bootstrap';
export { strategyVerdict } from './strategy-verdict';
export type { StrategyVerdict, StrategyVerdictInput, StrategyVerdictOptions } from './strategy-verdict';
