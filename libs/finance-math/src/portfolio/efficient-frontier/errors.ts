/** Why a portfolio optimisation could not produce weights. */
export type PortfolioOptimizationErrorCode =
  | 'INVALID_INPUT'
  | 'COVARIANCE_NOT_SYMMETRIC'
  | 'COVARIANCE_NOT_PSD'
  | 'INFEASIBLE_WEIGHT_BOUNDS'
  | 'INFEASIBLE_SECTOR_BOUNDS'
  | 'MARKET_NEUTRAL_REQUIRES_SHORTING'
  | 'RETURNS_BELOW_RISK_FREE'
  | 'TARGET_VOLATILITY_TOO_LOW'
  | 'TARGET_RETURN_TOO_HIGH'
  | 'INFEASIBLE_CONSTRAINTS'
  | 'DEGENERATE_PORTFOLIO'
  | 'SOLVER_FAILED';

/**
 * Infeasible, degenerate or invalid portfolio problem. `parameter` names the
 * offending input (for example `targetVolatility`, `weightBounds[3]`,
 * `sectors.lower.tech`); the message says what fails and the feasible range.
 */
export class PortfolioOptimizationError extends Error {
  override readonly name = 'PortfolioOptimizationError';

  constructor(
    readonly code: PortfolioOptimizationErrorCode,
    message: string,
    readonly parameter?: string,
  ) {
    super(parameter === undefined ? message : `${parameter}: ${message}`);
  }
}

/** Compact number formatting for error messages (6 significant digits). */
export function formatValue(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(6))) : String(value);
}
