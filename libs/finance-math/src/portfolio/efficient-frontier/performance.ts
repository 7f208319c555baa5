import type { Matrix } from 'ml-matrix';
import { DEFAULT_RISK_FREE_RATE } from './efficient-frontier';
import { PortfolioOptimizationError } from './errors';

export interface PortfolioPerformance {
  /** w'mu (annual when mu is annual). */
  expectedReturn: number;
  /** sqrt(w'Sigma w). */
  volatility: number;
  /** (expectedReturn - riskFreeRate) / volatility. */
  sharpe: number;
}

/** PyPortfolioOpt's portfolio_performance: expected return, volatility and Sharpe ratio of given weights. */
export function portfolioPerformance(
  weights: Float64Array,
  expectedReturns: Float64Array,
  covariance: Matrix,
  riskFreeRate = DEFAULT_RISK_FREE_RATE,
): PortfolioPerformance {
  const n = weights.length;
  if (expectedReturns.length !== n || covariance.rows !== n || covariance.columns !== n) {
    throw new PortfolioOptimizationError(
      'INVALID_INPUT',
      `${n} weights but ${expectedReturns.length} expected returns and a ${covariance.rows}x${covariance.columns} covariance`,
      'weights',
    );
  }
  let expectedReturn = 0;
  let variance = 0;
  for (let i = 0; i < n; i++) {
    expectedReturn += weights[i] * expectedReturns[i];
    let row = 0;
    for (let j = 0; j < n; j++) row += covariance.get(i, j) * weights[j];
    variance += weights[i] * row;
  }
  const volatility = Math.sqrt(Math.max(variance, 0));
  if (!Number.isFinite(expectedReturn) || !Number.isFinite(volatility)) {
    throw new PortfolioOptimizationError('INVALID_INPUT', 'weights, expected returns or covariance contain non-finite values', 'weights');
  }
  if (volatility === 0) {
    throw new PortfolioOptimizationError('DEGENERATE_PORTFOLIO', 'the portfolio has zero volatility, so its Sharpe ratio is undefined', 'weights');
  }
  return { expectedReturn, volatility, sharpe: (expectedReturn - riskFreeRate) / volatility };
}
