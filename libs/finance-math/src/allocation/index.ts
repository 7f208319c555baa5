export { AllocationError, type AllocationErrorCode } from './allocation-error';
export type { SquareMatrix } from './matrix-checks';
export { dendrogramLeafOrder, singleLinkage, type LinkageStep } from './single-linkage';
export {
  covarianceToCorrelation,
  hierarchicalRiskParity,
  inverseVarianceClusterVariance,
  type HrpInput,
  type HrpResult,
} from './hrp';
export {
  blackLitterman,
  impliedWeights,
  marketImpliedPriorReturns,
  marketImpliedRiskAversion,
  type BlackLittermanInput,
  type BlackLittermanResult,
  type BlackLittermanViews,
  type OmegaSpec,
} from './black-litterman';
export {
  allocationRmse,
  greedyAllocation,
  integerAllocation,
  latestPrices,
  type DiscreteAllocation,
  type DiscreteAllocationInput,
  type IntegerAllocationOptions,
} from './discrete-allocation';
export {
  claMaxSharpe,
  claMinVolatility,
  criticalLineTurningPoints,
  type ClaResult,
  type TurningPoint,
  type WeightBounds,
} from './cla';
