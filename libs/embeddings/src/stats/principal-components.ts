import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { EmbeddingError } from '../embedding-error';
import { checkInteger, checkVectors } from './vector-checks';

/** The principal components of a set of vectors (the sample covariance's eigen-decomposition). */
export interface PrincipalComponents {
  /** Per-dimension mean (what the axes are centred on). */
  readonly mean: Float64Array;
  /** Variance along every principal axis (covariance eigenvalues, divisor n - 1), largest first; tiny negatives from rounding are 0. */
  readonly variances: Float64Array;
  /** Sum of the per-dimension variances (= the trace of the covariance). */
  readonly totalVariance: number;
  /** The first `axes` principal axes, unit length, each with its largest-magnitude entry positive (so results are reproducible). */
  readonly axes: Float64Array[];
}

/**
 * PCA of `vectors` keeping `axes` axes. With more vectors than dimensions it
 * eigen-decomposes the d x d covariance; otherwise the n x n Gram matrix of
 * the centred data, which has the same non-zero spectrum and is far smaller
 * (70 texts x 512 dims: a 70 x 70 problem instead of 512 x 512).
 * At most min(dim, n - 1) axes: centred data spans no more.
 */
export function principalComponents(vectors: readonly Float32Array[], axes: number, what = 'vectors'): PrincipalComponents {
  const dim = checkVectors(vectors, what, { minCount: 2 });
  const count = vectors.length;
  checkInteger(axes, 'components', 0, Math.min(dim, count - 1));
  const mean = new Float64Array(dim);
  for (const vector of vectors) for (let j = 0; j < dim; j += 1) mean[j] += vector[j];
  for (let j = 0; j < dim; j += 1) mean[j] /= count;
  const centred = vectors.map((vector) => Float64Array.from(vector, (value, j) => value - mean[j]));
  let totalVariance = 0;
  for (const row of centred) for (let j = 0; j < dim; j += 1) totalVariance += row[j] * row[j];
  totalVariance /= count - 1;

  const { variances, axes: kept } = count > dim ? covarianceEigen(centred, dim, axes) : gramEigen(centred, dim, axes);
  return { mean, variances, totalVariance, axes: kept.map(signFixed) };
}

interface Spectrum {
  variances: Float64Array;
  axes: Float64Array[];
}

function covarianceEigen(centred: readonly Float64Array[], dim: number, axes: number): Spectrum {
  // Accumulate row by row into a flat upper triangle (cache-friendly), then mirror.
  const sums = new Float64Array(dim * dim);
  for (const row of centred) {
    for (let a = 0; a < dim; a += 1) {
      const value = row[a];
      if (value === 0) continue;
      const offset = a * dim;
      for (let b = a; b < dim; b += 1) sums[offset + b] += value * row[b];
    }
  }
  const divisor = centred.length - 1;
  const covariance = new Matrix(dim, dim);
  for (let a = 0; a < dim; a += 1) {
    for (let b = a; b < dim; b += 1) {
      covariance.set(a, b, sums[a * dim + b] / divisor);
      covariance.set(b, a, sums[a * dim + b] / divisor);
    }
  }
  const { order, vectors } = sortedEigen(covariance);
  return {
    variances: Float64Array.from(order, ({ value }) => Math.max(0, value)),
    axes: order.slice(0, axes).map(({ index }) => Float64Array.from(vectors.getColumn(index))),
  };
}

function gramEigen(centred: readonly Float64Array[], dim: number, axes: number): Spectrum {
  const count = centred.length;
  const gram = new Matrix(count, count);
  for (let a = 0; a < count; a += 1) {
    for (let b = a; b < count; b += 1) {
      let sum = 0;
      for (let j = 0; j < dim; j += 1) sum += centred[a][j] * centred[b][j];
      gram.set(a, b, sum);
      gram.set(b, a, sum);
    }
  }
  const { order, vectors } = sortedEigen(gram);
  const variances = Float64Array.from(order, ({ value }) => Math.max(0, value) / (count - 1));
  // Axis k = X^T u_k, normalised (X = centred data, u_k = Gram eigenvector).
  const kept = order.slice(0, axes).map(({ index }, k) => {
    const weights = vectors.getColumn(index);
    const axis = new Float64Array(dim);
    centred.forEach((row, i) => {
      for (let j = 0; j < dim; j += 1) axis[j] += weights[i] * row[j];
    });
    const norm = Math.hypot(...axis);
    if (!(variances[k] > variances[0] * 1e-12) || norm === 0) {
      throw new EmbeddingError('BAD_PARAMETER', `the vectors span fewer than ${k + 1} dimensions around their mean; ask for at most ${k} components`);
    }
    return axis.map((value) => value / norm);
  });
  return { variances, axes: kept };
}

/** Eigen-decomposition of a symmetric matrix with eigenvalues largest first. */
function sortedEigen(symmetric: Matrix): { order: { value: number; index: number }[]; vectors: Matrix } {
  const eigen = new EigenvalueDecomposition(symmetric, { assumeSymmetric: true });
  const order = eigen.realEigenvalues.map((value, index) => ({ value, index })).sort((x, y) => y.value - x.value);
  return { order, vectors: eigen.eigenvectorMatrix };
}

function signFixed(axis: Float64Array): Float64Array {
  let largest = 0;
  for (let j = 1; j < axis.length; j += 1) if (Math.abs(axis[j]) > Math.abs(axis[largest])) largest = j;
  if (axis[largest] < 0) for (let j = 0; j < axis.length; j += 1) axis[j] = -axis[j];
  return axis;
}
