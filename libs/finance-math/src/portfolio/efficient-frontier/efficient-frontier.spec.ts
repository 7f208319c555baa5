import { Matrix, solve } from 'ml-matrix';
import { EfficientFrontier } from './efficient-frontier';
import { loadQpSolver, type QpSolver } from './qp-solver';
import { portfolioPerformance } from './performance';
import { dotProduct, expectClose, solveWith, sum, THREE_ASSETS, THREE_COV, THREE_MU } from './test-helpers.fixture';

let solver: QpSolver;
beforeAll(async () => {
  solver = await loadQpSolver();
});

const unbounded = [null, null] as const;
const freeBounds = [unbounded, unbounded, unbounded];

function frontier(overrides: Partial<ConstructorParameters<typeof EfficientFrontier>[1]> = {}): EfficientFrontier {
  return new EfficientFrontier(solver, { assets: THREE_ASSETS, expectedReturns: THREE_MU, covariance: THREE_COV, ...overrides });
}

describe('loadQpSolver', () => {
  it('loads HiGHS once and returns the cached solver', async () => {
    expect(await loadQpSolver()).toBe(solver);
  });
});

describe('minVolatility', () => {
  it('matches the two-asset closed form w1 = (s2^2 - s12) / (s1^2 + s2^2 - 2 s12)', () => {
    const covariance = new Matrix([
      [0.04, 0.01],
      [0.01, 0.09],
    ]);
    const ef = new EfficientFrontier(solver, { assets: ['X', 'Y'], expectedReturns: null, covariance });
    const w1 = (0.09 - 0.01) / (0.04 + 0.09 - 0.02);
    expectClose(ef.minVolatility().weights, [w1, 1 - w1], 1e-9);
  });

  it('matches Sigma^-1 1 / (1 Sigma^-1 1) for three assets, long-only and unbounded', () => {
    const raw = solveWith(THREE_COV, [1, 1, 1]);
    const expected = raw.map((v) => v / sum(raw));
    expect(Math.min(...expected)).toBeGreaterThan(0); // so the long-only bounds do not bind
    expectClose(frontier().minVolatility().weights, expected, 1e-9);
    expectClose(frontier({ weightBounds: freeBounds }).minVolatility().weights, expected, 1e-9);
  });

  it('respects a binding per-asset upper bound', () => {
    const weights = frontier({ weightBounds: [[0, 0.3], [0, 1], [0, 1]] }).minVolatility().weights;
    expect(weights[0]).toBeCloseTo(0.3, 9);
    expect(sum(weights)).toBeCloseTo(1, 12);
    // With w_A fixed the rest is the 2-asset minimum of the remaining budget 0.7.
    const sBB = THREE_COV.get(1, 1);
    const sCC = THREE_COV.get(2, 2);
    const sBC = THREE_COV.get(1, 2);
    // d/dwB of var with wC = 0.7 - wB: 2 wB sBB - 2 (0.7 - wB) sCC + 2 (0.7 - 2 wB) sBC + 2 * 0.3 (sAB - sAC) = 0
    const sAB = THREE_COV.get(0, 1);
    const sAC = THREE_COV.get(0, 2);
    const wB = (0.7 * sCC - 0.7 * sBC - 0.3 * (sAB - sAC)) / (sBB + sCC - 2 * sBC);
    expectClose(weights, [0.3, wB, 0.7 - wB], 1e-8);
  });

  it('keeps sector sums within their bounds', () => {
    const unconstrained = frontier().minVolatility().weights;
    const sectors = { mapper: { A: 'defensive', B: 'growth', C: 'growth' }, upper: { defensive: 0.4 }, lower: { growth: 0.6 } };
    expect(unconstrained[0]).toBeGreaterThan(0.4);
    const weights = frontier({ sectors }).minVolatility().weights;
    expect(weights[0]).toBeLessThanOrEqual(0.4 + 1e-9);
    expect(weights[1] + weights[2]).toBeGreaterThanOrEqual(0.6 - 1e-9);
  });

  it('adds gamma * ||w||^2: a huge gamma gives equal weights', () => {
    expectClose(frontier({ l2Gamma: 1e10 }).minVolatility().weights, [1 / 3, 1 / 3, 1 / 3], 1e-7);
  });

  it('adds k * ||w - w_prev||_1: zero cost is plain min-vol, a large cost keeps the previous weights', () => {
    const previousWeights = Float64Array.from([0.2, 0.3, 0.5]);
    expectClose(
      frontier({ transactionCost: { previousWeights, k: 0 } }).minVolatility().weights,
      frontier().minVolatility().weights,
      1e-9,
    );
    expectClose(frontier({ transactionCost: { previousWeights, k: 10 } }).minVolatility().weights, previousWeights, 1e-8);
    const moved = frontier({ transactionCost: { previousWeights, k: 0.001 } }).minVolatility().weights;
    const free = frontier().minVolatility().weights;
    const turnover = (w: Float64Array) => sum(w.map((v, i) => Math.abs(v - previousWeights[i])));
    expect(turnover(moved)).toBeLessThan(turnover(free));
  });
});

