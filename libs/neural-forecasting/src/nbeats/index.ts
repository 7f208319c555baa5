export { NBeatsForecaster, NBEATS_STATE_FILE, type NBeatsDecomposition } from './nbeats-forecaster';
export type { NBeatsOptions, ResolvedNBeatsOptions } from './options';
export type { TrainingHistory as NBeatsTrainingHistory } from './train';
export { NBeatsBlock, BackcastResidual, NonCrossingQuantiles, type NBeatsBasisKind, type NBeatsBlockConfig } from './layers';
export { trendBasis, seasonalityForecastBasis, seasonalityBackcastBasis, maxHarmonic, type BasisMatrix } from './bases';
export { buildNBeatsNetwork, networkTaps, type NBeatsNetworkConfig, type NBeatsStackKind, type NBeatsTaps } from './network';
