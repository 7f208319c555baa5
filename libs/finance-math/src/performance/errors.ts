/** Every way a performance metric can refuse its input; callers branch on `code`, never on message text. */
export type PerformanceMetricErrorCode =
  /** The return series has no observations. */
  | 'EMPTY_SERIES'
  /** A return is NaN, infinite, or below -1 (a loss of more than everything). */
  | 'INVALID_VALUE'
  /** An option is out of its range (periods, risk-free rate, cutoff, ...). */
  | 'INVALID_PARAMETER'
  /** Strategy and benchmark series differ in length. */
  | 'LENGTH_MISMATCH'
  /** Fewer observations than the estimator needs (e.g. 2 for a standard deviation). */
  | 'INSUFFICIENT_DATA'
  /** A ratio divides by a standard deviation (or downside deviation) that is zero. */
  | 'ZERO_VOLATILITY'
  /** A ratio's denominator is zero or undefined for another reason (no losses, no drawdown, zero beta). */
  | 'UNDEFINED_RATIO';

/**
 * A typed refusal of a performance metric. `parameter` names the offending argument
 * (`returns`, `benchmark`, `options.periods`, ...); the message says what fails and,
 * where one exists, the feasible range.
 */
export class PerformanceMetricError extends Error {
  override readonly name = 'PerformanceMetricError';
  readonly code: PerformanceMetricErrorCode;
  readonly parameter: string;

  constructor(code: PerformanceMetricErrorCode, parameter: string, message: string) {
    super(message);
    this.code = code;
    this.parameter = parameter;
  }
}