describe('maxSharpe', () => {
  it('matches the tangency portfolio Sigma^-1 (mu - rf) / sum when unconstrained', () => {
    const raw = solveWith(THREE_COV, Array.from(THREE_MU, (m) => m - 0.02));
    const expected = raw.map((v) => v / sum(raw));
    expectClose(frontier({ weightBounds: freeBounds }).maxSharpe().weights, expected, 1e-8);
    expect(Math.min(...expected)).toBeGreaterThan(0);
    expectClose(frontier().maxSharpe().weights, expected, 1e-8);
  });

  it('uses the given risk-free rate and no other portfolio beats its Sharpe ratio', () => {
    const rf = 0.05;
    const best = frontier().maxSharpe({ riskFreeRate: rf }).weights;
    const bestSharpe = portfolioPerformance(best, THREE_MU, THREE_COV, rf).sharpe;
    for (const candidate of [[1, 0, 0], [0, 0, 1], [0.2, 0.3, 0.5], [0.1, 0.5, 0.4]]) {
      expect(portfolioPerformance(Float64Array.from(candidate), THREE_MU, THREE_COV, rf).sharpe).toBeLessThan(bestSharpe);
    }
  });

  it('scales weight bounds by kappa: bounds hold on the final weights', () => {
    const weights = frontier({ weightBounds: [0.1, 0.45] }).maxSharpe().weights;
    expect(sum(weights)).toBeCloseTo(1, 10);
    for (const w of weights) {
      expect(w).toBeGreaterThanOrEqual(0.1 - 1e-9);
      expect(w).toBeLessThanOrEqual(0.45 + 1e-9);
    }
  });
});

describe('maxQuadraticUtility', () => {
  it('matches the budget-constrained closed form', () => {
    const delta = 3;
    const a = solveWith(THREE_COV, [1, 1, 1]);
    const b = solveWith(THREE_COV, Array.from(THREE_MU));
    const nu = (sum(b) / delta - 1) / sum(a);
    const expected = b.map((v, i) => v / delta - nu * a[i]);
    expectClose(frontier({ weightBounds: freeBounds }).maxQuadraticUtility({ riskAversion: delta }).weights, expected, 1e-8);
  });

  it('market neutral with L2 only (non-binding bounds) is w = (mu - nu) / (2 gamma) clipped, sum 0', () => {
    // Huge risk aversion is avoided: riskAversion tiny makes the variance negligible relative to gamma.
    const gamma = 2;
    const mean = sum(THREE_MU) / 3;
    const expected = Array.from(THREE_MU, (m) => (m - mean) / (2 * gamma));
    const weights = frontier({ weightBounds: [-1, 1], l2Gamma: gamma }).maxQuadraticUtility({ riskAversion: 1e-9, marketNeutral: true }).weights;
    expectClose(weights, expected, 1e-8);
  });
});

