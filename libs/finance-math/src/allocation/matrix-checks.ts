import { CholeskyDecomposition, Matrix } from 'ml-matrix';
import { AllocationError } from './allocation-error';

/** A square matrix as rows of numbers (row-major), e.g. a covariance matrix. */
export type SquareMatrix = readonly (readonly number[])[] | readonly Float64Array[];

/** Checks the matrix is n x n, finite and symmetric (relative tolerance 1e-8), and returns it as an ml-matrix. */
export function toSymmetricMatrix(matrix: SquareMatrix, parameter: string, n?: number): Matrix {
  const size = matrix.length;
  if (size === 0) throw new AllocationError('INVALID_ARGUMENT', parameter, 'matrix is empty');
  if (n !== undefined && size !== n) {
    throw new AllocationError('DIMENSION_MISMATCH', parameter, `expected ${n} x ${n}, got ${size} rows`);
  }
  let scale = 0;
  for (let i = 0; i < size; i++) {
    const row = matrix[i];
    if (row.length !== size) {
      throw new AllocationError('DIMENSION_MISMATCH', parameter, `row ${i} has ${row.length} entries, expected ${size}`);
    }
    for (let j = 0; j < size; j++) {
      if (!Number.isFinite(row[j])) {
        throw new AllocationError('INVALID_ARGUMENT', parameter, `entry [${i}][${j}] is not finite (${row[j]})`);
      }
      scale = Math.max(scale, Math.abs(row[j]));
    }
  }
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      if (Math.abs(matrix[i][j] - matrix[j][i]) > 1e-8 * Math.max(scale, 1e-300)) {
        throw new AllocationError('NOT_SYMMETRIC', parameter, `entries [${i}][${j}] and [${j}][${i}] differ`);
      }
    }
  }
  return new Matrix(matrix.map((row) => Array.from(row)));
}

/** Throws NOT_POSITIVE_DEFINITE unless the symmetric matrix has a Cholesky factor (so it is invertible). */
export function assertPositiveDefinite(matrix: Matrix, parameter: string): CholeskyDecomposition {
  const cholesky = new CholeskyDecomposition(matrix);
  if (!cholesky.isPositiveDefinite()) {
    throw new AllocationError(
      'NOT_POSITIVE_DEFINITE',
      parameter,
      'matrix is not positive definite (singular or has a negative eigenvalue); shrink it or drop collinear assets',
    );
  }
  return cholesky;
}

/** Throws unless `values` has `n` finite entries. */
export function assertFiniteVector(values: ArrayLike<number>, parameter: string, n: number): void {
  if (values.length !== n) {
    throw new AllocationError('DIMENSION_MISMATCH', parameter, `expected ${n} entries, got ${values.length}`);
  }
  for (let i = 0; i < n; i++) {
    if (!Number.isFinite(values[i])) {
      throw new AllocationError('INVALID_ARGUMENT', parameter, `entry ${i} is not finite (${values[i]})`);
    }
  }
}
