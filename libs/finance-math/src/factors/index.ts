export { FactorModelError, type FactorModelErrorCode } from './factor-error';
export { ols, type CoefficientInference, type OlsOptions, type OlsResult, type Regressors } from './ols';
export { defaultNeweyWestLags, neweyWestCovariance } from './newey-west';
export { regularizedIncompleteBeta, studentTTwoSidedPValue } from './student-t';
export {
  factorExposure,
  type FactorBeta,
  type FactorExposure,
  type FactorExposureOptions,
  type FactorReturns,
  type ReturnAttribution,
} from './factor-exposure';
export { rollingBetas, type RollingBetas } from './rolling-betas';
export type { AssetReturnPanel } from './return-panel';
export {
  buildFactors,
  type BuildFactorsOptions,
  type BuiltFactor,
  type BuiltFactors,
  type FactorRebalance,
} from './build-factors';
