export { RiskMetricError, type RiskErrorCode } from './risk-error';
export { acklamInverseCdf, normalCdf, normalInverseCdf, normalPdf } from './normal';
export { chiSquare1Cdf, chiSquare1Survival } from './chi-square';
export { meanAndSd, returnMoments, type Ddof, type ReturnMoments } from './moments';
export type { RiskEstimate, RiskLevelOptions, RiskMethod } from './risk-estimate';
export { historicalVaR, overlappingReturns, type HistoricalHorizonMethod, type HistoricalRiskOptions } from './historical';
export { normalVaRFromMoments, parametricVaR, type ParametricRiskOptions } from './parametric';
export {
  cornishFisherVaR,
  cornishFisherVaRFromMoments,
  cornishFisherZ,
  edgeworthTailMean,
  type CornishFisherRiskOptions,
} from './cornish-fisher';
export { monteCarloVaR, type MonteCarloRiskOptions, type MonteCarloSource } from './monte-carlo';
export { RISK_METHODS, valueAtRisk, type ValueAtRiskOptions } from './value-at-risk';
export { rollingValueAtRisk } from './rolling';
export { backtestVaR, kupiecPof, type BacktestVerdict, type KupiecTest, type VarBacktest } from './backtest';
export {
  portfolioHistoricalVaR,
  portfolioParametricVaR,
  portfolioReturns,
  type PortfolioParametricRisk,
} from './portfolio';
