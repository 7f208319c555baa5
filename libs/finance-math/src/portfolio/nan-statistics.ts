import { Matrix } from 'ml-matrix';
import { RiskModelError } from './risk-model-error';

/**
 * NaN marks a missing value. A self-comparison instead of `Number.isNaN`: hot
 * loops call this millions of times, and a global lookup is slow inside
 * sandboxes such as jest's vm context (about 10x here).
 */
export function isMissing(value: number): boolean {
  return value !== value;
}

/** +-Infinity (not NaN): Infinity - Infinity is NaN, finite - finite is 0. */
export function isInfinite(value: number): boolean {
  return value === value && value - value !== 0;
}

/** Mean of the non-NaN values (pandas `Series.mean()`); NaN when there are none. */
export function nanMean(values: ArrayLike<number>): number {
  let sum = 0;
  let count = 0;
  for (let t = 0; t < values.length; t++) {
    const value = values[t];
    if (isMissing(value)) continue;
    sum += value;
    count++;
  }
  return count === 0 ? Number.NaN : sum / count;
}

/**
 * Covariance of x and y over the dates where both are present (pandas
 * pairwise-complete `.cov()`): both means are taken over those shared dates,
 * divisor `n - ddof`. Returns NaN when fewer than `ddof + 1` dates overlap.
 */
export function pairwiseCovariance(x: ArrayLike<number>, y: ArrayLike<number>, ddof = 1): number {
  let sumX = 0;
  let sumY = 0;
  let n = 0;
  for (let t = 0; t < x.length; t++) {
    if (isMissing(x[t]) || isMissing(y[t])) continue;
    sumX += x[t];
    sumY += y[t];
    n++;
  }
  if (n - ddof <= 0) return Number.NaN;
  const meanX = sumX / n;
  const meanY = sumY / n;
  let sum = 0;
  for (let t = 0; t < x.length; t++) {
    if (isMissing(x[t]) || isMissing(y[t])) continue;
    sum += (x[t] - meanX) * (y[t] - meanY);
  }
  return sum / (n - ddof);
}

/**
 * The pairwise-complete sample covariance matrix (ddof 1) of `series`.
 * A pair sharing fewer than 2 dates has no covariance: INSUFFICIENT_DATA naming it.
 */
export function pairwiseCovarianceMatrix(series: Float64Array[], assets: string[], parameter = 'panel'): Matrix {
  const n = series.length;
  const cov = new Matrix(n, n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = pairwiseCovariance(series[i], series[j]);
      if (isMissing(value)) {
        const pair = i === j ? assets[i] : `${assets[i]}/${assets[j]}`;
        throw new RiskModelError(
          'INSUFFICIENT_DATA',
          `a covariance needs at least 2 dates where ${i === j ? 'the asset has a return' : 'both assets have returns'}`,
          { parameter, asset: pair },
        );
      }
      cov.set(i, j, value);
      cov.set(j, i, value);
    }
  }
  return cov;
}

/** Replaces NaN with 0 (numpy `nan_to_num`), as PyPortfolioOpt does before its shrinkage formulas. */
export function zeroFilled(series: Float64Array): Float64Array {
  return series.map((value) => (isMissing(value) ? 0 : value));
}
