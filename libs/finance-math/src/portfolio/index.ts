export { RiskModelError, type RiskModelErrorCode, type RiskModelErrorLocation } from './risk-model-error';
export { returnsFromPrices, dropAllMissingDates, type ReturnsFromPricesOptions } from './returns-from-prices';
export { isReturnPanel, type PanelInput } from './panel-input';
export { ewmMeanLast } from './ewm';
export { pairwiseCovariance, pairwiseCovarianceMatrix } from './nan-statistics';
export { fixNonPositiveSemidefinite, isPositiveSemidefinite, type PsdFixMethod } from './psd';
export {
  capmReturn,
  emaHistoricalReturn,
  meanHistoricalReturn,
  type CapmReturnOptions,
  type EmaReturnOptions,
  type ReturnEstimateOptions,
} from './expected-returns';
export {
  corrToCov,
  covToCorr,
  expCov,
  sampleCov,
  semicovariance,
  type ExpCovOptions,
  type RiskModelOptions,
  type SemicovarianceOptions,
} from './risk-models';
export {
  ledoitWolf,
  shrunkCovariance,
  type LedoitWolfResult,
  type ShrinkageOptions,
  type ShrinkageTarget,
} from './shrinkage';
export * from './efficient-frontier';
