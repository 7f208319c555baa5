import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { EmbeddingError } from '../embedding-error';

/** A fitted principal-component projection: `project(x) = (x - mean) · components^T`. */
export interface PcaProjection {
  /** Input dimension. */
  readonly inputDim: number;
  /** Output dimension (number of components). */
  readonly outputDim: number;
  /** Column means of the fitted rows, length inputDim. */
  readonly mean: Float64Array;
  /** Row-major [outputDim, inputDim]: unit eigenvectors of the covariance, largest variance first. */
  readonly components: Float64Array;
  /** Variance along each component. */
  readonly variances: Float64Array;
}

/**
 * PCA of `rows` (each of length inputDim) by eigen-decomposition of the
 * covariance. Deterministic: each component's sign is fixed so that its
 * largest-magnitude coordinate is positive.
 */
export function fitPca(rows: readonly Float32Array[], outputDim: number): PcaProjection {
  if (rows.length < 2) throw new EmbeddingError('BAD_PARAMETER', `PCA needs at least 2 rows, got ${rows.length}`);
  const inputDim = rows[0].length;
  if (!Number.isInteger(outputDim) || outputDim < 1 || outputDim > inputDim) {
    throw new EmbeddingError('BAD_PARAMETER', `dim must be an integer in [1, ${inputDim}] (the teacher's dimension), got ${outputDim}`);
  }
  const mean = new Float64Array(inputDim);
  for (const row of rows) for (let j = 0; j < inputDim; j += 1) mean[j] += row[j];
  for (let j = 0; j < inputDim; j += 1) mean[j] /= rows.length;

  // Upper triangle of the scatter matrix, then mirrored: half the work of X^T X.
  const scatter = new Float64Array(inputDim * inputDim);
  const centred = new Float64Array(inputDim);
  for (const row of rows) {
    for (let j = 0; j < inputDim; j += 1) centred[j] = row[j] - mean[j];
    for (let i = 0; i < inputDim; i += 1) {
      const ci = centred[i];
      if (ci === 0) continue;
      const base = i * inputDim;
      for (let j = i; j < inputDim; j += 1) scatter[base + j] += ci * centred[j];
    }
  }
  const covariance = new Matrix(inputDim, inputDim);
  for (let i = 0; i < inputDim; i += 1) {
    for (let j = i; j < inputDim; j += 1) {
      const value = scatter[i * inputDim + j] / (rows.length - 1);
      covariance.set(i, j, value);
      covariance.set(j, i, value);
    }
  }
  const evd = new EigenvalueDecomposition(covariance, { assumeSymmetric: true });
  const eigenvalues = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const order = eigenvalues.map((_, index) => index).sort((a, b) => eigenvalues[b] - eigenvalues[a] || a - b);

  const components = new Float64Array(outputDim * inputDim);
  const variances = new Float64Array(outputDim);
  for (let k = 0; k < outputDim; k += 1) {
    const column = order[k];
    variances[k] = Math.max(0, eigenvalues[column]);
    let largest = 0;
    for (let j = 0; j < inputDim; j += 1) {
      const value = vectors.get(j, column);
      if (Math.abs(value) > Math.abs(largest)) largest = value;
    }
    const sign = largest < 0 ? -1 : 1;
    for (let j = 0; j < inputDim; j += 1) components[k * inputDim + j] = sign * vectors.get(j, column);
  }
  return { inputDim, outputDim, mean, components, variances };
}

/** Projects one row into `out` (length outputDim). */
export function pcaProject(pca: PcaProjection, row: Float32Array, out: Float32Array): void {
  const { inputDim, outputDim, mean, components } = pca;
  for (let k = 0; k < outputDim; k += 1) {
    let sum = 0;
    const base = k * inputDim;
    for (let j = 0; j < inputDim; j += 1) sum += (row[j] - mean[j]) * components[base + j];
    out[k] = sum;
  }
}
