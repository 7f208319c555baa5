import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { RiskModelError } from './risk-model-error';

/** How `fixNonPositiveSemidefinite` repairs a matrix (PyPortfolioOpt's `fix_method`). */
export type PsdFixMethod = 'spectral' | 'diag';

const FIX_METHODS: readonly PsdFixMethod[] = ['spectral', 'diag'];

/**
 * PyPortfolioOpt's test: a Cholesky factorisation of `matrix + 1e-16 I`
 * succeeds (every pivot > 0, as LAPACK's potrf). Cheaper than eigenvalues.
 */
export function isPositiveSemidefinite(matrix: Matrix): boolean {
  const n = checkSquare(matrix, 'matrix').rows;
  const lower = new Matrix(n, n);
  for (let j = 0; j < n; j++) {
    let pivot = matrix.get(j, j) + 1e-16;
    for (let k = 0; k < j; k++) pivot -= lower.get(j, k) ** 2;
    if (!(pivot > 0)) return false;
    const root = Math.sqrt(pivot);
    lower.set(j, j, root);
    for (let i = j + 1; i < n; i++) {
      let sum = matrix.get(i, j);
      for (let k = 0; k < j; k++) sum -= lower.get(i, k) * lower.get(j, k);
      lower.set(i, j, sum / root);
    }
  }
  return true;
}

/**
 * Returns `matrix` itself when it is positive semidefinite; otherwise a repaired
 * copy: 'spectral' (default) rebuilds V diag(max(q, 0)) V' from the symmetric
 * eigendecomposition; 'diag' subtracts 1.1 * min(q) from the diagonal. As in
 * PyPortfolioOpt, a repair that still fails the test is returned as is.
 */
export function fixNonPositiveSemidefinite(matrix: Matrix, fixMethod: PsdFixMethod = 'spectral'): Matrix {
  if (!FIX_METHODS.includes(fixMethod)) {
    throw new RiskModelError('INVALID_ARGUMENT', `must be 'spectral' or 'diag', got ${JSON.stringify(fixMethod)}`, {
      parameter: 'options.fixMethod',
    });
  }
  checkSquare(matrix, 'matrix');
  if (isPositiveSemidefinite(matrix)) return matrix;
  const eigen = new EigenvalueDecomposition(matrix, { assumeSymmetric: true });
  const eigenvalues = eigen.realEigenvalues;
  if (fixMethod === 'diag') {
    const shift = 1.1 * Math.min(...eigenvalues);
    const fixed = matrix.clone();
    for (let i = 0; i < fixed.rows; i++) fixed.set(i, i, fixed.get(i, i) - shift);
    return fixed;
  }
  const vectors = eigen.eigenvectorMatrix;
  const clipped = Matrix.diag(eigenvalues.map((value) => (value > 0 ? value : 0)));
  return vectors.mmul(clipped).mmul(vectors.transpose());
}

/** Square, finite: anything else cannot be a covariance matrix. */
export function checkSquare(matrix: Matrix, parameter: string): Matrix {
  if (!(matrix instanceof Matrix) || matrix.rows !== matrix.columns || matrix.rows === 0) {
    const shape = matrix instanceof Matrix ? `${matrix.rows}x${matrix.columns}` : typeof matrix;
    throw new RiskModelError('SHAPE_MISMATCH', `must be a non-empty square Matrix, got ${shape}`, { parameter });
  }
  for (let i = 0; i < matrix.rows; i++) {
    for (let j = 0; j < matrix.columns; j++) {
      if (!Number.isFinite(matrix.get(i, j))) {
        throw new RiskModelError('NON_FINITE', `entry (${i}, ${j}) is ${matrix.get(i, j)}`, { parameter });
      }
    }
  }
  return matrix;
}
