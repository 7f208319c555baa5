import { CholeskyDecomposition, EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { formatValue, PortfolioOptimizationError } from './errors';

/** Validated optimiser inputs: covariance as dense rows, for building QPs. */
export interface FrontierData {
  assets: readonly string[];
  /** Annual expected returns, or null when only volatility objectives are used. */
  expectedReturns: Float64Array | null;
  covariance: Float64Array[];
}

/** Relative tolerance for symmetry and for the positive-semidefinite test. */
const SYMMETRY_TOLERANCE = 1e-8;
const PSD_TOLERANCE = 1e-10;

/**
 * Checks names, expected returns and covariance: sizes agree, values are
 * finite, the covariance is symmetric (to 1e-8 of its largest diagonal) and
 * positive semidefinite (Cholesky of Sigma + 1e-10 * max(diag) * I succeeds;
 * on failure the most negative eigenvalue is reported).
 */
export function validateFrontierInput(
  assets: readonly string[],
  expectedReturns: Float64Array | null,
  covariance: Matrix,
): FrontierData {
  const n = assets.length;
  if (n === 0) throw new PortfolioOptimizationError('INVALID_INPUT', 'at least one asset is required', 'assets');
  const seen = new Set<string>();
  for (const asset of assets) {
    if (seen.has(asset)) throw new PortfolioOptimizationError('INVALID_INPUT', `duplicate asset name ${JSON.stringify(asset)}`, 'assets');
    seen.add(asset);
  }
  if (expectedReturns !== null) {
    if (expectedReturns.length !== n) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `length ${expectedReturns.length} does not match ${n} assets`, 'expectedReturns');
    }
    expectedReturns.forEach((value, i) => {
      if (!Number.isFinite(value)) {
        throw new PortfolioOptimizationError('INVALID_INPUT', `not finite (${value}) for asset ${assets[i]}`, `expectedReturns[${i}]`);
      }
    });
  }
  if (covariance.rows !== n || covariance.columns !== n) {
    throw new PortfolioOptimizationError('INVALID_INPUT', `shape ${covariance.rows}x${covariance.columns} does not match ${n} assets`, 'covariance');
  }
  const rows = Array.from({ length: n }, (_, i) => Float64Array.from(covariance.getRow(i)));
  checkSymmetric(rows, assets);
  symmetrize(rows);
  checkPositiveSemidefinite(rows);
  return { assets: [...assets], expectedReturns: expectedReturns === null ? null : Float64Array.from(expectedReturns), covariance: rows };
}

function checkSymmetric(rows: Float64Array[], assets: readonly string[]): void {
  const n = rows.length;
  let largestDiagonal = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (!Number.isFinite(rows[i][j])) {
        throw new PortfolioOptimizationError('INVALID_INPUT', `not finite (${rows[i][j]})`, `covariance[${i}][${j}]`);
      }
    }
    largestDiagonal = Math.max(largestDiagonal, Math.abs(rows[i][i]));
  }
  const tolerance = SYMMETRY_TOLERANCE * Math.max(largestDiagonal, Number.MIN_VALUE);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < i; j++) {
      if (Math.abs(rows[i][j] - rows[j][i]) > tolerance) {
        throw new PortfolioOptimizationError(
          'COVARIANCE_NOT_SYMMETRIC',
          `covariance is not symmetric: [${i}][${j}] = ${formatValue(rows[i][j])} but [${j}][${i}] = ${formatValue(rows[j][i])} (${assets[i]}, ${assets[j]})`,
          'covariance',
        );
      }
    }
  }
}

/**
 * Averages S and S' in place: within the tolerance checkSymmetric allows, estimators
 * leave rounding asymmetry (~1e-18) that exact-symmetry code (Cholesky) refuses.
 */
function symmetrize(rows: Float64Array[]): void {
  for (let i = 0; i < rows.length; i++) {
    for (let j = 0; j < i; j++) {
      const mean = (rows[i][j] + rows[j][i]) / 2;
      rows[i][j] = mean;
      rows[j][i] = mean;
    }
  }
}

function checkPositiveSemidefinite(rows: Float64Array[]): void {
  const n = rows.length;
  let largestDiagonal = 0;
  for (let i = 0; i < n; i++) {
    if (rows[i][i] < 0) {
      throw new PortfolioOptimizationError('COVARIANCE_NOT_PSD', `covariance is not positive semidefinite: negative variance ${formatValue(rows[i][i])} on the diagonal at ${i}`, 'covariance');
    }
    largestDiagonal = Math.max(largestDiagonal, rows[i][i]);
  }
  const jitter = PSD_TOLERANCE * Math.max(largestDiagonal, Number.MIN_VALUE);
  const shifted = new Matrix(rows.map((row, i) => Array.from(row, (v, j) => (i === j ? v + jitter : v))));
  if (new CholeskyDecomposition(shifted).isPositiveDefinite()) return;
  const eigenvalues = new EigenvalueDecomposition(new Matrix(rows.map((row) => Array.from(row))), { assumeSymmetric: true }).realEigenvalues;
  const smallest = Math.min(...eigenvalues);
  throw new PortfolioOptimizationError(
    'COVARIANCE_NOT_PSD',
    `covariance is not positive semidefinite: smallest eigenvalue ${formatValue(smallest)} < 0 (eigenvalues must be >= 0)`,
    'covariance',
  );
}
