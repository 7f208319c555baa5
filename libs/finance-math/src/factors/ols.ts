import { Matrix } from 'ml-matrix';
import { FactorModelError } from './factor-error';
import { assertFiniteSeries, assertIntegerInRange, assertLength, mean } from './input-checks';
import { fitLeastSquares } from './least-squares';
import { defaultNeweyWestLags, neweyWestCovariance } from './newey-west';
import { studentTTwoSidedPValue } from './student-t';

/** Regressors: an ml-matrix with one row per observation, or one Float64Array per regressor (column). */
export type Regressors = Matrix | readonly Float64Array[];

export interface OlsOptions {
  /** Prepend a column of ones (named 'const'); default true. */
  intercept?: boolean;
  /** Newey-West lags L (integer in [0, T - 1]); default floor(4 (T / 100)^(2/9)). */
  hac?: { lags?: number };
  /** Regressor names, one per column of X (without 'const'); default x0, x1, ... */
  names?: readonly string[];
}

/** Standard errors with their t-statistics and two-sided Student-t p-values (df = T - p). */
export interface CoefficientInference {
  standardErrors: Float64Array;
  tStats: Float64Array;
  pValues: Float64Array;
  /** Coefficient covariance matrix, p x p. */
  covariance: Matrix;
}

export interface OlsResult {
  /** Coefficient names in order: 'const' first when there is an intercept. */
  names: string[];
  coefficients: Float64Array;
  /** Classic (homoskedastic) inference: V = s² (X'X)^-1, s² = RSS / (T - p). */
  classic: CoefficientInference;
  /** Newey-West HAC inference with Bartlett weights. */
  hac: CoefficientInference & { lags: number };
  /** 1 - RSS / TSS; TSS is centred with an intercept, uncentred (Σ y²) without (statsmodels' convention). */
  rSquared: number;
  /** 1 - (1 - R²)(T - c) / (T - p), c = 1 with an intercept, else 0. */
  adjustedRSquared: number;
  residuals: Float64Array;
  fitted: Float64Array;
  /** RSS / (T - p). */
  residualVariance: number;
  observations: number;
  /** T - p. */
  degreesOfFreedom: number;
}

/**
 * Ordinary least squares y = X b + u with classic and Newey-West HAC standard
 * errors. t = b / se; p-values are two-sided Student-t with T - p degrees of
 * freedom for both (statsmodels uses the normal for HAC; the two agree to
 * ~1e-3 once T - p > 250). An exactly zero standard error (an exact fit in exact
 * arithmetic) gives t = ±Infinity and p = 0, or t = 0 and p = 1 for a zero
 * coefficient. Throws FactorModelError: LENGTH_MISMATCH, NON_FINITE_VALUE (with
 * the position), TOO_FEW_OBSERVATIONS (needs T > p), SINGULAR_DESIGN,
 * DEGENERATE_DATA (constant y with an intercept: R² undefined), INVALID_PARAMETER.
 */
