import type { Matrix } from 'ml-matrix';
import { formatValue, PortfolioOptimizationError } from './errors';
import { searchEfficientRisk } from './efficient-risk-search';
import { validateFrontierInput, type FrontierData } from './frontier-input';
import { solveMaxSharpe } from './max-sharpe';
import type { QpSolver } from './qp-solver';
import { checkBudgetFeasible, resolveConstraints, type FrontierConstraints, type ResolvedConstraints } from './weight-constraints';
import {
  buildWeightProblem,
  dot,
  portfolioVariance,
  requireFinite,
  solveWeights,
  validateTerms,
  type ObjectiveTerms,
  type WeightObjective,
} from './weight-problem';

export interface EfficientFrontierSpec extends FrontierConstraints, ObjectiveTerms {
  assets: readonly string[];
  /** Annual expected returns (same order as `assets`); null if only minVolatility is used. */
  expectedReturns: Float64Array | null;
  /** Annual covariance of returns: symmetric positive semidefinite, assets x assets. */
  covariance: Matrix;
}

export interface OptimizedPortfolio {
  assets: readonly string[];
  weights: Float64Array;
}

export interface MarketNeutralOption {
  /** Weights sum to 0 instead of 1 (needs a negative lower bound). Default false. */
  marketNeutral?: boolean;
}

/** PyPortfolioOpt's max_sharpe / portfolio_performance default risk-free rate (annual). */
export const DEFAULT_RISK_FREE_RATE = 0.02;

/** Tolerance when comparing a target with the achievable extreme (rounding in the solver). */
const TARGET_SLACK = 1e-9;

/**
 * Mean-variance optimiser with PyPortfolioOpt's EfficientFrontier semantics,
 * solved by HiGHS. Inputs, constraints and objective terms are fixed at
 * construction (validated once); each method solves a fresh problem and
 * returns weights in asset order.
 */
export class EfficientFrontier {
  private readonly data: FrontierData;
  private readonly constraints: ResolvedConstraints;
  private readonly terms: ObjectiveTerms;

  constructor(
    private readonly solver: QpSolver,
    spec: EfficientFrontierSpec,
  ) {
    this.data = validateFrontierInput(spec.assets, spec.expectedReturns, spec.covariance);
    this.constraints = resolveConstraints(this.data.assets, spec);
    this.terms = { l2Gamma: spec.l2Gamma, transactionCost: spec.transactionCost };
    validateTerms(this.data.assets, this.terms);
  }

  /** Minimise w'Sigma w (+ gamma ||w||^2 + k ||w - w_prev||_1) with sum(w) = 1. */
  minVolatility(): OptimizedPortfolio {
    return this.portfolio(this.solveWeightSpace({ riskWeight: 1, linear: null, budget: 1 }, 'minVolatility'));
  }

  /**
   * Maximise (mu'w - riskFreeRate) / sqrt(w'Sigma w); riskFreeRate defaults to
   * 0.02 (PyPortfolioOpt <= 1.5's default, the one its asserted test values use).
   * See solveMaxSharpe for the transform; transaction costs are not supported here.
   */
  maxSharpe(options: { riskFreeRate?: number } = {}): OptimizedPortfolio {
    const riskFreeRate = options.riskFreeRate ?? DEFAULT_RISK_FREE_RATE;
    requireFinite(riskFreeRate, 'riskFreeRate');
    const mu = this.requireReturns('maxSharpe');
    if (this.terms.transactionCost) {
      throw new PortfolioOptimizationError('INVALID_INPUT', 'transaction costs are not supported by maxSharpe (the variable change rescales weights)', 'transactionCost');
    }
    checkBudgetFeasible(this.data.assets, this.constraints, 1);
    const weights = solveMaxSharpe(this.solver, this.data, mu, this.constraints, this.terms.l2Gamma ?? 0, riskFreeRate, () =>
      this.maxReturn(1),
    );
    return this.portfolio(weights);
  }

