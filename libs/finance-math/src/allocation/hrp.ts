import { AllocationError } from './allocation-error';
import { assertUniqueAssets } from './assets';
import { toSymmetricMatrix, type SquareMatrix } from './matrix-checks';
import { pairwiseCorrelation, pairwiseCovariance } from './pairwise-moments';
import { dendrogramLeafOrder, singleLinkage, type LinkageStep } from './single-linkage';

/** HRP input: either a NaN-marked returns panel (`returns[a][t]`) or a covariance matrix. */
export type HrpInput =
  | { assets: readonly string[]; returns: readonly ArrayLike<number>[] }
  | { assets: readonly string[]; covariance: SquareMatrix };

export interface HrpResult {
  assets: string[];
  /** Weights in `assets` order; non-negative, summing to 1. */
  weights: Float64Array;
  /** Quasi-diagonal (dendrogram leaf) order of asset indices. */
  order: number[];
  linkage: LinkageStep[];
  /** Covariance used for the bisection (sample covariance of the returns when returns were given). */
  covariance: number[][];
}

/**
 * Hierarchical risk parity (Lopez de Prado 2016), as PyPortfolioOpt's `HRPOpt.optimize()`:
 * distance d_ij = sqrt((1 - rho_ij) / 2), single-linkage tree, quasi-diagonal leaf order, then
 * recursive bisection where each half gets alpha = 1 - V_left / (V_left + V_right) of its parent's
 * weight, V being the variance of the half's inverse-variance portfolio.
 * Returns are used with pairwise deletion of NaNs (pandas `.cov()`/`.corr()`).
 */
export function hierarchicalRiskParity(input: HrpInput): HrpResult {
  const assets = [...input.assets];
  assertUniqueAssets(assets, 'assets');
  if (assets.length < 2) throw new AllocationError('INVALID_ARGUMENT', 'assets', `HRP needs at least 2 assets, got ${assets.length}`);

  let covariance: number[][];
  let correlation: number[][];
  if ('returns' in input) {
    if (input.returns.length !== assets.length) {
      throw new AllocationError('DIMENSION_MISMATCH', 'returns', `has ${input.returns.length} columns for ${assets.length} assets`);
    }
    covariance = pairwiseCovariance(input.returns);
    correlation = pairwiseCorrelation(input.returns);
  } else {
    covariance = toSymmetricMatrix(input.covariance, 'covariance', assets.length).to2DArray();
    correlation = covarianceToCorrelation(covariance, 'covariance');
  }

  const distances = correlation.map((row) => row.map((rho) => Math.sqrt(Math.min(Math.max((1 - rho) / 2, 0), 1))));
  const linkage = singleLinkage(distances, 'correlation distance');
  const order = dendrogramLeafOrder(linkage);
  const weights = recursiveBisection(covariance, order);
  return { assets, weights, order, linkage, covariance };
}

/** Splits each cluster (in quasi-diagonal order) at its midpoint and shares weight by inverse cluster variance. */
function recursiveBisection(covariance: number[][], order: number[]): Float64Array {
  const weights = new Float64Array(order.length).fill(1);
  let clusters: number[][] = [order];
  while (clusters.length > 0) {
    const next: number[][] = [];
    for (const cluster of clusters) {
      if (cluster.length < 2) continue;
      const middle = Math.floor(cluster.length / 2);
      const left = cluster.slice(0, middle);
      const right = cluster.slice(middle);
      const leftVariance = inverseVarianceClusterVariance(covariance, left);
      const rightVariance = inverseVarianceClusterVariance(covariance, right);
      const alpha = 1 - leftVariance / (leftVariance + rightVariance);
      for (const i of left) weights[i] *= alpha;
      for (const i of right) weights[i] *= 1 - alpha;
      next.push(left, right);
    }
    clusters = next;
  }
  return weights;
}

/**
 * Variance w' S w of the inverse-variance portfolio (w_i proportional to 1 / S_ii) of the
 * given members, PyPortfolioOpt's `HRPOpt._get_cluster_var`.
 */
export function inverseVarianceClusterVariance(covariance: SquareMatrix, members: readonly number[]): number {
  if (members.length === 0) throw new AllocationError('INVALID_ARGUMENT', 'members', 'cluster is empty');
  const inverseVariances = members.map((i) => {
    const variance = covariance[i]?.[i];
    if (variance === undefined) throw new AllocationError('UNKNOWN_ASSET', 'members', `index ${i} is outside the covariance matrix`);
    if (!(variance > 0)) {
      throw new AllocationError('NOT_POSITIVE_DEFINITE', 'covariance', `asset ${i} has variance ${variance}; must be > 0`);
    }
    return 1 / variance;
  });
  const total = inverseVariances.reduce((sum, v) => sum + v, 0);
  const w = inverseVariances.map((v) => v / total);
  let variance = 0;
  for (let a = 0; a < members.length; a++) {
    for (let b = 0; b < members.length; b++) variance += w[a] * covariance[members[a]][members[b]] * w[b];
  }
  return variance;
}

/** rho_ij = S_ij / sqrt(S_ii S_jj); throws when a variance is not positive. */
export function covarianceToCorrelation(covariance: SquareMatrix, parameter = 'covariance'): number[][] {
  const sd = covariance.map((row, i) => {
    if (!(row[i] > 0)) throw new AllocationError('NOT_POSITIVE_DEFINITE', parameter, `variance of asset ${i} is ${row[i]}; must be > 0`);
    return Math.sqrt(row[i]);
  });
  return covariance.map((row, i) => Array.from(row, (value, j) => (i === j ? 1 : value / (sd[i] * sd[j]))));
}
