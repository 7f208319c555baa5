export { cleanWeights, weightsByAsset, type CleanWeightsOptions } from './clean-weights';
export {
  DEFAULT_RISK_FREE_RATE,
  EfficientFrontier,
  type EfficientFrontierSpec,
  type MarketNeutralOption,
  type OptimizedPortfolio,
} from './efficient-frontier';
export { PortfolioOptimizationError, type PortfolioOptimizationErrorCode } from './errors';
export { portfolioPerformance, type PortfolioPerformance } from './performance';
export { loadQpSolver, type QpProblem, type QpSolution, type QpSolver, type QpStatus } from './qp-solver';
export type { FrontierConstraints, SectorConstraints, WeightBound } from './weight-constraints';
export type { ObjectiveTerms } from './weight-problem';
