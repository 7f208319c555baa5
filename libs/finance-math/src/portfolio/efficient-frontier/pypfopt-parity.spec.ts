/**
 * Parity with PyPortfolioOpt's tests/test_efficient_frontier.py on its own
 * stock_prices.csv fixture, with mu = mean_historical_return and S = sample_cov
 * (computed here by the sibling modules ../expected-returns and ../risk-models).
 * Expected triples are (expected return, volatility, Sharpe at rf = 0.02) as
 * asserted there. Their default tolerance is rtol 1e-7 (cvxpy's solvers); we
 * require 1e-5 relative, as agreed for the port. Their efficient_risk tests use
 * atol 1e-6; we meet 1e-5 relative there too, and the target volatility to 1e-8.
 */
import { readPricePanel } from '@tethys/data';
import { Matrix } from 'ml-matrix';
import { meanHistoricalReturn } from '../expected-returns';
import { sampleCov } from '../risk-models';
import { EfficientFrontier, type EfficientFrontierSpec } from './efficient-frontier';
import { PortfolioOptimizationError } from './errors';
import { portfolioPerformance } from './performance';
import { loadQpSolver, type QpSolver } from './qp-solver';
import { expectClose, sum } from './test-helpers.fixture';

const panel = readPricePanel(`${__dirname}/../../../../../data/pypfopt/stock_prices.csv`);
const mu = meanHistoricalReturn(panel);
const S = sampleCov(panel);
const n = panel.assets.length;

let solver: QpSolver;
beforeAll(async () => {
  solver = await loadQpSolver();
});

function frontier(overrides: Partial<EfficientFrontierSpec> = {}): EfficientFrontier {
  return new EfficientFrontier(solver, { assets: panel.assets, expectedReturns: mu, covariance: S, ...overrides });
}

function expectPerformance(weights: Float64Array, expected: [number, number, number], rel = 1e-5): void {
  const { expectedReturn, volatility, sharpe } = portfolioPerformance(weights, mu, S);
  const actual = [expectedReturn, volatility, sharpe];
  const failures = expected.flatMap((value, i) => (Math.abs(actual[i] - value) <= rel * Math.abs(value) ? [] : [`[${i}] ${actual[i]} vs ${value}`]));
  expect(failures).toEqual([]);
}

const shorting = { weightBounds: [null, null] as const }; // PyPortfolioOpt maps (None, None) to (-1, 1)

describe('PyPortfolioOpt parity: min_volatility', () => {
  it('test_min_volatility', () => {
    const { weights } = frontier().minVolatility();
    expect(sum(weights)).toBeCloseTo(1, 9);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(0);
    expectPerformance(weights, [0.15056821399482578, 0.15915084514118694, 0.8204054077060996]);
  });

  it('test_min_volatility_short', () => {
    expectPerformance(frontier(shorting).minVolatility().weights, [0.1516319319875544, 0.1555915367269669, 0.8460095886741129]);
  });

  it('test_min_volatility_L2_reg (gamma 1) and the gamma = 1e10 limit (equal weights)', () => {
    expectPerformance(frontier({ l2Gamma: 1 }).minVolatility().weights, [0.17356099329164965, 0.1955254118258614, 0.785376140408869]);
    expectClose(frontier({ l2Gamma: 1e10 }).minVolatility().weights, new Float64Array(n).fill(1 / n), 1e-6);
  });

  it('test_min_volatility_tx_costs_L2_reg (equal-weight previous portfolio, k = 0.001, gamma 1)', () => {
    const previousWeights = new Float64Array(n).fill(1 / n);
    const weights = frontier({ l2Gamma: 1, transactionCost: { previousWeights } }).minVolatility().weights;
    expectPerformance(weights, [0.17363446634404042, 0.1959773703677164, 0.7839398296638683]);
  });

  it('test_min_volatility_sector_constraints (shorting allowed)', () => {
    const weights = frontier({ ...shorting, sectors: SECTORS }).minVolatility().weights;
    expectSectorSums(weights);
  });
});

