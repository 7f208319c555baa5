import { RiskMetricError } from './risk-error';
import { checkSeries } from './validation';

/** The four moments the Cornish-Fisher method uses. */
export interface ReturnMoments {
  mean: number;
  /** Standard deviation with the requested ddof (default 1, as pandas and quantstats). */
  sd: number;
  /** Moment-ratio skewness m3 / m2^(3/2) (population central moments, as PerformanceAnalytics). */
  skew: number;
  /** Excess kurtosis m4 / m2^2 - 3 (population central moments). */
  excessKurtosis: number;
}

export type Ddof = 0 | 1;

function checkDdof(ddof: number): void {
  if (ddof !== 0 && ddof !== 1) {
    throw new RiskMetricError('INVALID_PARAMETER', 'options.ddof', `ddof must be 0 or 1, got ${String(ddof)}`);
  }
}

/** Mean and standard deviation (ddof 1 by default) of a finite series of at least 2 values. */
export function meanAndSd(returns: ArrayLike<number>, ddof: Ddof = 1): { mean: number; sd: number } {
  checkDdof(ddof);
  checkSeries(returns, 'returns', 2);
  const n = returns.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += returns[i];
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += (returns[i] - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / (n - ddof)) };
}

/**
 * Sample moments of a return series. Skewness and kurtosis are the plain moment ratios
 * (no small-sample bias correction, so they do not depend on ddof). A series without
 * spread has no skewness or kurtosis: DEGENERATE_DATA rather than NaN.
 */
export function returnMoments(returns: ArrayLike<number>, options: { ddof?: Ddof } = {}): ReturnMoments {
  const { mean, sd } = meanAndSd(returns, options.ddof ?? 1);
  const n = returns.length;
  let m2 = 0;
  let m3 = 0;
  let m4 = 0;
  for (let i = 0; i < n; i++) {
    const d = returns[i] - mean;
    const d2 = d * d;
    m2 += d2;
    m3 += d2 * d;
    m4 += d2 * d2;
  }
  m2 /= n;
  m3 /= n;
  m4 /= n;
  // Relative threshold: rounding can leave a tiny m2 for a constant series with a large mean.
  if (!(m2 > 1e-24 * Math.max(1, mean * mean))) {
    throw new RiskMetricError('DEGENERATE_DATA', 'returns', 'all returns are equal: skewness and kurtosis are undefined');
  }
  return { mean, sd, skew: m3 / m2 ** 1.5, excessKurtosis: m4 / (m2 * m2) - 3 };
}
