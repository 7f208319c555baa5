import type { ReturnKind } from '@tethys/data';
import { quantileSorted } from '../statistics/robust';

export type RiskMethod = 'historical' | 'parametric' | 'cornish_fisher' | 'monte_carlo';

/**
 * Sign convention: both numbers are LOSSES expressed as positive returns. With R_h the
 * h-period return, valueAtRisk = -q where q is the (1 - level) quantile of R_h, and
 * conditionalValueAtRisk = -E[R_h | R_h <= q] (expected shortfall). A negative value means
 * even that tail is a gain. CVaR >= VaR always.
 */
export interface RiskEstimate {
  method: RiskMethod;
  /** Confidence level in (0, 1), e.g. 0.95; the tail probability is 1 - level. */
  level: number;
  /** Horizon in periods of the input returns. */
  horizon: number;
  valueAtRisk: number;
  conditionalValueAtRisk: number;
}

/** Options every method shares. */
export interface RiskLevelOptions {
  /** Confidence level in (0, 1); default 0.95. */
  level?: number;
  /** Horizon in periods (positive integer); default 1. */
  horizon?: number;
}

/** How one-period returns combine over h periods (the data lib's kinds): simple returns compound, log returns add. */
export type { ReturnKind };

export const RETURN_KINDS: readonly ReturnKind[] = ['simple', 'log'];

/**
 * VaR and CVaR of an empirical sample (finite values, already validated): VaR is minus the
 * numpy-linear (1 - level) quantile; CVaR is minus the mean of the values at or below that
 * quantile (never empty: the smallest value is always at or below it).
 */
export function empiricalTailRisk(sample: ArrayLike<number>, level: number): { valueAtRisk: number; conditionalValueAtRisk: number } {
  const sorted = Float64Array.from(sample).sort();
  const threshold = quantileSorted(sorted, 1 - level);
  let sum = 0;
  let count = 0;
  for (let i = 0; i < sorted.length && sorted[i] <= threshold; i++) {
    sum += sorted[i];
    count++;
  }
  return { valueAtRisk: -threshold, conditionalValueAtRisk: -sum / count };
}