describe('PyPortfolioOpt parity: max_sharpe', () => {
  it('test_max_sharpe_long_only', () => {
    expectPerformance(frontier().maxSharpe().weights, [0.3047768672819914, 0.22165566922402932, 1.2847714127003216]);
  });

  it('test_max_sharpe_short', () => {
    expectPerformance(frontier(shorting).maxSharpe().weights, [0.4937195216716211, 0.29516576454651955, 1.6049270564945908]);
  });

  it('test_max_sharpe_L2_reg (gamma 5, penalty on the transformed variable as in PyPortfolioOpt)', () => {
    expectPerformance(frontier({ l2Gamma: 5 }).maxSharpe().weights, [0.2516854357026833, 0.22043282695478603, 1.051047790401043]);
  });

  it('test_max_sharpe_L2_reg_with_shorts (gamma 1)', () => {
    expectPerformance(frontier({ ...shorting, l2Gamma: 1 }).maxSharpe().weights, [0.2995338981166366, 0.2234696161770517, 1.2508810052063901]);
  });

  it('test_max_sharpe_long_weight_bounds (0.03, 0.13) and per-asset bounds', () => {
    const weights = frontier({ weightBounds: [0.03, 0.13] }).maxSharpe().weights;
    expect(sum(weights)).toBeCloseTo(1, 9);
    expect(Math.min(...weights)).toBeGreaterThanOrEqual(0.03 - 1e-9);
    expect(Math.max(...weights)).toBeLessThanOrEqual(0.13 + 1e-9);
    const pairs = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? ([0.01, 0.13] as const) : ([0.02, 0.11] as const)));
    const perAsset = frontier({ weightBounds: pairs }).maxSharpe().weights;
    perAsset.forEach((w, i) => {
      expect(w).toBeGreaterThanOrEqual(pairs[i][0] - 1e-9);
      expect(w).toBeLessThanOrEqual(pairs[i][1] + 1e-9);
    });
  });

  it('test_max_sharpe_sector_constraints_auto', () => {
    expectSectorSums(frontier({ sectors: SECTORS }).maxSharpe().weights);
  });
});

describe('PyPortfolioOpt parity: max_quadratic_utility', () => {
  it('test_max_quadratic_utility (risk aversion 2)', () => {
    expectPerformance(frontier().maxQuadraticUtility({ riskAversion: 2 }).weights, [0.3677732711751504, 0.2921342197778279, 1.1904571516463793]);
  });

  it('test_max_quadratic_utility_with_shorts and _market_neutral (bounds (-1, 1))', () => {
    const ef = frontier({ weightBounds: [-1, 1] });
    expectPerformance(ef.maxQuadraticUtility().weights, [1.4170505733098597, 1.0438577623242156, 1.3383533884915872]);
    const neutral = ef.maxQuadraticUtility({ marketNeutral: true }).weights;
    expect(sum(neutral)).toBeCloseTo(0, 9);
    expectPerformance(neutral, [1.248936321062371, 1.0219175004907117, 1.2025787996313317]);
  });

  it('test_max_quadratic_utility_L2_reg (gamma 5) and the risk-aversion 1e10 limit (min volatility)', () => {
    expectPerformance(frontier({ l2Gamma: 5 }).maxQuadraticUtility().weights, [0.19774277217586125, 0.2104822672707046, 0.8444548535162986]);
    expectClose(frontier().maxQuadraticUtility({ riskAversion: 1e10 }).weights, frontier().minVolatility().weights, 1.5e-6);
  });
});

describe('PyPortfolioOpt parity: efficient_risk', () => {
  it('test_efficient_risk (0.19) hits the target volatility to 1e-8', () => {
    const weights = frontier().efficientRisk(0.19).weights;
    expectPerformance(weights, [0.2552422849133517, 0.1900000002876062, 1.2381172871434818]);
    expect(Math.abs(portfolioPerformance(weights, mu, S).volatility - 0.19)).toBeLessThan(1e-8);
  });

  it('test_efficient_risk_short, _L2_reg, _market_neutral, _market_neutral_L2_reg', () => {
    expectPerformance(frontier({ weightBounds: [-1, 1] }).efficientRisk(0.19).weights, [0.30035471606347336, 0.1900000003049494, 1.4755511348079207]);
    expectPerformance(frontier({ l2Gamma: 5 }).efficientRisk(0.19).weights, [0.1931352562313653, 0.18999999989010993, 0.9112381912184281]);
    const neutral = frontier({ weightBounds: [-1, 1] }).efficientRisk(0.21, { marketNeutral: true }).weights;
    expect(sum(neutral)).toBeCloseTo(0, 9);
    expectPerformance(neutral, [0.28640632960825885, 0.20999999995100788, 1.2686015698590967]);
    // Volatility constraint slack here (0.1175 < 0.19): PyPortfolioOpt's cvxpy answer is within its atol 1e-6 of ours.
    expectPerformance(frontier({ weightBounds: [-1, 1], l2Gamma: 1 }).efficientRisk(0.19, { marketNeutral: true }).weights, [0.12790320789339854, 0.1175336636355454, 0.9180621496492316]);
  });

  it('test_efficient_risk_many_values and test_efficient_risk_error', () => {
    for (const target of [0.16, 0.21, 0.3]) {
      const weights = frontier().efficientRisk(target).weights;
      expect(Math.abs(portfolioPerformance(weights, mu, S).volatility - target)).toBeLessThan(1e-8);
    }
    const minimum = portfolioPerformance(frontier().minVolatility().weights, mu, S).volatility;
    expect(() => frontier().efficientRisk(minimum + 0.01)).not.toThrow();
    expect(() => frontier().efficientRisk(minimum - 0.01)).toThrow(PortfolioOptimizationError);
  });

  it('test_efficient_risk_sector_constraints_auto', () => {
    expectSectorSums(frontier({ sectors: SECTORS }).efficientRisk(0.19).weights);
  });
});

