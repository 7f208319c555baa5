/** Every way a risk computation can reject its input; callers branch on `code`, never on message text. */
export type RiskErrorCode =
  | 'INVALID_LEVEL'
  | 'INVALID_PARAMETER'
  | 'TOO_FEW_OBSERVATIONS'
  | 'NON_FINITE_DATA'
  | 'LENGTH_MISMATCH'
  | 'DEGENERATE_DATA';

/**
 * A typed rejection from the risk module. `parameter` names the offending argument
 * (for example `options.level`, `returns`, `panel[2]`); `index` is the first bad
 * element of an array argument when there is one.
 */
export class RiskMetricError extends Error {
  override readonly name = 'RiskMetricError';
  readonly code: RiskErrorCode;
  readonly parameter: string;
  declare readonly index?: number;

  constructor(code: RiskErrorCode, parameter: string, detail: string, index?: number) {
    super(`${parameter}${index === undefined ? '' : `[${index}]`}: ${detail}`);
    this.code = code;
    this.parameter = parameter;
    if (index !== undefined) (this as { index?: number }).index = index;
  }
}
