import { loadQpSolver, PortfolioOptimizationError, type QpSolver } from '@tethys/finance-math';
import { Matrix } from 'ml-matrix';
import { optimizeProfile, optimizeProfileOrFallBack } from './optimize-profile';

const assets = ['A', 'B', 'C'];
const covariance = new Matrix([
  [0.04, 0.01, 0.0],
  [0.01, 0.09, 0.02],
  [0.0, 0.02, 0.16],
]);
const belowRiskFree = Float64Array.from([0.01, 0.0, -0.02]);
const maxSharpe = { objective: 'max_sharpe' as const, description: 'test', weightBounds: [0, 1] as [number, number] };

describe('optimizeProfile', () => {
  let solver: QpSolver;
  beforeAll(async () => {
    solver = await loadQpSolver();
  });

  it('refuses max Sharpe when every expected return is below the risk-free rate, with a typed error', () => {
    expect(() => optimizeProfile(solver, assets, belowRiskFree, covariance, maxSharpe, 0.02)).toThrow(PortfolioOptimizationError);
  });

  it('falls back to min volatility in the backtest and says why', () => {
    const result = optimizeProfileOrFallBack(solver, assets, belowRiskFree, covariance, maxSharpe, 0.02);
    expect(result.fallback).toMatch(/^RETURNS_BELOW_RISK_FREE: /);
    const minVolatility = optimizeProfile(solver, assets, belowRiskFree, covariance, { ...maxSharpe, objective: 'min_volatility' }, 0.02);
    expect(Array.from(result.weights)).toEqual(Array.from(minVolatility));
  });

  it('does not hide other errors behind the fallback', () => {
    const impossible = { ...maxSharpe, weightBounds: [0.5, 1] as [number, number] }; // three assets at >= 0.5 cannot sum to 1
    expect(() => optimizeProfileOrFallBack(solver, assets, belowRiskFree, covariance, { ...impossible, objective: 'min_volatility' }, 0.02)).toThrow(
      PortfolioOptimizationError,
    );
  });
});