  /** Maximise mu'w - (riskAversion / 2) w'Sigma w (- penalties); riskAversion > 0, default 1. */
  maxQuadraticUtility(options: { riskAversion?: number } & MarketNeutralOption = {}): OptimizedPortfolio {
    const riskAversion = options.riskAversion ?? 1;
    if (!(riskAversion > 0) || !Number.isFinite(riskAversion)) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `must be a finite number > 0, got ${riskAversion}`, 'riskAversion');
    }
    const mu = this.requireReturns('maxQuadraticUtility');
    const budget = this.budget(options);
    const linear = mu.map((m) => -m);
    return this.portfolio(this.solveWeightSpace({ riskWeight: riskAversion / 2, linear, budget }, 'maxQuadraticUtility'));
  }

  /**
   * Maximise mu'w (- penalties) subject to sqrt(w'Sigma w) <= targetVolatility,
   * by a 1-D search over the risk aversion (see searchEfficientRisk); the
   * volatility matches the target to ~1e-12 when the constraint binds.
   */
  efficientRisk(targetVolatility: number, options: MarketNeutralOption = {}): OptimizedPortfolio {
    requireFinite(targetVolatility, 'targetVolatility');
    if (targetVolatility < 0) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `must be >= 0, got ${targetVolatility}`, 'targetVolatility');
    }
    const mu = this.requireReturns('efficientRisk');
    const budget = this.budget(options);
    const minVolatilityWeights = this.solveWeightSpace({ riskWeight: 1, linear: null, budget, withoutTerms: true }, 'efficientRisk');
    const minVolatility = Math.sqrt(portfolioVariance(this.data.covariance, minVolatilityWeights));
    if (targetVolatility < minVolatility * (1 - TARGET_SLACK) - TARGET_SLACK) {
      throw new PortfolioOptimizationError(
        'TARGET_VOLATILITY_TOO_LOW',
        `${formatValue(targetVolatility)} is below the minimum volatility ${formatValue(minVolatility)} achievable under the constraints; feasible range is [${formatValue(minVolatility)}, infinity)`,
        'targetVolatility',
      );
    }
    const linear = mu.map((m) => -m);
    const weights = searchEfficientRisk(
      {
        solveAt: (lambda) => this.solveWeightSpace({ riskWeight: lambda, linear, budget }, 'efficientRisk', true),
        volatility: (w) => Math.sqrt(portfolioVariance(this.data.covariance, w)),
        variance: (w) => portfolioVariance(this.data.covariance, w),
        minVolatilityWeights,
      },
      targetVolatility,
    );
    return this.portfolio(weights);
  }

  /** Minimise w'Sigma w (+ penalties) subject to mu'w >= targetReturn (the Markowitz portfolio). */
  efficientReturn(targetReturn: number, options: MarketNeutralOption = {}): OptimizedPortfolio {
    requireFinite(targetReturn, 'targetReturn');
    const mu = this.requireReturns('efficientReturn');
    const budget = this.budget(options);
    const maxReturn = this.maxReturn(budget);
    const slack = TARGET_SLACK * Math.max(1, Math.abs(maxReturn));
    if (targetReturn > maxReturn + slack) {
      throw new PortfolioOptimizationError(
        'TARGET_RETURN_TOO_HIGH',
        `${formatValue(targetReturn)} exceeds the maximum expected return ${formatValue(maxReturn)} achievable under the constraints; feasible range is (-infinity, ${formatValue(maxReturn)}]`,
        'targetReturn',
      );
    }
    // A target at the maximum (within rounding) is the maximum itself.
    const target = Math.min(targetReturn, maxReturn);
    const all = Array.from(mu.keys());
    const returnRow = { indices: all, values: Array.from(mu), lower: target, upper: Infinity };
    return this.portfolio(this.solveWeightSpace({ riskWeight: 1, linear: null, budget, extraRows: [returnRow] }, 'efficientReturn'));
  }

  /** The largest expected return any feasible portfolio reaches (Infinity if unbounded). */
  private maxReturn(budget: number): number {
    const mu = this.requireReturns('maxReturn');
    const weights = this.solveWeightSpace({ riskWeight: 0, linear: mu.map((m) => -m), budget, withoutTerms: true }, 'maxReturn', true);
    return weights === null ? Infinity : dot(mu, weights);
  }

  private solveWeightSpace(objective: WeightObjective, what: string): Float64Array;
  private solveWeightSpace(objective: WeightObjective, what: string, allowUnbounded: true): Float64Array | null;
  private solveWeightSpace(objective: WeightObjective, what: string, allowUnbounded = false): Float64Array | null {
    checkBudgetFeasible(this.data.assets, this.constraints, objective.budget);
    const problem = buildWeightProblem(this.data, this.constraints, this.terms, objective);
    const weights = solveWeights(this.solver, problem, this.data.assets.length, what);
    if (weights === null && !allowUnbounded) {
      throw new PortfolioOptimizationError('SOLVER_FAILED', 'the problem is unbounded (set finite weight bounds)', what);
    }
    return weights;
  }

  private budget(options: MarketNeutralOption): number {
    if (!options.marketNeutral) return 1;
    if (!this.constraints.lower.some((lb) => lb < 0)) {
      throw new PortfolioOptimizationError(
        'MARKET_NEUTRAL_REQUIRES_SHORTING',
        'weights summing to 0 need at least one negative lower bound (for example weightBounds [-1, 1]); PyPortfolioOpt would silently widen the bounds, this optimiser does not',
        'marketNeutral',
      );
    }
    return 0;
  }

  private requireReturns(method: string): Float64Array {
    if (this.data.expectedReturns === null) {
      throw new PortfolioOptimizationError('INVALID_INPUT', `${method} needs expected returns, but expectedReturns is null`, 'expectedReturns');
    }
    return this.data.expectedReturns;
  }

  private portfolio(weights: Float64Array): OptimizedPortfolio {
    // +0 removes signed zeros, as PyPortfolioOpt does.
    return { assets: this.data.assets, weights: weights.map((w) => w + 0) };
  }
}
