import { EfficientFrontier, PortfolioOptimizationError, type QpSolver } from '@tethys/finance-math';
import type { Matrix } from 'ml-matrix';
import type { RiskProfile } from './params';

export interface ProfileWeights {
  weights: Float64Array;
  /** Set when the profile's objective was infeasible here and min volatility stood in; says why. */
  fallback: string | null;
}

/** Solves one risk profile's objective under its constraints (PyPortfolioOpt semantics, HiGHS). */
export function optimizeProfile(
  solver: QpSolver,
  assets: readonly string[],
  expectedReturns: Float64Array,
  covariance: Matrix,
  profile: RiskProfile,
  riskFreeRate: number,
): Float64Array {
  const frontier = new EfficientFrontier(solver, {
    assets,
    expectedReturns,
    covariance,
    weightBounds: profile.weightBounds,
    l2Gamma: profile.l2Gamma,
  });
  switch (profile.objective) {
    case 'min_volatility':
      return frontier.minVolatility().weights;
    case 'max_sharpe':
      return frontier.maxSharpe({ riskFreeRate }).weights;
    case 'max_quadratic_utility':
      return frontier.maxQuadraticUtility({ riskAversion: profile.riskAversion }).weights;
    case 'efficient_risk':
      return frontier.efficientRisk(profile.targetVolatility).weights;
    case 'efficient_return':
      return frontier.efficientReturn(profile.targetReturn).weights;
  }
}

/**
 * For the walk-forward backtest: when an estimation window makes the profile's
 * objective infeasible (for example every expected return below the risk-free
 * rate for max Sharpe), hold the minimum-volatility portfolio under the same
 * bounds and record why, rather than stop the backtest.
 */
export function optimizeProfileOrFallBack(
  solver: QpSolver,
  assets: readonly string[],
  expectedReturns: Float64Array,
  covariance: Matrix,
  profile: RiskProfile,
  riskFreeRate: number,
): ProfileWeights {
  try {
    return { weights: optimizeProfile(solver, assets, expectedReturns, covariance, profile, riskFreeRate), fallback: null };
  } catch (error) {
    if (!(error instanceof PortfolioOptimizationError) || profile.objective === 'min_volatility') throw error;
    const minVolatility: RiskProfile = {
      objective: 'min_volatility',
      description: profile.description,
      weightBounds: profile.weightBounds,
      l2Gamma: profile.l2Gamma,
    };
    const weights = optimizeProfile(solver, assets, expectedReturns, covariance, minVolatility, riskFreeRate);
    return { weights, fallback: `${error.code}: ${error.message}` };
  }
}
