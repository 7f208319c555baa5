import { AllocationError } from './allocation-error';
import { annualCagr, annualSampleCovariance, expectRelClose, performance, stockData } from './allocation-data.fixture';
import { claMaxSharpe, claMinVolatility, criticalLineTurningPoints } from './cla';

const diagonal = (values: number[]): number[][] => values.map((v, i) => values.map((_, j) => (i === j ? v : 0)));

describe('critical line algorithm (3 uncorrelated assets)', () => {
  const cov = diagonal([0.04, 0.09, 0.16]);
  const mu = [0.1, 0.15, 0.2];

  it('starts at the highest-return corner and ends at the minimum-variance portfolio', () => {
    const points = criticalLineTurningPoints(mu, cov);
    [0, 0, 1].forEach((v, i) => expect(points[0].weights[i]).toBeCloseTo(v, 12));
    expect(points[points.length - 1].lambda).toBe(0);
    for (let p = 1; p < points.length; p++) expect(points[p].lambda).toBeLessThan(points[p - 1].lambda);
  });

  it('min volatility is the inverse-variance portfolio when no bound binds', () => {
    const inv = [25, 100 / 9, 6.25];
    const total = inv.reduce((s, v) => s + v, 0);
    const { weights } = claMinVolatility(mu, cov);
    inv.forEach((v, i) => expect(weights[i]).toBeCloseTo(v / total, 12));
  });

  it('min volatility still works when all expected returns are equal', () => {
    const { weights } = claMinVolatility([0.1, 0.1, 0.1], cov);
    const inv = [25, 100 / 9, 6.25];
    const total = inv.reduce((s, v) => s + v, 0);
    inv.forEach((v, i) => expect(weights[i]).toBeCloseTo(v / total, 12));
  });

  it('min volatility caps a weight at its upper bound and re-solves the rest', () => {
    // Unconstrained asset 0 would get 0.59; capped at 0.5, the other 0.5 splits 1/0.09 : 1/0.16.
    const { weights } = claMinVolatility(mu, cov, [0, 0.5]);
    expect(weights[0]).toBeCloseTo(0.5, 12);
    expect(weights[1]).toBeCloseTo(0.5 * (0.16 / 0.25), 12);
    expect(weights[2]).toBeCloseTo(0.5 * (0.09 / 0.25), 12);
  });

  it('max Sharpe is the tangency portfolio S^-1 (mu - r_f), normalised, when all weights are positive', () => {
    const raw = [0.1 / 0.04, 0.15 / 0.09, 0.2 / 0.16];
    const total = raw.reduce((s, v) => s + v, 0);
    const { weights } = claMaxSharpe(mu, cov);
    raw.forEach((v, i) => expect(weights[i]).toBeCloseTo(v / total, 9));
  });

  it('long-only max Sharpe drops an asset with negative excess return', () => {
    const { weights } = claMaxSharpe([0.1, 0.15, 0.02], cov, { riskFreeRate: 0.03 });
    const raw = [0.07 / 0.04, 0.12 / 0.09];
    expect(weights[0]).toBeCloseTo(raw[0] / (raw[0] + raw[1]), 9);
    expect(weights[1]).toBeCloseTo(raw[1] / (raw[0] + raw[1]), 9);
    expect(weights[2]).toBeCloseTo(0, 12);
  });

  it('rejects infeasible bounds and a singular covariance', () => {
    try {
      claMinVolatility(mu, cov, [0, 0.3]);
      throw new Error('should have thrown');
    } catch (error) {
      expect(error).toBeInstanceOf(AllocationError);
      expect(error).toMatchObject({ code: 'INVALID_ARGUMENT', parameter: 'bounds' });
      expect(String(error)).toMatch(/upper bounds to 0\.8999/);
    }
    expect(() => claMinVolatility(mu, [[1, 1, 0], [1, 1, 0], [0, 0, 1]])).toThrow(/not positive definite/);
    expect(() => claMinVolatility(mu, cov, [[0, 1], [0, 1]])).toThrow(/3 assets/);
  });
});

describe('critical line algorithm (PyPortfolioOpt parity on stock_prices.csv)', () => {
  const { returns } = stockData();
  const mu = annualCagr(returns.returns);
  const S = annualSampleCovariance(returns.returns);

  it('min volatility matches the asserted performance', () => {
    const { weights } = claMinVolatility(mu, S);
    expect(weights.reduce((s, w) => s + w, 0)).toBeCloseTo(1, 12);
    const perf = performance(weights, mu, S);
    [0.1505682139948257, 0.15915084514118688, 0.8204054077060994].forEach((v, k) => expectRelClose(perf[k], v, 1e-9));
  });

  it('long-only max Sharpe matches the asserted performance', () => {
    const perf = performance(claMaxSharpe(mu, S).weights, mu, S);
    [0.2994470912768992, 0.21764331657015668, 1.283968171780824].forEach((v, k) => expectRelClose(perf[k], v, 1e-7));
  });

  it('max Sharpe with bounds (-1, 1) matches the asserted performance and beats long-only', () => {
    const perf = performance(claMaxSharpe(mu, S, { bounds: [-1, 1] }).weights, mu, S);
    // PyPortfolioOpt golden-section searches each segment (tolerance 1e-9); we solve it exactly,
    // so the asserted return/volatility agree to ~3e-8 and our Sharpe is marginally higher.
    [0.44859872371106785, 0.26762066559448255, 1.601515797589826].forEach((v, k) => expectRelClose(perf[k], v, 1e-7));
    expect(perf[2]).toBeGreaterThan(performance(claMaxSharpe(mu, S).weights, mu, S)[2]);
  });
});
