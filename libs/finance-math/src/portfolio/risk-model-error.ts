/** Every way a return or risk estimate can be rejected; callers branch on `code`, never on message text. */
export type RiskModelErrorCode =
  | 'INVALID_ARGUMENT'
  | 'SHAPE_MISMATCH'
  | 'NON_FINITE'
  | 'INSUFFICIENT_DATA'
  | 'DEGENERATE';

export interface RiskModelErrorLocation {
  /** The offending function parameter, e.g. `options.span` or `panel.returns`. */
  parameter: string;
  /** The asset (or `asset/asset` pair) the problem is about, when there is one. */
  asset?: string;
}

/**
 * A typed rejection from the expected-return and risk-model estimators. The
 * message reads `<parameter>[ (asset X)]: <detail>` so the caller sees what to fix.
 */
export class RiskModelError extends Error {
  override readonly name = 'RiskModelError';
  readonly code: RiskModelErrorCode;
  readonly parameter: string;
  declare readonly asset?: string;
  /** The message without the location prefix. */
  readonly detail: string;

  constructor(code: RiskModelErrorCode, detail: string, location: RiskModelErrorLocation) {
    const where = location.asset === undefined ? location.parameter : `${location.parameter} (asset ${location.asset})`;
    super(`${where}: ${detail}`);
    this.code = code;
    this.parameter = location.parameter;
    this.detail = detail;
    if (location.asset !== undefined) (this as { asset?: string }).asset = location.asset;
  }
}