describe('efficientReturn', () => {
  it('matches the two-fund closed form and hits the target return', () => {
    const target = 0.13;
    const a = solveWith(THREE_COV, [1, 1, 1]);
    const b = solveWith(THREE_COV, Array.from(THREE_MU));
    const A = sum(a);
    const B = dotProduct(THREE_MU, a);
    const C = dotProduct(THREE_MU, b);
    const det = A * C - B * B;
    const lambda = (C - B * target) / det;
    const gamma = (A * target - B) / det;
    const expected = a.map((v, i) => lambda * v + gamma * b[i]);
    const weights = frontier({ weightBounds: freeBounds }).efficientReturn(target).weights;
    expectClose(weights, expected, 1e-8);
    expect(dotProduct(weights, THREE_MU)).toBeCloseTo(target, 10);
  });

  it('a target at the maximum puts everything in the best asset', () => {
    expectClose(frontier().efficientReturn(0.15).weights, [0, 0, 1], 1e-7);
  });

  it('a target below the min-vol return gives the min-vol portfolio (constraint is >=)', () => {
    expectClose(frontier().efficientReturn(0.01).weights, frontier().minVolatility().weights, 1e-8);
  });
});

describe('efficientRisk', () => {
  it('is the efficient-return portfolio whose volatility is the target, to 1e-8', () => {
    const reference = frontier().efficientReturn(0.13).weights;
    const target = portfolioPerformance(reference, THREE_MU, THREE_COV).volatility;
    const weights = frontier().efficientRisk(target).weights;
    expect(Math.abs(portfolioPerformance(weights, THREE_MU, THREE_COV).volatility - target)).toBeLessThan(1e-8);
    expectClose(weights, reference, 1e-6);
    expect(dotProduct(weights, THREE_MU)).toBeCloseTo(0.13, 8);
  });

  it('returns the max-return portfolio when the target does not bind', () => {
    expectClose(frontier().efficientRisk(0.5).weights, [0, 0, 1], 1e-9);
  });

  it('hits targets across the frontier, with shorting and market neutral', () => {
    for (const target of [0.17, 0.2, 0.25, 0.29]) {
      const weights = frontier().efficientRisk(target).weights;
      expect(Math.abs(portfolioPerformance(weights, THREE_MU, THREE_COV).volatility - target)).toBeLessThan(1e-8);
    }
    const neutral = frontier({ weightBounds: [-1, 1] }).efficientRisk(0.1, { marketNeutral: true }).weights;
    expect(sum(neutral)).toBeCloseTo(0, 10);
    expect(Math.abs(portfolioPerformance(neutral, THREE_MU, THREE_COV).volatility - 0.1)).toBeLessThan(1e-8);
  });

  it('with L2, the binding solution satisfies the KKT stationarity of the penalised problem', () => {
    const gamma = 0.05;
    // The lambda = 0 portfolio, w = 1/3 + (mu - mean(mu)) / (2 gamma), is riskier than the target: the constraint binds.
    const mean = sum(THREE_MU) / 3;
    const atZero = Float64Array.from(THREE_MU, (m) => 1 / 3 + (m - mean) / (2 * gamma));
    expect(portfolioPerformance(atZero, THREE_MU, THREE_COV).volatility).toBeGreaterThan(0.18);
    const weights = frontier({ l2Gamma: gamma, weightBounds: freeBounds }).efficientRisk(0.18).weights;
    expect(Math.abs(portfolioPerformance(weights, THREE_MU, THREE_COV).volatility - 0.18)).toBeLessThan(1e-8);
    // mu - 2 gamma w - 2 lambda Sigma w = nu 1 for some lambda >= 0, nu: residual orthogonal to 1 is spanned by Sigma w.
    const sigmaW = THREE_COV.mmul(Matrix.columnVector(Array.from(weights))).getColumn(0);
    const g = Array.from(THREE_MU, (m, i) => m - 2 * gamma * weights[i]);
    // Solve [2 Sigma w, 1] [lambda; nu] = g in least squares and check the residual is ~0.
    const design = new Matrix(sigmaW.map((s) => [2 * s, 1]));
    const solution = solve(design, Matrix.columnVector(g)); // least squares (QR) for the 3x2 system
    const residual = Matrix.columnVector(g).sub(design.mmul(solution)).norm();
    expect(residual).toBeLessThan(1e-6);
    expect(solution.get(0, 0)).toBeGreaterThan(0);
  });
});
