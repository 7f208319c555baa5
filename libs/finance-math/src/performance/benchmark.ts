import { PerformanceMetricError } from './errors';
import { mean, pearsonCorrelation, sampleCovariance, sampleStd, sampleVariance } from './moments';
import { compound } from './returns';
import { requirePositiveRisk } from './risk-guard';
import { type PeriodOptions, readAnnualRate, readPairedReturns, readPeriods } from './series';

/**
 * Metrics against a benchmark. Both series are periodic simple returns aligned period by
 * period (same length, same dates); quantstats drops dates where either is missing, which
 * here is the caller's job (our series reject NaN). All need two observations.
 */

function betaOf(returns: Float64Array, benchmark: Float64Array, caller: string): number {
  const variance = sampleVariance(benchmark);
  requirePositiveRisk(Math.sqrt(variance), benchmark, caller, 'the variance of the benchmark', 'benchmark');
  return sampleCovariance(returns, benchmark) / variance;
}

/** Beta, quantstats `greeks().beta`: cov(r, b) / var(b) (ddof = 1 in both). */
export function beta(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const paired = readPairedReturns(returns, benchmark, 'beta');
  return betaOf(paired.returns, paired.benchmark, 'beta');
}

/**
 * Alpha, quantstats `greeks().alpha`: (mean(r) - beta * mean(b)) * periods, annualised by
 * simple multiplication; no risk-free adjustment (quantstats' greeks take none).
 */
export function alpha(returns: ArrayLike<number>, benchmark: ArrayLike<number>, options: PeriodOptions = {}): number {
  const caller = 'alpha';
  const periods = readPeriods(options, caller);
  const paired = readPairedReturns(returns, benchmark, caller);
  const slope = betaOf(paired.returns, paired.benchmark, caller);
  return (mean(paired.returns) - slope * mean(paired.benchmark)) * periods;
}

/**
 * Information ratio, quantstats `information_ratio`: mean(r - b) / std(r - b, ddof = 1),
 * per period (quantstats does not annualise it; multiply by sqrt(periods) to do so).
 */
export function informationRatio(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const caller = 'informationRatio';
  const paired = readPairedReturns(returns, benchmark, caller);
  const active = new Float64Array(paired.returns.length);
  for (let i = 0; i < active.length; i++) active[i] = paired.returns[i] - paired.benchmark[i];
  const trackingError = sampleStd(active);
  requirePositiveRisk(trackingError, active, caller, 'the tracking error (std of returns - benchmark)');
  return mean(active) / trackingError;
}

/** R-squared, quantstats `r_squared`: the squared Pearson correlation of returns and benchmark. */
export function rSquared(returns: ArrayLike<number>, benchmark: ArrayLike<number>): number {
  const caller = 'rSquared';
  const paired = readPairedReturns(returns, benchmark, caller);
  requirePositiveRisk(sampleStd(paired.returns), paired.returns, caller, 'the variance of the returns');
  requirePositiveRisk(sampleStd(paired.benchmark), paired.benchmark, caller, 'the variance of the benchmark', 'benchmark');
  const r = pearsonCorrelation(paired.returns, paired.benchmark);
  return r * r;
}

/**
 * Treynor ratio, quantstats `treynor_ratio`: (comp(r) - riskFreeRate) / beta. Note quantstats
 * subtracts the ANNUAL rate from the TOTAL compounded return of the whole series; we keep
 * that for parity (with the default rate 0 it is simply total return per unit of beta).
 */
export function treynor(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  options: { riskFreeRate?: number } = {},
): number {
  const caller = 'treynor';
  const riskFree = readAnnualRate(options.riskFreeRate, caller, 'options.riskFreeRate');
  const paired = readPairedReturns(returns, benchmark, caller);
  const slope = betaOf(paired.returns, paired.benchmark, caller);
  if (slope === 0) {
    throw new PerformanceMetricError('UNDEFINED_RATIO', 'benchmark', `${caller}: beta is zero, so the ratio is undefined`);
  }
  return (compound(paired.returns) - riskFree) / slope;
}
