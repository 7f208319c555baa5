export { PerformanceMetricError, type PerformanceMetricErrorCode } from './errors';
export { type PeriodOptions, type RiskFreeOptions } from './series';
export { cagr, compoundReturn, volatility } from './returns';
export {
  autocorrelationPenalty,
  probabilisticSharpe,
  sharpe,
  smartSharpe,
  smartSortino,
  sortino,
  type ProbabilisticSharpeOptions,
  type RatioOptions,
} from './ratios';
export { calmar, drawdownPeriods, drawdownSeries, maxDrawdown, ulcerIndex, type DrawdownPeriod } from './drawdown';
export {
  gainToPain,
  kelly,
  omega,
  payoffRatio,
  profitFactor,
  tailRatio,
  winRate,
  type OmegaOptions,
} from './distribution';
export { kurtosis, skew } from './moments';
export { alpha, beta, informationRatio, rSquared, treynor } from './benchmark';
export {
  performanceReport,
  type BenchmarkMetrics,
  type PerformanceReport,
  type PerformanceReportOptions,
  type UndefinedMetric,
} from './report';
