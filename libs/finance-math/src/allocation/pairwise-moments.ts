import { AllocationError } from './allocation-error';

/**
 * Sample covariance (ddof 1) of NaN-marked return columns, pandas `DataFrame.cov()` style:
 * each pair uses only the dates where both assets have a value (pairwise deletion).
 * `returns[a][t]` is asset a's return on date t. Multiply by a frequency yourself to annualise.
 */
export function pairwiseCovariance(returns: readonly ArrayLike<number>[], parameter = 'returns'): number[][] {
  return pairwiseMoments(returns, parameter, false);
}

/** Pearson correlation with pairwise deletion (pandas `DataFrame.corr()`), diagonal exactly 1. */
export function pairwiseCorrelation(returns: readonly ArrayLike<number>[], parameter = 'returns'): number[][] {
  return pairwiseMoments(returns, parameter, true);
}

function pairwiseMoments(returns: readonly ArrayLike<number>[], parameter: string, correlation: boolean): number[][] {
  const n = returns.length;
  if (n === 0) throw new AllocationError('INVALID_ARGUMENT', parameter, 'no assets');
  const length = returns[0].length;
  returns.forEach((column, a) => {
    if (column.length !== length) {
      throw new AllocationError('DIMENSION_MISMATCH', `${parameter}[${a}]`, `has ${column.length} dates, expected ${length}`);
    }
  });
  const result = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      const value = pairMoment(returns[i], returns[j], correlation);
      if (Number.isNaN(value)) {
        throw new AllocationError(
          'INSUFFICIENT_DATA',
          parameter,
          `assets ${i} and ${j} share fewer than 2 dates with values (or one is constant), so their ${correlation ? 'correlation' : 'covariance'} is undefined`,
        );
      }
      result[i][j] = value;
      result[j][i] = value;
    }
  }
  return result;
}

function pairMoment(x: ArrayLike<number>, y: ArrayLike<number>, correlation: boolean): number {
  let count = 0;
  let sumX = 0;
  let sumY = 0;
  for (let t = 0; t < x.length; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
    count++;
    sumX += x[t];
    sumY += y[t];
  }
  if (count < 2) return NaN;
  const meanX = sumX / count;
  const meanY = sumY / count;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let t = 0; t < x.length; t++) {
    if (Number.isNaN(x[t]) || Number.isNaN(y[t])) continue;
    const dx = x[t] - meanX;
    const dy = y[t] - meanY;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (!correlation) return sxy / (count - 1);
  if (x === y) return sxx > 0 ? 1 : NaN;
  const denominator = Math.sqrt(sxx * syy);
  return denominator > 0 ? sxy / denominator : NaN;
}
