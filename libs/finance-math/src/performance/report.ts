import { alpha, beta, informationRatio, rSquared, treynor } from './benchmark';
import { gainToPain, kelly, omega, payoffRatio, profitFactor, tailRatio, winRate } from './distribution';
import { calmar, type DrawdownPeriod, drawdownPeriods, maxDrawdown, ulcerIndex } from './drawdown';
import { PerformanceMetricError, type PerformanceMetricErrorCode } from './errors';
import { kurtosis, skew } from './moments';
import { probabilisticSharpe, sharpe, smartSharpe, smartSortino, sortino } from './ratios';
import { cagr, compoundReturn, volatility } from './returns';
import { readAnnualRate, readPairedReturns, readPeriods, readReturns, type RiskFreeOptions } from './series';

/** Options of `performanceReport`; each is passed on to the metrics that take it. */
export interface PerformanceReportOptions extends RiskFreeOptions {
  /** Benchmark returns aligned with `returns`; adds beta, alpha, informationRatio, rSquared, treynor. */
  benchmark?: ArrayLike<number>;
  /** Annual required return of the Omega ratio; default 0. */
  requiredReturn?: number;
  /** Annualised Sharpe ratio the probabilistic Sharpe ratio tests against; default 0. */
  benchmarkSharpe?: number;
  /** Tail-ratio quantile; default 0.95. */
  tailCutoff?: number;
}

/** Why a metric of the report has no value (its data cannot define it). */
export interface UndefinedMetric {
  code: PerformanceMetricErrorCode;
  message: string;
}

/** Metrics against the benchmark; null where undefined (see `undefinedMetrics`). */
export interface BenchmarkMetrics {
  beta: number | null;
  alpha: number | null;
  informationRatio: number | null;
  rSquared: number | null;
  treynor: number | null;
}

/**
 * Every metric of one series. A metric the data cannot define (too few observations, zero
 * volatility, no losses, no drawdown, ...) is null, and `undefinedMetrics` says why, so no
 * value is ever a silent NaN.
 */
export interface PerformanceReport {
  observations: number;
  periods: number;
  riskFreeRate: number;
  compoundReturn: number | null;
  cagr: number | null;
  volatility: number | null;
  sharpe: number | null;
  sortino: number | null;
  smartSharpe: number | null;
  smartSortino: number | null;
  probabilisticSharpe: number | null;
  calmar: number | null;
  maxDrawdown: number | null;
  ulcerIndex: number | null;
  omega: number | null;
  tailRatio: number | null;
  gainToPain: number | null;
  kelly: number | null;
  skew: number | null;
  kurtosis: number | null;
  winRate: number | null;
  payoffRatio: number | null;
  profitFactor: number | null;
  drawdownPeriods: DrawdownPeriod[];
  /** Present only when a benchmark was given. */
  benchmark?: BenchmarkMetrics;
  /** Metric name -> why it is null. */
  undefinedMetrics: Record<string, UndefinedMetric>;
}

/** Codes that mean "this data does not define the metric", as opposed to bad input. */
const DATA_DEPENDENT: ReadonlySet<PerformanceMetricErrorCode> = new Set([
  'INSUFFICIENT_DATA',
  'ZERO_VOLATILITY',
  'UNDEFINED_RATIO',
]);

/**
 * All metrics in one object. Bad input (empty series, NaN, bad options, benchmark of
 * another length) throws PerformanceMetricError; a metric the data leaves undefined is null.
 */
export function performanceReport(
  returns: ArrayLike<number>,
  options: PerformanceReportOptions = {},
): PerformanceReport {
  const caller = 'performanceReport';
  const periods = readPeriods(options, caller);
  const riskFreeRate = readAnnualRate(options.riskFreeRate, caller, 'options.riskFreeRate');
  readAnnualRate(options.requiredReturn, caller, 'options.requiredReturn');
  const values = options.benchmark
    ? readPairedReturns(returns, options.benchmark, caller, 1).returns
    : readReturns(returns, caller);
  const undefinedMetrics: Record<string, UndefinedMetric> = {};
  const attempt = (name: string, compute: () => number): number | null => {
    try {
      return compute();
    } catch (error) {
      if (error instanceof PerformanceMetricError && DATA_DEPENDENT.has(error.code)) {
        undefinedMetrics[name] = { code: error.code, message: error.message };
        return null;
      }
      throw error;
    }
  };
  const rates = { periods, riskFreeRate };

  const report: PerformanceReport = {
    observations: values.length,
    periods,
    riskFreeRate,
    compoundReturn: attempt('compoundReturn', () => compoundReturn(values)),
    cagr: attempt('cagr', () => cagr(values, { periods })),
    volatility: attempt('volatility', () => volatility(values, { periods })),
    sharpe: attempt('sharpe', () => sharpe(values, rates)),
    sortino: attempt('sortino', () => sortino(values, rates)),
    smartSharpe: attempt('smartSharpe', () => smartSharpe(values, rates)),
    smartSortino: attempt('smartSortino', () => smartSortino(values, rates)),
    probabilisticSharpe: attempt('probabilisticSharpe', () =>
      probabilisticSharpe(values, { ...rates, benchmarkSharpe: options.benchmarkSharpe }),
    ),
    calmar: attempt('calmar', () => calmar(values, { periods })),
    maxDrawdown: attempt('maxDrawdown', () => maxDrawdown(values)),
    ulcerIndex: attempt('ulcerIndex', () => ulcerIndex(values)),
    omega: attempt('omega', () => omega(values, { ...rates, requiredReturn: options.requiredReturn })),
    tailRatio: attempt('tailRatio', () => tailRatio(values, { cutoff: options.tailCutoff })),
    gainToPain: attempt('gainToPain', () => gainToPain(values)),
    kelly: attempt('kelly', () => kelly(values)),
    skew: attempt('skew', () => skew(values)),
    kurtosis: attempt('kurtosis', () => kurtosis(values)),
    winRate: attempt('winRate', () => winRate(values)),
    payoffRatio: attempt('payoffRatio', () => payoffRatio(values)),
    profitFactor: attempt('profitFactor', () => profitFactor(values)),
    drawdownPeriods: drawdownPeriods(values),
    undefinedMetrics,
  };
  const reference = options.benchmark;
  if (reference) {
    report.benchmark = {
      beta: attempt('beta', () => beta(values, reference)),
      alpha: attempt('alpha', () => alpha(values, reference, { periods })),
      informationRatio: attempt('informationRatio', () => informationRatio(values, reference)),
      rSquared: attempt('rSquared', () => rSquared(values, reference)),
      treynor: attempt('treynor', () => treynor(values, reference, { riskFreeRate })),
    };
  }
  return report;
}