describe('PyPortfolioOpt parity: efficient_return', () => {
  it('test_efficient_return (0.25), _short, _L2_reg, _market_neutral', () => {
    expectPerformance(frontier().efficientReturn(0.25).weights, [0.25, 0.18723269942026335, 1.2284179030274036]);
    expectPerformance(frontier(shorting).efficientReturn(0.25).weights, [0.25, 0.17149595234895817, 1.3411395245760582]);
    expectPerformance(frontier({ l2Gamma: 1 }).efficientReturn(0.25).weights, [0.25, 0.20961660883459776, 1.0972412981906703]);
    const neutral = frontier({ weightBounds: [-1, 1] }).efficientReturn(0.25, { marketNeutral: true }).weights;
    expect(sum(neutral)).toBeCloseTo(0, 9);
    expectPerformance(neutral, [0.25, 0.1833060046337015, 1.2547324920403273]);
  });

  it('test_efficient_return_max puts everything in the best asset; test_efficient_return_error', () => {
    const best = mu.indexOf(Math.max(...mu));
    const weights = frontier().efficientReturn(mu[best]).weights;
    const expected = new Float64Array(n);
    expected[best] = 1;
    expectClose(weights, expected, 1e-6);
    expect(() => frontier().efficientReturn(mu[best] + 0.01)).toThrow(PortfolioOptimizationError);
  });

  it('test_efficient_return_longshort_target (9 assets, diagonal covariance, market neutral)', () => {
    const smallMu = Float64Array.from([-0.15, -0.12, -0.1, -0.05, -0.01, 0.02, 0.03, 0.04, 0.05]);
    const covariance = Matrix.diag([0.2, 0.2, 0.4, 0.3, 0.1, 0.5, 0.2, 0.3, 0.1]);
    const assets = Array.from(smallMu, (_, i) => String(i));
    const ef = new EfficientFrontier(solver, { assets, expectedReturns: smallMu, covariance, weightBounds: [-1, 1] });
    const weights = ef.efficientReturn(0.08, { marketNeutral: true }).weights;
    expect(sum(weights)).toBeCloseTo(0, 9);
    const { expectedReturn, volatility, sharpe } = portfolioPerformance(weights, smallMu, covariance);
    expectClose([expectedReturn, volatility, sharpe], [0.08, 0.16649041068958137, 0.3603811159542937], 1e-6);
  });
});

// The sector setup of test_*_sector_constraints*.
const SECTORS = {
  mapper: {
    GOOG: 'tech', AAPL: 'tech', FB: 'tech', AMZN: 'tech', BABA: 'tech', GE: 'utility', AMD: 'tech', WMT: 'retail', BAC: 'fig', GM: 'auto',
    T: 'auto', UAA: 'airline', SHLD: 'retail', XOM: 'energy', RRC: 'energy', BBY: 'retail', MA: 'fig', PFE: 'pharma', JPM: 'fig', SBUX: 'retail',
  } as Record<string, string>,
  upper: { tech: 0.2, utility: 0.1, retail: 0.2, fig: 0.4, airline: 0.05, energy: 0.2 } as Record<string, number>,
  lower: { utility: 0.01, fig: 0.02, airline: 0.01 } as Record<string, number>,
};

function expectSectorSums(weights: Float64Array): void {
  expect(sum(weights)).toBeCloseTo(1, 9);
  for (const sector of new Set([...Object.keys(SECTORS.upper), ...Object.keys(SECTORS.lower)])) {
    const total = sum(panel.assets.map((asset, i) => (SECTORS.mapper[asset] === sector ? weights[i] : 0)));
    expect(total).toBeLessThanOrEqual((SECTORS.upper[sector] ?? 1) + 1e-5);
    expect(total).toBeGreaterThanOrEqual((SECTORS.lower[sector] ?? 0) - 1e-5);
  }
}
