import { inverse, Matrix } from 'ml-matrix';

/** Sigma^-1 v for a small test covariance. */
export function solveWith(covariance: Matrix, v: number[]): number[] {
  return inverse(covariance).mmul(Matrix.columnVector(v)).getColumn(0);
}

export function sum(values: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < values.length; i++) total += values[i];
  return total;
}

export function dotProduct(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let total = 0;
  for (let i = 0; i < a.length; i++) total += a[i] * b[i];
  return total;
}

export function expectClose(actual: ArrayLike<number>, expected: ArrayLike<number>, tolerance: number): void {
  expect(actual.length).toBe(expected.length);
  const failures: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= tolerance)) failures.push(`[${i}] ${actual[i]} vs ${expected[i]}`);
  }
  expect(failures).toEqual([]);
}

/**
 * Three assets with positive closed-form weights: vols 20%, 25%, 30%,
 * correlations 0.3 / 0.1 / 0.2; annual expected returns 8%, 12%, 15%.
 */
export const THREE_ASSETS = ['A', 'B', 'C'];
export const THREE_MU = Float64Array.from([0.08, 0.12, 0.15]);
export const THREE_COV = new Matrix([
  [0.04, 0.3 * 0.2 * 0.25, 0.1 * 0.2 * 0.3],
  [0.3 * 0.2 * 0.25, 0.0625, 0.2 * 0.25 * 0.3],
  [0.1 * 0.2 * 0.3, 0.2 * 0.25 * 0.3, 0.09],
]);
