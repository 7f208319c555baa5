/** Every way a factor-model computation can refuse its input; callers branch on `code`, never on message text. */
export type FactorModelErrorCode =
  /** Fewer observations than the fit needs (at least one more than the number of coefficients). */
  | 'TOO_FEW_OBSERVATIONS'
  /** The design matrix is rank deficient: collinear factors, or a factor that is constant with an intercept. */
  | 'SINGULAR_DESIGN'
  /** A rolling window is longer than the series (or shorter than the regression needs). */
  | 'WINDOW_TOO_LONG'
  /** Two series that must be aligned differ in length. */
  | 'LENGTH_MISMATCH'
  /** An input value is NaN or infinite; `index` (and the message) say where. */
  | 'NON_FINITE_VALUE'
  /** An option is out of its range (lags, window, periods, tercile sizes, components, ...). */
  | 'INVALID_PARAMETER'
  /** The data cannot support the statistic (a constant response, a constant asset in PCA). */
  | 'DEGENERATE_DATA';

/**
 * A typed refusal of a factor-model computation. `parameter` names the offending argument
 * (`y`, `X[2]`, `factors.returns[1]`, `options.window`, ...); `index` is the first bad
 * observation of an array argument when there is one.
 */
export class FactorModelError extends Error {
  override readonly name = 'FactorModelError';
  readonly code: FactorModelErrorCode;
  readonly parameter: string;
  declare readonly index?: number;

  constructor(code: FactorModelErrorCode, parameter: string, message: string, index?: number) {
    super(`${parameter}: ${message}`);
    this.code = code;
    this.parameter = parameter;
    if (index !== undefined) (this as { index?: number }).index = index;
  }
}
