import {
  formatTable,
  optionalInteger,
  optionalNumber,
  requiredString,
  UsageError,
  type CliIo,
  type CommandSpec,
  type OptionValues,
} from '@tethys/cli';
import { priceReturns, readPricePanel, type PricePanel } from '@tethys/data';
import {
  cleanWeights,
  EfficientFrontier,
  hierarchicalRiskParity,
  loadQpSolver,
  PortfolioOptimizationError,
  portfolioPerformance,
  weightsByAsset,
  type PortfolioPerformance,
} from '@tethys/finance-math';
import type { Matrix } from 'ml-matrix';
import { expectedReturnsOf, riskModelOf, type ExpectedReturnMethod, type RiskModelMethod } from '../estimation';
import { EXPECTED_RETURN_METHODS, RISK_MODEL_METHODS } from '../params';
import { boundsOption, choiceOption, positiveNumberOption, refuseUnless } from './option-parsing';

export const OBJECTIVES = ['min_volatility', 'max_sharpe', 'max_quadratic_utility', 'efficient_risk', 'efficient_return', 'hrp'] as const;
export type Objective = (typeof OBJECTIVES)[number];

/** Daily prices: 252 periods a year for annualising returns and covariances. */
const FREQUENCY = 252;
const DEFAULT_RISK_FREE_RATE = 0.02;
const DEFAULT_BOUNDS: [number, number] = [0, 1];
/** PyPortfolioOpt's default spans: ema_historical_return 500, exp_cov 180. */
const DEFAULT_EMA_SPAN = 500;
const DEFAULT_EXP_COV_SPAN = 180;
const MARKET_NEUTRAL_OBJECTIVES: readonly Objective[] = ['max_quadratic_utility', 'efficient_risk', 'efficient_return'];

export interface OptimizeRequest {
  prices: string;
  objective: Objective;
  expectedReturns: ExpectedReturnMethod;
  riskModel: RiskModelMethod;
  riskFreeRate: number;
  /** null for hrp, which is long-only by construction. */
  bounds: [number, number] | null;
  marketNeutral: boolean;
  gamma: number;
  target: number | null;
  riskAversion: number | null;
  span: number | null;
  benchmarkReturn: number | null;
}

/** Reads and cross-checks the options; every inconsistency is a UsageError (exit 2). */
function readRequest(values: OptionValues): OptimizeRequest {
  const prices = requiredString(values, 'prices');
  const objective = choiceOption(values, 'objective', OBJECTIVES);
  const expectedReturns = choiceOption(values, 'expected-returns', EXPECTED_RETURN_METHODS, 'mean_historical');
  const riskModel = choiceOption(values, 'risk-model', RISK_MODEL_METHODS, 'sample_cov');
  const hrp = objective === 'hrp';

  const targeted = objective === 'efficient_risk' || objective === 'efficient_return';
  refuseUnless(values, 'target', targeted, 'to efficient_risk (target volatility) and efficient_return (target return)');
  const target =
    objective === 'efficient_risk'
      ? optionalNumber(values, 'target', { min: 0 })
      : objective === 'efficient_return'
        ? optionalNumber(values, 'target')
        : undefined;
  if (targeted && target === undefined) {
    throw new UsageError(`--target is required for ${objective} (${objective === 'efficient_risk' ? 'annual volatility' : 'annual expected return'})`);
  }
  refuseUnless(values, 'risk-aversion', objective === 'max_quadratic_utility', 'to max_quadratic_utility');
  refuseUnless(values, 'market-neutral', MARKET_NEUTRAL_OBJECTIVES.includes(objective), `to ${MARKET_NEUTRAL_OBJECTIVES.join(', ')}`);
  refuseUnless(values, 'bounds', !hrp, 'to the mean-variance objectives (hrp weights are long-only, in [0, 1])');
  refuseUnless(values, 'gamma', !hrp, 'to the mean-variance objectives, not hrp');
  refuseUnless(values, 'span', expectedReturns === 'ema_historical' || riskModel === 'exp_cov', 'with --expected-returns ema_historical or --risk-model exp_cov');
  refuseUnless(values, 'benchmark-return', riskModel === 'semicovariance', 'with --risk-model semicovariance');

  const bounds = hrp ? null : boundsOption(values, 'bounds', DEFAULT_BOUNDS);
  const marketNeutral = values['market-neutral'] === true;
  if (marketNeutral && bounds !== null && bounds[0] >= 0) {
    throw new UsageError('--market-neutral needs a negative lower bound so weights can sum to 0 (for example --bounds -1,1)');
  }
  return {
    prices,
    objective,
    expectedReturns,
    riskModel,
    riskFreeRate: optionalNumber(values, 'risk-free-rate', { min: -0.99, max: 1 }) ?? DEFAULT_RISK_FREE_RATE,
    bounds,
    marketNeutral,
    gamma: optionalNumber(values, 'gamma', { min: 0 }) ?? 0,
    target: target ?? null,
    riskAversion: objective === 'max_quadratic_utility' ? positiveNumberOption(values, 'risk-aversion', 1) : null,
    span: optionalInteger(values, 'span', { min: 1 }) ?? null,
    benchmarkReturn: optionalNumber(values, 'benchmark-return') ?? null,
  };
}

