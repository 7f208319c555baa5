import { PerformanceMetricError } from './errors';

/**
 * Input validation and the unit conversions every metric shares. Returns are periodic
 * simple returns (0.01 = +1% over one period); `periods` is how many such periods make a
 * year; rates passed as options (risk-free, required return) are annual.
 */

/** Options of metrics that annualise: the number of return periods per year. */
export interface PeriodOptions {
  /** Return periods per year; default 252 (trading days). */
  periods?: number;
}

/** Options of metrics that work on excess returns. */
export interface RiskFreeOptions extends PeriodOptions {
  /** Annual risk-free rate as a simple rate (0.02 = 2% a year); default 0. */
  riskFreeRate?: number;
}

export const DEFAULT_PERIODS = 252;

/**
 * Copies and checks a return series: non-empty, every value finite and >= -1.
 * `minLength` is the fewest observations the caller's estimator needs.
 */
export function readReturns(
  values: ArrayLike<number>,
  caller: string,
  parameter = 'returns',
  minLength = 1,
): Float64Array {
  if (values === null || values === undefined || typeof values.length !== 'number') {
    throw new PerformanceMetricError('INVALID_VALUE', parameter, `${caller}: ${parameter} must be an array of numbers`);
  }
  if (values.length === 0) {
    throw new PerformanceMetricError('EMPTY_SERIES', parameter, `${caller}: ${parameter} is empty`);
  }
  if (values.length < minLength) {
    throw new PerformanceMetricError(
      'INSUFFICIENT_DATA',
      parameter,
      `${caller}: needs at least ${minLength} observations in ${parameter}, got ${values.length}`,
    );
  }
  const copy = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < -1) {
      throw new PerformanceMetricError(
        'INVALID_VALUE',
        parameter,
        `${caller}: ${parameter}[${i}] must be a finite simple return >= -1, got ${String(value)}`,
      );
    }
    copy[i] = value;
  }
  return copy;
}

/** Reads a strategy series and its benchmark; they must be aligned period by period. */
export function readPairedReturns(
  returns: ArrayLike<number>,
  benchmark: ArrayLike<number>,
  caller: string,
  minLength = 2,
): { returns: Float64Array; benchmark: Float64Array } {
  const strategy = readReturns(returns, caller, 'returns', minLength);
  const reference = readReturns(benchmark, caller, 'benchmark', minLength);
  if (strategy.length !== reference.length) {
    throw new PerformanceMetricError(
      'LENGTH_MISMATCH',
      'benchmark',
      `${caller}: benchmark has ${reference.length} observations but returns has ${strategy.length}; align them by date first`,
    );
  }
  return { returns: strategy, benchmark: reference };
}

/** Validated periods per year: finite and > 0. */
export function readPeriods(options: PeriodOptions | undefined, caller: string): number {
  const periods = options?.periods ?? DEFAULT_PERIODS;
  if (typeof periods !== 'number' || !Number.isFinite(periods) || periods <= 0) {
    throw new PerformanceMetricError(
      'INVALID_PARAMETER',
      'options.periods',
      `${caller}: options.periods must be a finite number > 0 (periods per year), got ${String(periods)}`,
    );
  }
  return periods;
}

/** Validated annual rate: finite and > -1 (a rate of -100% a year or less has no per-period root). */
export function readAnnualRate(value: number | undefined, caller: string, parameter: string): number {
  const rate = value ?? 0;
  if (typeof rate !== 'number' || !Number.isFinite(rate) || rate <= -1) {
    throw new PerformanceMetricError(
      'INVALID_PARAMETER',
      parameter,
      `${caller}: ${parameter} must be a finite annual rate > -1, got ${String(rate)}`,
    );
  }
  return rate;
}

/**
 * quantstats' de-annualisation (`to_excess_returns` with `nperiods`): the per-period rate
 * that compounds to the annual one, (1 + annual)^(1 / periods) - 1.
 */
export function perPeriodRate(annualRate: number, periods: number): number {
  return Math.pow(1 + annualRate, 1 / periods) - 1;
}

/**
 * Returns minus the de-annualised risk-free rate, as quantstats' `_prepare_returns(returns, rf, periods)`.
 * A zero rate returns the input unchanged.
 */
export function excessReturns(returns: Float64Array, annualRiskFree: number, periods: number): Float64Array {
  if (annualRiskFree === 0) return returns;
  const rate = perPeriodRate(annualRiskFree, periods);
  const excess = new Float64Array(returns.length);
  for (let i = 0; i < returns.length; i++) excess[i] = returns[i] - rate;
  return excess;
}
