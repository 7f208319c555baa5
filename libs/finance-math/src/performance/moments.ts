import { requirePositiveRisk } from './risk-guard';
import { readReturns } from './series';

/**
 * Sample moments with pandas' conventions (quantstats calls pandas): `std` uses ddof = 1,
 * `skew` and `kurtosis` are the bias-corrected (adjusted Fisher-Pearson) estimators.
 */

export function mean(values: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

/** Sum of (x - mean)^power over the values (two-pass, so no catastrophic cancellation). */
function centralSum(values: Float64Array, center: number, power: number): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - center) ** power;
  return sum;
}

/** Sample variance with ddof = 1; needs two values. */
export function sampleVariance(values: Float64Array): number {
  return centralSum(values, mean(values), 2) / (values.length - 1);
}

export function sampleStd(values: Float64Array): number {
  return Math.sqrt(sampleVariance(values));
}

/** Sample covariance with ddof = 1 of two equally long series. */
export function sampleCovariance(x: Float64Array, y: Float64Array): number {
  const meanX = mean(x);
  const meanY = mean(y);
  let sum = 0;
  for (let i = 0; i < x.length; i++) sum += (x[i] - meanX) * (y[i] - meanY);
  return sum / (x.length - 1);
}

/**
 * Pearson correlation of two equally long series, or NaN when either is constant.
 * Internal only: public metrics turn the NaN into a typed error.
 */
export function pearsonCorrelation(x: Float64Array, y: Float64Array): number {
  const meanX = mean(x);
  const meanY = mean(y);
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < x.length; i++) {
    const dx = x[i] - meanX;
    const dy = y[i] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx === 0 || syy === 0) return NaN;
  // Clamp: rounding can push |r| a hair past 1.
  return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
}

function requireVariation(values: Float64Array, sumSquares: number, caller: string): void {
  requirePositiveRisk(Math.sqrt(sumSquares / values.length), values, caller, 'the spread of the returns (a constant series)');
}

/**
 * Skewness, pandas `Series.skew()`: G1 = sqrt(n (n - 1)) / (n - 2) * m3 / m2^1.5 with
 * m_k the biased central moments. Needs 3 observations and some variation (pandas
 * returns 0 for a constant series; we refuse it).
 */
export function skew(returns: ArrayLike<number>): number {
  const caller = 'skew';
  const values = readReturns(returns, caller, 'returns', 3);
  const n = values.length;
  const center = mean(values);
  const sum2 = centralSum(values, center, 2);
  requireVariation(values, sum2, caller);
  const m2 = sum2 / n;
  const m3 = centralSum(values, center, 3) / n;
  return ((Math.sqrt(n * (n - 1)) / (n - 2)) * m3) / m2 ** 1.5;
}

/**
 * Excess kurtosis, pandas `Series.kurtosis()` (0 for a normal distribution):
 * n (n + 1) (n - 1) S4 / ((n - 2) (n - 3) S2^2) - 3 (n - 1)^2 / ((n - 2) (n - 3)), with
 * S_k the sums of k-th powers of deviations. Needs 4 observations and some variation.
 */
export function kurtosis(returns: ArrayLike<number>): number {
  const caller = 'kurtosis';
  const values = readReturns(returns, caller, 'returns', 4);
  const n = values.length;
  const center = mean(values);
  const sum2 = centralSum(values, center, 2);
  requireVariation(values, sum2, caller);
  const sum4 = centralSum(values, center, 4);
  const scale = (n - 2) * (n - 3);
  return (n * (n + 1) * (n - 1) * sum4) / (scale * sum2 * sum2) - (3 * (n - 1) ** 2) / scale;
}