function covarianceOf(panel: PricePanel, request: OptimizeRequest): Matrix {
  return riskModelOf(panel, request.riskModel, {
    span: request.span ?? DEFAULT_EXP_COV_SPAN,
    frequency: FREQUENCY,
    semicovarianceBenchmark: request.benchmarkReturn ?? undefined,
  });
}

async function solveWeights(panel: PricePanel, request: OptimizeRequest, mu: Float64Array, covariance: Matrix): Promise<Float64Array> {
  if (request.objective === 'hrp') {
    // HRP clusters the simple returns themselves (pairwise over missing prices), as PyPortfolioOpt's HRPOpt.
    const returns = priceReturns(panel, { kind: 'simple', missing: 'keep' });
    return hierarchicalRiskParity({ assets: returns.assets, returns: returns.returns }).weights;
  }
  const frontier = new EfficientFrontier(await loadQpSolver(), {
    assets: panel.assets,
    expectedReturns: mu,
    covariance,
    weightBounds: request.bounds ?? DEFAULT_BOUNDS,
    l2Gamma: request.gamma,
  });
  const marketNeutral = request.marketNeutral;
  switch (request.objective) {
    case 'min_volatility':
      return frontier.minVolatility().weights;
    case 'max_sharpe':
      return frontier.maxSharpe({ riskFreeRate: request.riskFreeRate }).weights;
    case 'max_quadratic_utility':
      return frontier.maxQuadraticUtility({ riskAversion: request.riskAversion ?? 1, marketNeutral }).weights;
    case 'efficient_risk':
      return frontier.efficientRisk(request.target as number, { marketNeutral }).weights;
    case 'efficient_return':
      return frontier.efficientReturn(request.target as number, { marketNeutral }).weights;
  }
}

export interface OptimizeResult {
  prices: string;
  assets: number;
  dates: { first: string; last: string; count: number };
  objective: Objective;
  expectedReturns: ExpectedReturnMethod;
  riskModel: RiskModelMethod;
  frequency: number;
  weightBounds: [number, number] | null;
  marketNeutral: boolean;
  gamma: number;
  target: number | null;
  riskAversion: number | null;
  span: number | null;
  benchmarkReturn: number | null;
  /** PyPortfolioOpt's clean_weights: |w| < 1e-4 set to 0, rounded to 5 decimals. */
  weights: Record<string, number>;
  rawWeights: Record<string, number>;
  /** Of the raw weights, annual; Sharpe at `riskFreeRate`. */
  performance: PortfolioPerformance & { riskFreeRate: number };
}

/** The optimiser's parameter names as the CLI spells them, for error messages. */
const FLAG_OF_PARAMETER: Readonly<Record<string, string>> = {
  targetVolatility: '--target',
  targetReturn: '--target',
  weightBounds: '--bounds',
  marketNeutral: '--market-neutral',
  l2Gamma: '--gamma',
  riskAversion: '--risk-aversion',
  riskFreeRate: '--risk-free-rate',
};

/** An infeasible or degenerate problem: the optimiser's one-line reason, named by objective and CLI flag. */
function explainOptimizationError(error: PortfolioOptimizationError, objective: Objective): Error {
  const flag = error.parameter === undefined ? undefined : FLAG_OF_PARAMETER[error.parameter];
  const reason = flag === undefined ? error.message : `${flag}: ${error.message.slice(`${error.parameter}: `.length)}`;
  return new Error(`${objective} (${error.code}): ${reason}`);
}

export async function optimize(request: OptimizeRequest): Promise<OptimizeResult> {
  try {
    return await optimizeOrThrow(request);
  } catch (error) {
    throw error instanceof PortfolioOptimizationError ? explainOptimizationError(error, request.objective) : error;
  }
}

async function optimizeOrThrow(request: OptimizeRequest): Promise<OptimizeResult> {
  const panel = readPricePanel(request.prices);
  const mu = expectedReturnsOf(panel, request.expectedReturns, {
    span: request.span ?? DEFAULT_EMA_SPAN,
    frequency: FREQUENCY,
    riskFreeRate: request.riskFreeRate,
  });
  const covariance = covarianceOf(panel, request);
  const weights = await solveWeights(panel, request, mu, covariance);
  const performance = portfolioPerformance(weights, mu, covariance, request.riskFreeRate);
  return {
    prices: request.prices,
    assets: panel.assets.length,
    dates: { first: panel.dates[0], last: panel.dates[panel.dates.length - 1], count: panel.dates.length },
    objective: request.objective,
    expectedReturns: request.expectedReturns,
    riskModel: request.riskModel,
    frequency: FREQUENCY,
    weightBounds: request.bounds,
    marketNeutral: request.marketNeutral,
    gamma: request.gamma,
    target: request.target,
    riskAversion: request.riskAversion,
    span: request.span,
    benchmarkReturn: request.benchmarkReturn,
    weights: weightsByAsset(panel.assets, cleanWeights(weights)),
    rawWeights: weightsByAsset(panel.assets, weights),
    performance: { ...performance, riskFreeRate: request.riskFreeRate },
  };
}

