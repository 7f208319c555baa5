import { sampleStd } from './moments';
import { type PeriodOptions, readPeriods, readReturns } from './series';

/** Total compounded return, quantstats `comp`: prod(1 + r) - 1. */
export function compoundReturn(returns: ArrayLike<number>): number {
  return compound(readReturns(returns, 'compoundReturn'));
}

export function compound(values: Float64Array): number {
  let wealth = 1;
  for (let i = 0; i < values.length; i++) wealth *= 1 + values[i];
  return wealth - 1;
}

/**
 * Compound annual growth rate: (1 + comp)^(periods / n) - 1, the years being the number
 * of observations over `periods` (current quantstats `cagr`; releases before 0.0.6x used
 * calendar days between the first and last date / 365). The risk-free rate is not
 * subtracted, as in quantstats.
 */
export function cagr(returns: ArrayLike<number>, options: PeriodOptions = {}): number {
  const caller = 'cagr';
  const periods = readPeriods(options, caller);
  const values = readReturns(returns, caller);
  return growthRate(compound(values), values.length / periods);
}

export function growthRate(totalReturn: number, years: number): number {
  return Math.pow(1 + totalReturn, 1 / years) - 1;
}

/**
 * Volatility: sample standard deviation (ddof = 1), times sqrt(periods) when annualised
 * (quantstats `volatility`). Needs two observations.
 */
export function volatility(
  returns: ArrayLike<number>,
  options: PeriodOptions & { annualize?: boolean } = {},
): number {
  const caller = 'volatility';
  const periods = readPeriods(options, caller);
  const values = readReturns(returns, caller, 'returns', 2);
  const std = sampleStd(values);
  return options.annualize === false ? std : std * Math.sqrt(periods);
}
