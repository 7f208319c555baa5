import { formatValue, PortfolioOptimizationError } from './errors';
import type { FrontierData } from './frontier-input';
import { QpBuilder, type LinearRow } from './qp-builder';
import type { QpProblem, QpSolution, QpSolver } from './qp-solver';
import type { ResolvedConstraints } from './weight-constraints';

/** Extra convex objective terms, as PyPortfolioOpt's add_objective with objective_functions. */
export interface ObjectiveTerms {
  /** gamma in gamma * ||w||^2 (objective_functions.L2_reg; PyPortfolioOpt's own default gamma is 1). Default 0 (off). */
  l2Gamma?: number;
  /** k * ||w - previousWeights||_1 (objective_functions.transaction_cost; k defaults to 0.001, i.e. 10 bp). */
  transactionCost?: { previousWeights: Float64Array; k?: number };
}

/** One weight-space problem: minimise riskWeight * w'Sigma w + linear'w + terms, with sum(w) = budget. */
export interface WeightObjective {
  riskWeight: number;
  linear: Float64Array | null;
  budget: number;
  /** Rows over the weight variables only (for example expected return >= target). */
  extraRows?: LinearRow[];
  /** Drop the L2 and transaction-cost terms (used for the feasibility probes). */
  withoutTerms?: boolean;
}

export function validateTerms(assets: readonly string[], terms: ObjectiveTerms): void {
  const gamma = terms.l2Gamma ?? 0;
  if (!(gamma >= 0) || !Number.isFinite(gamma)) {
    throw new PortfolioOptimizationError('INVALID_INPUT', `must be a finite number >= 0, got ${gamma}`, 'l2Gamma');
  }
  const cost = terms.transactionCost;
  if (cost) {
    const k = cost.k ?? 0.001;
    if (!(k >= 0) || !Number.isFinite(k)) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `must be a finite number >= 0, got ${k}`, 'transactionCost.k');
    }
    if (cost.previousWeights.length !== assets.length) {
      throw new PortfolioOptimizationError(
        'INVALID_INPUT',
        `length ${cost.previousWeights.length} does not match ${assets.length} assets`,
        'transactionCost.previousWeights',
      );
    }
    cost.previousWeights.forEach((value, i) => {
      if (!Number.isFinite(value)) {
        throw new PortfolioOptimizationError('INVALID_INPUT', `not finite (${value})`, `transactionCost.previousWeights[${i}]`);
      }
    });
  }
}

/** Sector rows: lower_s <= sum of the sector's weights <= upper_s. */
export function sectorRows(constraints: ResolvedConstraints): LinearRow[] {
  return constraints.sectors.map((sector) => ({
    indices: sector.members,
    values: sector.members.map(() => 1),
    lower: sector.lower,
    upper: sector.upper,
  }));
}

/**
 * Builds the weight-space QP. Variables: w (n), then t (n) when a transaction
 * cost is set, with t_i >= |w_i - prev_i| written as two rows and cost k * sum t.
 */
export function buildWeightProblem(
  data: FrontierData,
  constraints: ResolvedConstraints,
  terms: ObjectiveTerms,
  objective: WeightObjective,
): QpProblem {
  const n = data.assets.length;
  const cost = objective.withoutTerms ? undefined : terms.transactionCost;
  const builder = new QpBuilder(cost ? 2 * n : n);
  builder.colLower.set(constraints.lower);
  builder.colUpper.set(constraints.upper);
  if (objective.linear) builder.linear.set(objective.linear);
  const all = Array.from({ length: n }, (_, i) => i);
  builder.addRow({ indices: all, values: all.map(() => 1), lower: objective.budget, upper: objective.budget });
  for (const row of sectorRows(constraints)) builder.addRow(row);
  for (const row of objective.extraRows ?? []) builder.addRow(row);
  if (cost) {
    const k = cost.k ?? 0.001;
    for (let i = 0; i < n; i++) {
      const t = n + i;
      builder.colLower[t] = 0;
      builder.linear[t] = k;
      const previous = cost.previousWeights[i];
      builder.addRow({ indices: [i, t], values: [1, -1], lower: -Infinity, upper: previous });
      builder.addRow({ indices: [i, t], values: [1, 1], lower: previous, upper: Infinity });
    }
  }
  const ridge = objective.withoutTerms ? 0 : (terms.l2Gamma ?? 0);
  return builder.build(data.covariance, objective.riskWeight, ridge);
}

/** Solves and returns the first n variables (the weights), or null when the problem is unbounded. */
export function solveWeights(solver: QpSolver, problem: QpProblem, n: number, what: string): Float64Array | null {
  const solution = solver.solve(problem);
  if (solution.status === 'unbounded') return null;
  return requireOptimal(solution, what).x.slice(0, n);
}

export function requireOptimal(solution: QpSolution, what: string): QpSolution {
  if (solution.status === 'optimal') return solution;
  if (solution.status === 'infeasible') {
    throw new PortfolioOptimizationError(
      'INFEASIBLE_CONSTRAINTS',
      `no portfolio satisfies the weight, sector and budget constraints together (HiGHS: ${solution.statusName})`,
      what,
    );
  }
  throw new PortfolioOptimizationError('SOLVER_FAILED', `HiGHS did not reach an optimal solution (status ${solution.statusName})`, what);
}

export function portfolioVariance(covariance: Float64Array[], weights: Float64Array): number {
  let variance = 0;
  for (let i = 0; i < weights.length; i++) {
    const wi = weights[i];
    if (wi === 0) continue;
    const row = covariance[i];
    let sum = 0;
    for (let j = 0; j < weights.length; j++) sum += row[j] * weights[j];
    variance += wi * sum;
  }
  return Math.max(variance, 0);
}

export function dot(a: Float64Array, b: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += a[i] * b[i];
  return sum;
}

export function requireFinite(value: number, parameter: string): void {
  if (!Number.isFinite(value)) throw new PortfolioOptimizationError('INVALID_INPUT', `must be a finite number, got ${formatValue(value)}`, parameter);
}
