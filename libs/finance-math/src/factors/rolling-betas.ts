import { FactorModelError } from './factor-error';
import { validateFactors, type FactorReturns } from './factor-exposure';
import { assertFiniteSeries, assertIntegerInRange } from './input-checks';
import { fitLeastSquares } from './least-squares';

export interface RollingBetas {
  names: string[];
  window: number;
  /** Intercept per date; NaN for the first window - 1 dates. */
  alpha: Float64Array;
  /** betas[k][t]: factor k's loading fitted on dates t - window + 1 .. t; NaN for t < window - 1. */
  betas: Float64Array[];
}

/**
 * Trailing-window OLS of y on the factors (with an intercept). The estimate at
 * date t uses observations t - window + 1 .. t inclusive, so it is known at the
 * close of t; dates before the first full window (t < window - 1) are NaN, never
 * a shorter-window fit. Throws FactorModelError: WINDOW_TOO_LONG (window > T),
 * TOO_FEW_OBSERVATIONS (window <= number of coefficients), SINGULAR_DESIGN
 * naming the window's dates (e.g. a factor constant inside one window),
 * LENGTH_MISMATCH, NON_FINITE_VALUE.
 */
export function rollingBetas(y: Float64Array, factors: FactorReturns, window: number): RollingBetas {
  const observations = y.length;
  assertFiniteSeries(y, 'y');
  validateFactors(factors, observations);
  assertIntegerInRange(window, 'window', 1);
  const coefficients = factors.names.length + 1;
  if (window > observations) {
    throw new FactorModelError(
      'WINDOW_TOO_LONG',
      'window',
      `window ${window} is longer than the series (${observations} observations); use 1..${observations}`,
    );
  }
  if (window <= coefficients) {
    throw new FactorModelError(
      'TOO_FEW_OBSERVATIONS',
      'window',
      `window ${window} cannot fit ${coefficients} coefficients; use ${coefficients + 1}..${observations}`,
    );
  }

  const alpha = new Float64Array(observations).fill(Number.NaN);
  const betas = factors.names.map(() => new Float64Array(observations).fill(Number.NaN));
  const designNames = ['const', ...factors.names];
  const ones = new Float64Array(window).fill(1);
  for (let end = window - 1; end < observations; end++) {
    const start = end - window + 1;
    const columns = [ones, ...factors.returns.map((series) => series.subarray(start, end + 1))];
    let fit;
    try {
      fit = fitLeastSquares(columns, y.subarray(start, end + 1), designNames);
    } catch (error) {
      if (error instanceof FactorModelError) {
        throw new FactorModelError(
          error.code,
          'factors',
          `in the window of observations ${start}..${end}: ${error.message}`,
          end,
        );
      }
      throw error;
    }
    alpha[end] = fit.coefficients[0];
    betas.forEach((series, k) => (series[end] = fit.coefficients[k + 1]));
  }
  return { names: [...factors.names], window, alpha, betas };
}
