import { Matrix } from 'ml-matrix';
import { cleanWeights, weightsByAsset } from './clean-weights';
import { EfficientFrontier, type EfficientFrontierSpec } from './efficient-frontier';
import { PortfolioOptimizationError, type PortfolioOptimizationErrorCode } from './errors';
import { portfolioPerformance } from './performance';
import { loadQpSolver, type QpSolution, type QpSolver } from './qp-solver';
import { THREE_ASSETS, THREE_COV, THREE_MU } from './test-helpers.fixture';

let solver: QpSolver;
beforeAll(async () => {
  solver = await loadQpSolver();
});

function frontier(overrides: Partial<EfficientFrontierSpec> = {}, qp: QpSolver = solver): EfficientFrontier {
  return new EfficientFrontier(qp, { assets: THREE_ASSETS, expectedReturns: THREE_MU, covariance: THREE_COV, ...overrides });
}

/** Runs `action`, expecting a PortfolioOptimizationError with this code, parameter and message fragments. */
function expectError(action: () => unknown, code: PortfolioOptimizationErrorCode, parameter: string, ...fragments: string[]): void {
  let caught: unknown;
  try {
    action();
  } catch (error) {
    caught = error;
  }
  expect(caught).toBeInstanceOf(PortfolioOptimizationError);
  const error = caught as PortfolioOptimizationError;
  expect({ code: error.code, parameter: error.parameter }).toEqual({ code, parameter });
  for (const fragment of fragments) expect(error.message).toContain(fragment);
}

describe('infeasible targets', () => {
  it('maxSharpe with every expected return below the risk-free rate names the best asset', () => {
    expectError(() => frontier().maxSharpe({ riskFreeRate: 0.2 }), 'RETURNS_BELOW_RISK_FREE', 'riskFreeRate', 'C at 0.15', 'riskFreeRate < 0.15');
  });

  it('maxSharpe with shorting reports the highest achievable return when it is not above the risk-free rate', () => {
    // Best feasible (C capped at 1): C 1, B 0.1, A -0.1 -> 0.154, still below rf = 0.16.
    expectError(
      () => frontier({ weightBounds: [-0.1, 1] }).maxSharpe({ riskFreeRate: 0.16 }),
      'RETURNS_BELOW_RISK_FREE',
      'riskFreeRate',
      'highest expected return achievable under the constraints is 0.154',
    );
  });

  it('efficientRisk below the minimum volatility says the minimum', () => {
    const minimum = portfolioPerformance(frontier().minVolatility().weights, THREE_MU, THREE_COV).volatility;
    const shown = String(Number(minimum.toPrecision(6)));
    expectError(() => frontier().efficientRisk(minimum - 0.01), 'TARGET_VOLATILITY_TOO_LOW', 'targetVolatility', `minimum volatility ${shown}`, `[${shown}, infinity)`);
    expect(() => frontier().efficientRisk(minimum + 1e-6)).not.toThrow();
  });

  it('efficientReturn above the maximum says the maximum', () => {
    expectError(() => frontier().efficientReturn(0.16), 'TARGET_RETURN_TOO_HIGH', 'targetReturn', 'maximum expected return 0.15', '(-infinity, 0.15]');
    // With an upper bound of 0.5 per asset the best is 0.5 C + 0.5 B = 0.135.
    expectError(() => frontier({ weightBounds: [0, 0.5] }).efficientReturn(0.14), 'TARGET_RETURN_TOO_HIGH', 'targetReturn', '0.135');
  });
});

describe('contradictory bounds', () => {
  it('rejects a lower bound above its upper bound', () => {
    expectError(() => frontier({ weightBounds: [[0, 1], [0.6, 0.5], [0, 1]] }), 'INFEASIBLE_WEIGHT_BOUNDS', 'weightBounds[1]', 'B');
  });

  it('rejects lower bounds summing above 1 and upper bounds summing below 1, with the feasible range', () => {
    expectError(() => frontier({ weightBounds: [0.4, 1] }).minVolatility(), 'INFEASIBLE_WEIGHT_BOUNDS', 'weightBounds', 'sum to 1.2 > 1', 'sum of lower bounds <= 1 <= sum of upper bounds');
    expectError(() => frontier({ weightBounds: [0, 0.3] }).maxSharpe(), 'INFEASIBLE_WEIGHT_BOUNDS', 'weightBounds', 'sum to 0.9 < 1');
  });

  it('rejects contradictory sector bounds', () => {
    const mapper = { A: 'x', B: 'y', C: 'y' };
    expectError(() => frontier({ sectors: { mapper, lower: { y: 0.7 }, upper: { y: 0.6 } } }), 'INFEASIBLE_SECTOR_BOUNDS', 'sectors.lower.y', 'exceeds its upper bound');
    expectError(() => frontier({ sectors: { mapper, upper: { z: 0.5 } } }), 'INFEASIBLE_SECTOR_BOUNDS', 'sectors.z', 'no assets');
    expectError(
      () => frontier({ weightBounds: [0, 0.3], sectors: { mapper, lower: { y: 0.7 } } }).minVolatility(),
      'INFEASIBLE_SECTOR_BOUNDS',
      'sectors.lower.y',
      'upper bounds sum to 0.6',
    );
    expectError(() => frontier({ sectors: { mapper, lower: { x: 0.5, y: 0.6 } } }).minVolatility(), 'INFEASIBLE_SECTOR_BOUNDS', 'sectors', 'sum to 1.1 > 1');
    expectError(() => frontier({ sectors: { mapper, upper: { x: 0.2, y: 0.7 } } }).efficientReturn(0.1), 'INFEASIBLE_SECTOR_BOUNDS', 'sectors', 'sum to 0.9 < 1');
  });

  it('market neutral needs a negative lower bound', () => {
    expectError(() => frontier().maxQuadraticUtility({ marketNeutral: true }), 'MARKET_NEUTRAL_REQUIRES_SHORTING', 'marketNeutral');
  });
});

