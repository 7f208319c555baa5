import { Matrix } from 'ml-matrix';
import { FactorModelError } from './factor-error';

/** The pieces of a least-squares fit that every estimator here shares. */
export interface LeastSquaresFit {
  /** b = argmin |y - X b|², one entry per design column. */
  coefficients: Float64Array;
  /** (X'X)^-1, p x p: the sandwich "bread" for every covariance estimator. */
  inverseGram: Matrix;
  /** u = y - X b. */
  residuals: Float64Array;
}

/**
 * Least squares by Householder QR with column pivoting on the column-equilibrated
 * design (each column divided by its Euclidean norm, so the rank test ignores
 * units). The design is singular when a pivot |R_kk| falls to max(T, p) · ε · |R_00|
 * (numpy's `matrix_rank` tolerance, applied to the rank-revealing QR). Plain typed
 * arrays rather than ml-matrix decompositions: rolling fits call this thousands of times.
 * `columns` are the design's columns (intercept included); `columnNames` label errors.
 */
export function fitLeastSquares(
  columns: readonly Float64Array[],
  y: Float64Array,
  columnNames: readonly string[],
): LeastSquaresFit {
  const p = columns.length;
  const rows = y.length;
  const norms = columns.map((column, j) => {
    let sum = 0;
    for (let t = 0; t < rows; t++) sum += column[t] ** 2;
    if (sum === 0) {
      throw new FactorModelError('SINGULAR_DESIGN', 'X', `design column ${columnNames[j]} is all zeros, so its coefficient is not identified`);
    }
    return Math.sqrt(sum);
  });
  // Working copies: a[k] is the k-th column after pivoting; order[k] its original index.
  const a = columns.map((column, j) => column.map((value) => value / norms[j]));
  const order = Array.from({ length: p }, (_, j) => j);
  const qty = Float64Array.from(y);
  const r = Array.from({ length: p }, () => new Float64Array(p));
  const tolerance = Math.max(rows, p) * Number.EPSILON;
  let firstPivot = 0;

  for (let k = 0; k < p; k++) {
    // Pivot: the remaining column with the largest norm below row k.
    let best = k;
    let bestNorm = -1;
    for (let j = k; j < p; j++) {
      let sum = 0;
      for (let t = k; t < rows; t++) sum += a[j][t] ** 2;
      if (sum > bestNorm) {
        bestNorm = sum;
        best = j;
      }
    }
    [a[k], a[best]] = [a[best], a[k]];
    [order[k], order[best]] = [order[best], order[k]];
    for (let i = 0; i < k; i++) [r[i][k], r[i][best]] = [r[i][best], r[i][k]];
    const norm = Math.sqrt(bestNorm);
    if (k === 0) firstPivot = norm;
    if (!(norm > tolerance * firstPivot)) {
      const earlier = order.slice(0, k).map((j) => columnNames[j]);
      throw new FactorModelError(
        'SINGULAR_DESIGN',
        'X',
        `design matrix is rank deficient: column ${columnNames[order[k]]} is (numerically) a linear combination of ` +
          `${earlier.join(', ')} (a factor duplicated or combined from others, or a constant factor alongside the intercept)`,
      );
    }
    // Householder reflector v = x - alpha e_k zeroes column k below the diagonal.
    const column = a[k];
    const alpha = column[k] > 0 ? -norm : norm;
    column[k] -= alpha;
    let vv = 0;
    for (let t = k; t < rows; t++) vv += column[t] ** 2;
    const reflect = (target: Float64Array) => {
      let dot = 0;
      for (let t = k; t < rows; t++) dot += column[t] * target[t];
      const scale = (2 * dot) / vv;
      for (let t = k; t < rows; t++) target[t] -= scale * column[t];
    };
    for (let j = k + 1; j < p; j++) {
      reflect(a[j]);
      r[k][j] = a[j][k];
    }
    reflect(qty);
    r[k][k] = alpha;
  }

  // Back substitution R z = (Q'y)[0..p); R^-1 for the bread (X̃'X̃)^-1 = P R^-1 R^-T P'.
  const z = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let sum = qty[i];
    for (let j = i + 1; j < p; j++) sum -= r[i][j] * z[j];
    z[i] = sum / r[i][i];
  }
  const rInverse = Array.from({ length: p }, () => new Float64Array(p));
  for (let j = 0; j < p; j++) {
    rInverse[j][j] = 1 / r[j][j];
    for (let i = j - 1; i >= 0; i--) {
      let sum = 0;
      for (let m = i + 1; m <= j; m++) sum += r[i][m] * rInverse[m][j];
      rInverse[i][j] = -sum / r[i][i];
    }
  }
  const coefficients = new Float64Array(p);
  for (let k = 0; k < p; k++) coefficients[order[k]] = z[k] / norms[order[k]];
  const inverseGram = new Matrix(p, p);
  for (let i = 0; i < p; i++) {
    for (let j = i; j < p; j++) {
      let sum = 0;
      for (let m = Math.max(i, j); m < p; m++) sum += rInverse[i][m] * rInverse[j][m];
      const value = sum / (norms[order[i]] * norms[order[j]]);
      inverseGram.set(order[i], order[j], value);
      inverseGram.set(order[j], order[i], value);
    }
  }

  const residuals = Float64Array.from(y);
  for (let j = 0; j < p; j++) {
    const column = columns[j];
    const b = coefficients[j];
    for (let t = 0; t < rows; t++) residuals[t] -= column[t] * b;
  }
  return { coefficients, inverseGram, residuals };
}
