import { quantile } from '../statistics/robust';
import { PerformanceMetricError } from './errors';
import { excessReturns, perPeriodRate, readAnnualRate, readPeriods, readReturns, type RiskFreeOptions } from './series';

/**
 * Metrics of the return distribution. Following quantstats they are computed per period of
 * the series (not per trade): a "win" is a period with a positive return.
 */

function undefinedRatio(caller: string, reason: string): PerformanceMetricError {
  return new PerformanceMetricError('UNDEFINED_RATIO', 'returns', `${caller}: ${reason}, so the ratio is undefined`);
}

/** Options of the Omega ratio. */
export interface OmegaOptions extends RiskFreeOptions {
  /** Annual required return (threshold), > -1; default 0. De-annualised like the risk-free rate. */
  requiredReturn?: number;
}

/**
 * Omega ratio, quantstats `omega`: with x = r - rf_p and threshold tau = (1 + requiredReturn)^(1/periods) - 1
 * (tau = requiredReturn when periods = 1), sum(max(x - tau, 0)) / sum(max(tau - x, 0)). Needs 2 observations.
 */
export function omega(returns: ArrayLike<number>, options: OmegaOptions = {}): number {
  const caller = 'omega';
  const periods = readPeriods(options, caller);
  const riskFree = readAnnualRate(options.riskFreeRate, caller, 'options.riskFreeRate');
  const required = readAnnualRate(options.requiredReturn, caller, 'options.requiredReturn');
  const excess = excessReturns(readReturns(returns, caller, 'returns', 2), riskFree, periods);
  const threshold = periods === 1 ? required : perPeriodRate(required, periods);
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < excess.length; i++) {
    const deviation = excess[i] - threshold;
    if (deviation > 0) gains += deviation;
    else losses -= deviation;
  }
  if (!(losses > 0)) throw undefinedRatio(caller, 'no return falls below the threshold');
  return gains / losses;
}

/**
 * Tail ratio, quantstats `tail_ratio`: |Q(cutoff) / Q(1 - cutoff)| with numpy/pandas linear
 * quantiles; cutoff in (0, 1), default 0.95.
 */
export function tailRatio(returns: ArrayLike<number>, options: { cutoff?: number } = {}): number {
  const caller = 'tailRatio';
  const cutoff = options.cutoff ?? 0.95;
  if (typeof cutoff !== 'number' || !(cutoff > 0 && cutoff < 1)) {
    throw new PerformanceMetricError(
      'INVALID_PARAMETER',
      'options.cutoff',
      `${caller}: options.cutoff must be in (0, 1), got ${String(cutoff)}`,
    );
  }
  const values = readReturns(returns, caller);
  const lower = quantile(values, 1 - cutoff);
  if (lower === 0) throw undefinedRatio(caller, `the ${1 - cutoff} quantile is 0`);
  return Math.abs(quantile(values, cutoff) / lower);
}

/**
 * Gain-to-pain ratio (Schwager), quantstats `gain_to_pain_ratio` at the series' own
 * resolution: sum(r) / |sum(min(r, 0))|. No risk-free adjustment, as in quantstats.
 */
export function gainToPain(returns: ArrayLike<number>): number {
  const caller = 'gainToPain';
  const values = readReturns(returns, caller);
  let total = 0;
  let pain = 0;
  for (let i = 0; i < values.length; i++) {
    total += values[i];
    if (values[i] < 0) pain -= values[i];
  }
  if (pain === 0) throw undefinedRatio(caller, 'there is no negative return');
  return total / pain;
}

/** Win rate, quantstats `win_rate`: #(r > 0) / #(r != 0); zero returns count as no trade. */
export function winRate(returns: ArrayLike<number>): number {
  return winRateOf(readReturns(returns, 'winRate'), 'winRate');
}

function winRateOf(values: Float64Array, caller: string): number {
  let wins = 0;
  let active = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] !== 0) active++;
    if (values[i] > 0) wins++;
  }
  if (active === 0) {
    throw new PerformanceMetricError('UNDEFINED_RATIO', 'returns', `${caller}: every return is zero, so the win rate is undefined`);
  }
  return wins / active;
}

/** Payoff ratio, quantstats `payoff_ratio`: mean(r | r > 0) / |mean(r | r < 0)|. */
export function payoffRatio(returns: ArrayLike<number>): number {
  return payoffOf(readReturns(returns, 'payoffRatio'), 'payoffRatio');
}

function payoffOf(values: Float64Array, caller: string): number {
  let winSum = 0;
  let winCount = 0;
  let lossSum = 0;
  let lossCount = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] > 0) {
      winSum += values[i];
      winCount++;
    } else if (values[i] < 0) {
      lossSum -= values[i];
      lossCount++;
    }
  }
  if (lossCount === 0) throw undefinedRatio(caller, 'there is no losing period');
  if (winCount === 0) throw undefinedRatio(caller, 'there is no winning period (the average win is undefined)');
  return winSum / winCount / (lossSum / lossCount);
}

/** Profit factor, quantstats `profit_factor`: sum(r | r >= 0) / |sum(r | r < 0)|. */
export function profitFactor(returns: ArrayLike<number>): number {
  const caller = 'profitFactor';
  const values = readReturns(returns, caller);
  let gains = 0;
  let losses = 0;
  for (let i = 0; i < values.length; i++) {
    if (values[i] >= 0) gains += values[i];
    else losses -= values[i];
  }
  if (losses === 0) throw undefinedRatio(caller, 'there is no losing period');
  return gains / losses;
}

/**
 * Kelly fraction, quantstats `kelly_criterion`: p - (1 - p) / b with p the win rate and
 * b the payoff ratio (fixed-odds Kelly; a fraction of capital, may be negative).
 */
export function kelly(returns: ArrayLike<number>): number {
  const caller = 'kelly';
  const values = readReturns(returns, caller);
  const payoff = payoffOf(values, caller);
  const p = winRateOf(values, caller);
  return p - (1 - p) / payoff;
}