describe('covariance checks', () => {
  it('rejects an asymmetric covariance', () => {
    const covariance = THREE_COV.clone();
    covariance.set(0, 2, covariance.get(0, 2) + 1e-3);
    expectError(() => frontier({ covariance }), 'COVARIANCE_NOT_SYMMETRIC', 'covariance', '(C, A)');
  });

  it('rejects a covariance that is not positive semidefinite, reporting the smallest eigenvalue', () => {
    // Eigenvalues of [[1, 2], [2, 1]] / 10 are 0.3 and -0.1.
    const covariance = new Matrix([
      [0.1, 0.2],
      [0.2, 0.1],
    ]);
    expectError(
      () => new EfficientFrontier(solver, { assets: ['X', 'Y'], expectedReturns: null, covariance }),
      'COVARIANCE_NOT_PSD',
      'covariance',
      'smallest eigenvalue -0.1',
    );
  });

  it('accepts a singular (semidefinite) covariance', () => {
    const covariance = new Matrix([
      [0.04, 0.04],
      [0.04, 0.04],
    ]);
    const ef = new EfficientFrontier(solver, { assets: ['X', 'Y'], expectedReturns: null, covariance });
    expect(ef.minVolatility().weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 10);
  });
});

describe('invalid input', () => {
  it('names the offending parameter', () => {
    expectError(() => frontier({ expectedReturns: Float64Array.from([0.1, 0.2]) }), 'INVALID_INPUT', 'expectedReturns');
    expectError(() => frontier({ expectedReturns: Float64Array.from([0.1, Number.NaN, 0.2]) }), 'INVALID_INPUT', 'expectedReturns[1]');
    expectError(() => frontier({ assets: ['A', 'A', 'C'] }), 'INVALID_INPUT', 'assets', 'duplicate');
    expectError(() => frontier({ weightBounds: [[0, 1]] }), 'INVALID_INPUT', 'weightBounds');
    expectError(() => frontier().maxQuadraticUtility({ riskAversion: 0 }), 'INVALID_INPUT', 'riskAversion');
    expectError(() => frontier({ expectedReturns: null }).maxSharpe(), 'INVALID_INPUT', 'expectedReturns', 'maxSharpe needs expected returns');
    expectError(() => frontier({ l2Gamma: -1 }), 'INVALID_INPUT', 'l2Gamma');
    expectError(
      () => frontier({ transactionCost: { previousWeights: new Float64Array(3) } }).maxSharpe(),
      'INVALID_INPUT',
      'transactionCost',
      'not supported by maxSharpe',
    );
    expectError(() => frontier().efficientRisk(Number.NaN), 'INVALID_INPUT', 'targetVolatility');
  });
});

describe('solver outcomes other than optimal', () => {
  function stubSolver(status: QpSolution['status'], statusName: string): QpSolver {
    return { solve: (problem) => ({ status, statusName, x: new Float64Array(problem.numVars), objective: Number.NaN }) };
  }

  it('maps a HiGHS infeasible status to INFEASIBLE_CONSTRAINTS and others to SOLVER_FAILED with the status name', () => {
    expectError(() => frontier({}, stubSolver('infeasible', 'infeasible')).minVolatility(), 'INFEASIBLE_CONSTRAINTS', 'minVolatility', 'HiGHS: infeasible');
    expectError(() => frontier({}, stubSolver('other', 'iterationLimit')).maxQuadraticUtility(), 'SOLVER_FAILED', 'maxQuadraticUtility', 'iterationLimit');
    expectError(() => frontier({}, stubSolver('unbounded', 'unbounded')).minVolatility(), 'SOLVER_FAILED', 'minVolatility', 'unbounded');
  });

  it('rejects a zero-volatility portfolio in portfolioPerformance (undefined Sharpe ratio)', () => {
    expectError(() => portfolioPerformance(new Float64Array(3), THREE_MU, THREE_COV), 'DEGENERATE_PORTFOLIO', 'weights');
  });
});

describe('cleanWeights', () => {
  it('zeroes |w| < cutoff and rounds half to even at 5 decimals by default', () => {
    const cleaned = cleanWeights(Float64Array.from([0.00005, -0.00009, 0.123456789, 0.5, -0.0001, 0.000125]));
    expect(Array.from(cleaned)).toEqual([0, 0, 0.12346, 0.5, -0.0001, 0.00012]);
  });

  it('supports no rounding, custom cutoff, and rejects a bad rounding', () => {
    expect(Array.from(cleanWeights(Float64Array.from([0.012345678, 0.009]), { cutoff: 0.01, rounding: null }))).toEqual([0.012345678, 0]);
    expect(() => cleanWeights(new Float64Array(1), { rounding: 0 })).toThrow(PortfolioOptimizationError);
    expect(weightsByAsset(['A', 'B'], Float64Array.from([0.25, 0.75]))).toEqual({ A: 0.25, B: 0.75 });
  });
});
