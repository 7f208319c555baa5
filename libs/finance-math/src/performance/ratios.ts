import { PerformanceMetricError } from './errors';
import { kurtosis, mean, pearsonCorrelation, sampleStd, skew } from './moments';
import { normalCdf as standardNormalCdf } from '../risk/normal';
import { requirePositiveRisk } from './risk-guard';
import { excessReturns, readAnnualRate, readPeriods, readReturns, type RiskFreeOptions } from './series';

/** Options of the Sharpe-type ratios. */
export interface RatioOptions extends RiskFreeOptions {
  /** Multiply the per-period ratio by sqrt(periods); default true. */
  annualize?: boolean;
}

function readRatioInputs(
  returns: ArrayLike<number>,
  options: RiskFreeOptions,
  caller: string,
): { excess: Float64Array; periods: number } {
  const periods = readPeriods(options, caller);
  const riskFree = readAnnualRate(options.riskFreeRate, caller, 'options.riskFreeRate');
  const values = readReturns(returns, caller, 'returns', 2);
  return { excess: excessReturns(values, riskFree, periods), periods };
}

/**
 * quantstats' autocorrelation penalty: with rho = |lag-1 autocorrelation| and n observations,
 * sqrt(1 + 2 * sum_{k=1}^{n-1} ((n - k) / n) * rho^k). 1 for fewer than 2 observations or a
 * constant series (rho undefined), as in quantstats.
 */
export function autocorrelationPenalty(returns: ArrayLike<number>): number {
  return penalty(readReturns(returns, 'autocorrelationPenalty'));
}

function penalty(values: Float64Array): number {
  const n = values.length;
  if (n < 3) {
    // Two points give a lag-1 pair of length 1, whose correlation numpy leaves NaN.
    return 1;
  }
  const rho = Math.abs(pearsonCorrelation(values.subarray(0, n - 1), values.subarray(1)));
  if (Number.isNaN(rho)) return 1;
  let sum = 0;
  let power = 1;
  for (let k = 1; k < n; k++) {
    power *= rho;
    if (power === 0) break;
    sum += ((n - k) / n) * power;
  }
  return Math.sqrt(1 + 2 * sum);
}

function annualise(perPeriod: number, periods: number, options: RatioOptions): number {
  return options.annualize === false ? perPeriod : perPeriod * Math.sqrt(periods);
}

function sharpeOf(returns: ArrayLike<number>, options: RatioOptions, smart: boolean, caller: string): number {
  const { excess, periods } = readRatioInputs(returns, options, caller);
  const std = sampleStd(excess);
  requirePositiveRisk(std, excess, caller, 'the standard deviation of the returns');
  const divisor = smart ? std * penalty(excess) : std;
  return annualise(mean(excess) / divisor, periods, options);
}

/**
 * Sharpe ratio, quantstats `sharpe`: mean(r - rf_p) / std(r - rf_p, ddof = 1) * sqrt(periods),
 * rf_p = (1 + riskFreeRate)^(1 / periods) - 1.
 */
export function sharpe(returns: ArrayLike<number>, options: RatioOptions = {}): number {
  return sharpeOf(returns, options, false, 'sharpe');
}

/** Smart Sharpe: the Sharpe ratio with its standard deviation multiplied by the autocorrelation penalty. */
export function smartSharpe(returns: ArrayLike<number>, options: RatioOptions = {}): number {
  return sharpeOf(returns, options, true, 'smartSharpe');
}

function sortinoOf(returns: ArrayLike<number>, options: RatioOptions, smart: boolean, caller: string): number {
  const { excess, periods } = readRatioInputs(returns, options, caller);
  let downsideSquares = 0;
  for (let i = 0; i < excess.length; i++) if (excess[i] < 0) downsideSquares += excess[i] * excess[i];
  // Downside deviation over ALL observations (Red Rock Capital), not just the negative ones.
  const downside = Math.sqrt(downsideSquares / excess.length);
  requirePositiveRisk(downside, excess, caller, 'the downside deviation (no return below the risk-free rate)');
  const divisor = smart ? downside * penalty(excess) : downside;
  return annualise(mean(excess) / divisor, periods, options);
}

/**
 * Sortino ratio, quantstats `sortino`: mean(x) / sqrt(sum(min(x, 0)^2) / n) * sqrt(periods),
 * x = r - rf_p.
 */
export function sortino(returns: ArrayLike<number>, options: RatioOptions = {}): number {
  return sortinoOf(returns, options, false, 'sortino');
}

/** Smart Sortino: the Sortino ratio with its downside deviation multiplied by the autocorrelation penalty. */
export function smartSortino(returns: ArrayLike<number>, options: RatioOptions = {}): number {
  return sortinoOf(returns, options, true, 'smartSortino');
}

/** Options of the probabilistic Sharpe ratio. */
export interface ProbabilisticSharpeOptions extends RiskFreeOptions {
  /**
   * The Sharpe ratio to beat, ANNUALISED like `sharpe()`'s output (it is divided by
   * sqrt(periods) to compare with the per-period estimate); default 0, as in quantstats.
   */
  benchmarkSharpe?: number;
}

/**
 * Probabilistic Sharpe ratio (Bailey & Lopez de Prado 2012; quantstats
 * `probabilistic_sharpe_ratio` when the benchmark is 0): with the per-period Sharpe SR,
 * the benchmark SR* (per period), pandas skew g3 and excess kurtosis g4 of the returns,
 * PSR = Phi((SR - SR*) * sqrt(n - 1) / sqrt(1 - g3 SR + (g4 + 2) / 4 * SR^2)).
 * (g4 + 2 = raw kurtosis - 1.) Needs 4 observations.
 */
export function probabilisticSharpe(returns: ArrayLike<number>, options: ProbabilisticSharpeOptions = {}): number {
  const caller = 'probabilisticSharpe';
  const periods = readPeriods(options, caller);
  const benchmarkAnnual = options.benchmarkSharpe ?? 0;
  if (typeof benchmarkAnnual !== 'number' || !Number.isFinite(benchmarkAnnual)) {
    throw new PerformanceMetricError(
      'INVALID_PARAMETER',
      'options.benchmarkSharpe',
      `${caller}: options.benchmarkSharpe must be a finite annualised Sharpe ratio, got ${String(benchmarkAnnual)}`,
    );
  }
  const values = readReturns(returns, caller, 'returns', 4);
  const observed = sharpeOf(values, { ...options, annualize: false }, false, caller);
  // Skew and kurtosis are shift-invariant, so raw and excess returns give the same moments.
  const g3 = skew(values);
  const g4 = kurtosis(values);
  const variance = 1 - g3 * observed + ((g4 + 2) / 4) * observed * observed;
  if (!(variance > 0)) {
    throw new PerformanceMetricError(
      'UNDEFINED_RATIO',
      'returns',
      `${caller}: the estimated variance of the Sharpe ratio is not positive (${variance}); the sample skew and kurtosis are inconsistent`,
    );
  }
  const benchmark = benchmarkAnnual / Math.sqrt(periods);
  return standardNormalCdf(((observed - benchmark) * Math.sqrt(values.length - 1)) / Math.sqrt(variance));
}