export function ols(y: Float64Array, X: Regressors, options: OlsOptions = {}): OlsResult {
  const intercept = options.intercept ?? true;
  const observations = y.length;
  assertFiniteSeries(y, 'y');
  const columns = regressorColumns(X, observations);
  const names = regressorNames(columns.length, options.names);
  const { design, designNames } = buildDesign(columns, names, intercept, observations);
  const p = design.columns;
  if (observations <= p) {
    throw new FactorModelError(
      'TOO_FEW_OBSERVATIONS',
      'y',
      `${observations} observations cannot estimate ${p} coefficients with standard errors; need at least ${p + 1}`,
    );
  }
  const lags = options.hac?.lags ?? defaultNeweyWestLags(observations);
  assertIntegerInRange(lags, 'options.hac.lags', 0, observations - 1);

  const yMean = mean(y);
  let totalSumSquares = 0;
  for (let t = 0; t < observations; t++) totalSumSquares += intercept ? (y[t] - yMean) ** 2 : y[t] ** 2;
  if (!(totalSumSquares > 0)) {
    throw new FactorModelError(
      'DEGENERATE_DATA',
      'y',
      intercept ? 'is constant, so R² is undefined' : 'is all zeros, so R² is undefined',
    );
  }

  const designColumns = intercept ? [new Float64Array(observations).fill(1), ...columns] : columns;
  const { coefficients, inverseGram, residuals } = fitLeastSquares(designColumns, y, designNames);
  const degreesOfFreedom = observations - p;
  let residualSumSquares = 0;
  const fitted = new Float64Array(observations);
  for (let t = 0; t < observations; t++) {
    residualSumSquares += residuals[t] ** 2;
    fitted[t] = y[t] - residuals[t];
  }
  const residualVariance = residualSumSquares / degreesOfFreedom;
  const rSquared = 1 - residualSumSquares / totalSumSquares;
  const adjustedRSquared = 1 - ((1 - rSquared) * (observations - (intercept ? 1 : 0))) / degreesOfFreedom;

  // ml-matrix `mul` works in place: scale a copy so the HAC bread stays (X'X)^-1.
  const classicCovariance = inverseGram.clone().mul(residualVariance);
  const hacCovariance = neweyWestCovariance(design, residuals, inverseGram, lags);
  return {
    names: designNames,
    coefficients,
    classic: inference(coefficients, classicCovariance, degreesOfFreedom),
    hac: { ...inference(coefficients, hacCovariance, degreesOfFreedom), lags },
    rSquared,
    adjustedRSquared,
    residuals,
    fitted,
    residualVariance,
    observations,
    degreesOfFreedom,
  };
}

/** t and p for each coefficient from a covariance matrix. */
export function inference(coefficients: Float64Array, covariance: Matrix, degreesOfFreedom: number): CoefficientInference {
  const p = coefficients.length;
  const standardErrors = new Float64Array(p);
  const tStats = new Float64Array(p);
  const pValues = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    // Rounding can leave a tiny negative variance for an exact fit; it is zero.
    standardErrors[j] = Math.sqrt(Math.max(covariance.get(j, j), 0));
    tStats[j] =
      standardErrors[j] === 0 ? (coefficients[j] === 0 ? 0 : Math.sign(coefficients[j]) * Infinity) : coefficients[j] / standardErrors[j];
    pValues[j] = studentTTwoSidedPValue(tStats[j], degreesOfFreedom);
  }
  return { standardErrors, tStats, pValues, covariance };
}

/** Validates X against y and returns it as columns. */
export function regressorColumns(X: Regressors, observations: number): Float64Array[] {
  if (X instanceof Matrix) {
    if (X.rows !== observations) {
      throw new FactorModelError('LENGTH_MISMATCH', 'X', `has ${X.rows} rows but y has ${observations} observations`);
    }
    const columns: Float64Array[] = [];
    for (let j = 0; j < X.columns; j++) columns.push(Float64Array.from(X.getColumn(j)));
    columns.forEach((column, j) => assertFiniteSeries(column, `X[:, ${j}]`));
    return columns;
  }
  X.forEach((column, j) => {
    assertLength(column, observations, `X[${j}]`, 'y');
    assertFiniteSeries(column, `X[${j}]`);
  });
  return X.map((column) => Float64Array.from(column));
}

function regressorNames(count: number, names: readonly string[] | undefined): string[] {
  if (names === undefined) return Array.from({ length: count }, (_, j) => `x${j}`);
  if (names.length !== count) {
    throw new FactorModelError('LENGTH_MISMATCH', 'options.names', `has ${names.length} names for ${count} regressors`);
  }
  return [...names];
}

/** The design matrix T x p, with the intercept column first when requested. */
export function buildDesign(
  columns: readonly Float64Array[],
  names: readonly string[],
  intercept: boolean,
  observations: number,
): { design: Matrix; designNames: string[] } {
  const p = columns.length + (intercept ? 1 : 0);
  if (p === 0) {
    throw new FactorModelError('INVALID_PARAMETER', 'X', 'has no regressors and no intercept: nothing to estimate');
  }
  const design = new Matrix(observations, p);
  const offset = intercept ? 1 : 0;
  for (let t = 0; t < observations; t++) {
    if (intercept) design.set(t, 0, 1);
    for (let j = 0; j < columns.length; j++) design.set(t, j + offset, columns[j][t]);
  }
  return { design, designNames: intercept ? ['const', ...names] : [...names] };
}