function describeSetup(result: OptimizeResult): string {
  const parts = [
    `expected returns ${result.expectedReturns}`,
    `risk model ${result.riskModel}`,
    result.weightBounds ? `weight bounds [${result.weightBounds.join(', ')}]` : 'long-only (hrp)',
  ];
  if (result.marketNeutral) parts.push('market neutral (weights sum to 0)');
  if (result.gamma > 0) parts.push(`L2 gamma ${result.gamma}`);
  if (result.target !== null) parts.push(`target ${result.objective === 'efficient_risk' ? 'volatility' : 'return'} ${result.target}`);
  if (result.riskAversion !== null) parts.push(`risk aversion ${result.riskAversion}`);
  return parts.join('; ');
}

function printResult(result: OptimizeResult, io: CliIo): void {
  const { dates, performance: p } = result;
  io.stdout(`${result.objective} on ${result.prices}: ${result.assets} assets, ${dates.count} price dates ${dates.first} .. ${dates.last}\n`);
  io.stdout(`${describeSetup(result)}\n\n`);
  io.stdout('weights (cleaned: |w| < 1e-4 set to 0, rounded to 5 decimals)\n');
  io.stdout(formatTable(['asset', 'weight'], Object.entries(result.weights).map(([asset, w]) => [asset, w.toFixed(5)])));
  io.stdout(`\nperformance (annual, ${result.frequency} periods a year; Sharpe ratio at risk-free rate ${p.riskFreeRate})\n`);
  io.stdout(
    formatTable(
      ['metric', 'value'],
      [
        ['expected return', p.expectedReturn.toFixed(6)],
        ['volatility', p.volatility.toFixed(6)],
        ['Sharpe ratio', p.sharpe.toFixed(6)],
      ],
    ),
  );
}

async function run(values: OptionValues, _positionals: string[], io: CliIo): Promise<void> {
  const result = await optimize(readRequest(values));
  if (values.json) io.stdout(`${JSON.stringify(result, null, 2)}\n`);
  else printResult(result, io);
}

export const optimizeCommand: CommandSpec = {
  name: 'optimize',
  summary: 'optimal portfolio weights from a price CSV (mean-variance or HRP)',
  usage: `Usage: tethys-quant optimize --prices FILE.csv --objective ${OBJECTIVES.join('|')}
         [--expected-returns ${EXPECTED_RETURN_METHODS.join('|')}]
         [--risk-model ${RISK_MODEL_METHODS.join('|')}]
         [--target X] [--risk-aversion A] [--risk-free-rate R] [--bounds LO,HI] [--market-neutral]
         [--gamma G] [--span N] [--benchmark-return B] [--json]

Estimates annual expected returns and covariance from FILE.csv (a "date" column and one
column of daily prices per asset; ${FREQUENCY} periods a year), solves the objective with
PyPortfolioOpt's semantics, and prints the cleaned weights (|w| < 1e-4 -> 0, 5 decimals) and
the performance of the weights: expected return, volatility and Sharpe ratio at --risk-free-rate.

  --expected-returns   default mean_historical
  --risk-model         default sample_cov
  --target             required for efficient_risk (annual volatility) and efficient_return
                       (annual return); refused otherwise
  --risk-aversion      max_quadratic_utility only; default 1
  --risk-free-rate     annual; max_sharpe's rate, capm's rate and the reported Sharpe's; default ${DEFAULT_RISK_FREE_RATE}
  --bounds LO,HI       per-asset weight bounds; default 0,1 (for example -1,1 to allow shorting)
  --market-neutral     weights sum to 0 (needs LO < 0); max_quadratic_utility, efficient_risk, efficient_return
  --gamma G            L2 regularisation gamma * ||w||^2; default 0
  --span N             ema_historical / exp_cov span; defaults ${DEFAULT_EMA_SPAN} / ${DEFAULT_EXP_COV_SPAN}
  --benchmark-return B semicovariance benchmark, per period; default 0.000079 ((1.02)^(1/252) - 1)
  --json               the full result as JSON (cleaned and raw weights, performance, settings)

hrp (hierarchical risk parity) clusters the daily returns for the weights and ignores the
expected returns there; the performance still uses --expected-returns and --risk-model.
An infeasible problem (for example a target volatility below the minimum) exits 1 with the reason.`,
  options: {
    prices: { type: 'string' },
    objective: { type: 'string' },
    'expected-returns': { type: 'string' },
    'risk-model': { type: 'string' },
    target: { type: 'string' },
    'risk-aversion': { type: 'string' },
    'risk-free-rate': { type: 'string' },
    bounds: { type: 'string' },
    'market-neutral': { type: 'boolean' },
    gamma: { type: 'string' },
    span: { type: 'string' },
    'benchmark-return': { type: 'string' },
    json: { type: 'boolean' },
  },
  run,
};
