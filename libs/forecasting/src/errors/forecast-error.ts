/** Every way a forecasting call can be refused; callers branch on `code`, never on message text. */
export type ForecastErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_SERIES'
  | 'LENGTH_MISMATCH'
  | 'NON_FINITE'
  | 'ZERO_SCALE'
  | 'NOT_FITTED'
  | 'INVALID_JSON'
  | 'UNSUPPORTED_COVARIATES';

/**
 * A typed rejection of a forecasting argument. The message reads
 * `<parameter>: <detail>` so the caller sees which argument was wrong.
 */
export class ForecastError extends Error {
  override name = 'ForecastError';
  readonly code: ForecastErrorCode;
  /** The argument (or JSON field) that was rejected, e.g. `horizon` or `state.sigma`. */
  readonly parameter: string;
  /** The message without the parameter prefix. */
  readonly detail: string;

  constructor(code: ForecastErrorCode, parameter: string, detail: string) {
    super(`${parameter}: ${detail}`);
    this.code = code;
    this.parameter = parameter;
    this.detail = detail;
  }
}

/** `predict`, `transform` and friends called before `fit` (or `fromJSON`). */
export class NotFittedError extends ForecastError {
  override name = 'NotFittedError';

  constructor(what: string, method: string) {
    super('NOT_FITTED', method, `${what} is not fitted: call fit() (or fromJSON()) before ${method}()`);
  }
}
