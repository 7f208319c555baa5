import { formatValue, PortfolioOptimizationError } from './errors';
import type { FrontierData } from './frontier-input';
import { QpBuilder } from './qp-builder';
import type { QpSolver } from './qp-solver';
import type { ResolvedConstraints } from './weight-constraints';
import { requireOptimal } from './weight-problem';

/** Below this the scaling variable kappa = sum(y) is treated as zero (no tangency portfolio). */
const MIN_KAPPA = 1e-12;

/**
 * Tangency portfolio by the Cornuejols & Tutuncu (2006) variable change:
 * minimise y'Sigma y (+ gamma * ||y||^2) subject to (mu - rf)'y = 1,
 * sum(y) = kappa >= 0, lb_i kappa <= y_i <= ub_i kappa and
 * L_s kappa <= sum_{i in s} y_i <= U_s kappa; then w = y / kappa.
 * As in PyPortfolioOpt, the L2 term acts on y, not on w (so gamma is not on
 * the same scale as in the other objectives). `maxReturn` reports the largest
 * achievable expected return when the problem is infeasible.
 */
export function solveMaxSharpe(
  solver: QpSolver,
  data: FrontierData,
  expectedReturns: Float64Array,
  constraints: ResolvedConstraints,
  l2Gamma: number,
  riskFreeRate: number,
  maxReturn: () => number,
): Float64Array {
  const n = data.assets.length;
  const { lower, upper } = constraints;
  const longOnly = lower.every((lb) => lb >= 0);
  if (longOnly) {
    let best = 0;
    for (let i = 1; i < n; i++) if (expectedReturns[i] > expectedReturns[best]) best = i;
    if (expectedReturns[best] <= riskFreeRate) {
      throw new PortfolioOptimizationError(
        'RETURNS_BELOW_RISK_FREE',
        `every expected return is at or below the risk-free rate ${formatValue(riskFreeRate)} (highest: ${data.assets[best]} at ${formatValue(expectedReturns[best])}), so no long-only portfolio has a positive excess return; use riskFreeRate < ${formatValue(expectedReturns[best])}`,
        'riskFreeRate',
      );
    }
  }

  const kappa = n;
  const builder = new QpBuilder(n + 1);
  builder.colLower[kappa] = 0;
  const ys = Array.from({ length: n }, (_, i) => i);
  builder.addRow({ indices: ys, values: ys.map((i) => expectedReturns[i] - riskFreeRate), lower: 1, upper: 1 });
  builder.addRow({ indices: [...ys, kappa], values: [...ys.map(() => 1), -1], lower: 0, upper: 0 });
  for (let i = 0; i < n; i++) {
    if (lower[i] === 0) builder.colLower[i] = 0;
    else if (Number.isFinite(lower[i])) builder.addRow({ indices: [i, kappa], values: [1, -lower[i]], lower: 0, upper: Infinity });
    // With every y_j >= 0 and sum(y) = kappa, y_i <= kappa already holds: skip ub >= 1 rows.
    const implied = longOnly && upper[i] >= 1;
    if (Number.isFinite(upper[i]) && !implied) builder.addRow({ indices: [i, kappa], values: [1, -upper[i]], lower: -Infinity, upper: 0 });
  }
  for (const sector of constraints.sectors) {
    const values = [...sector.members.map(() => 1)];
    if (Number.isFinite(sector.upper)) {
      builder.addRow({ indices: [...sector.members, kappa], values: [...values, -sector.upper], lower: -Infinity, upper: 0 });
    }
    if (Number.isFinite(sector.lower)) {
      builder.addRow({ indices: [...sector.members, kappa], values: [...values, -sector.lower], lower: 0, upper: Infinity });
    }
  }

  const solution = solver.solve(builder.build(data.covariance, 1, l2Gamma));
  if (solution.status === 'infeasible') {
    const best = maxReturn();
    if (best <= riskFreeRate) {
      throw new PortfolioOptimizationError(
        'RETURNS_BELOW_RISK_FREE',
        `the highest expected return achievable under the constraints is ${formatValue(best)}, not above the risk-free rate ${formatValue(riskFreeRate)}; use riskFreeRate < ${formatValue(best)}`,
        'riskFreeRate',
      );
    }
  }
  const y = requireOptimal(solution, 'maxSharpe').x;
  const k = y[kappa];
  if (!(k > MIN_KAPPA)) {
    throw new PortfolioOptimizationError(
      'DEGENERATE_PORTFOLIO',
      `the Sharpe-ratio transform found kappa = sum(y) = ${formatValue(k)}: no fully invested portfolio attains the optimum (unbounded Sharpe ratio?)`,
      'maxSharpe',
    );
  }
  return Float64Array.from(y.subarray(0, n), (value) => value / k);
}
