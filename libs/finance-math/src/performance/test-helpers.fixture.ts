import { PerformanceMetricError, type PerformanceMetricErrorCode } from './errors';

/** Test-only: asserts that `run` throws a PerformanceMetricError with this code and parameter. */
export function expectMetricError(run: () => unknown, code: PerformanceMetricErrorCode, parameter: string): void {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PerformanceMetricError);
  const error = caught as PerformanceMetricError;
  expect({ code: error.code, parameter: error.parameter }).toEqual({ code, parameter });
}

/** Test-only: |actual - expected| <= tolerance * max(1, |expected|). */
export function expectRelativelyClose(actual: number, expected: number, tolerance = 1e-10): void {
  expect(Number.isFinite(actual)).toBe(true);
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(tolerance * Math.max(1, Math.abs(expected)));
}

/** Hand-checkable series used across the specs: mean 0.004, sum of squared deviations 0.02532. */
export const SERIES_A = [0.1, -0.05, 0.02, -0.1, 0.05];
