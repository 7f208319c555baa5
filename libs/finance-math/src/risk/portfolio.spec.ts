import { historicalVaR } from './historical';
import { normalInverseCdf } from './normal';
import { parametricVaR } from './parametric';
import { portfolioHistoricalVaR, portfolioParametricVaR, portfolioReturns } from './portfolio';

// Two assets, 5 periods.
const assetA = [0.01, -0.02, 0.03, -0.01, 0.02];
const assetB = [0.02, 0.01, -0.03, 0.0, 0.01];
const panel = [assetA, assetB];

describe('portfolioReturns', () => {
  it('is the weighted sum per period (constant weights)', () => {
    const returns = portfolioReturns([0.5, 0.5], panel);
    expect(Array.from(returns).map((v) => Number(v.toFixed(12)))).toEqual([0.015, -0.005, 0, -0.005, 0.015]);
  });
});

describe('portfolioParametricVaR', () => {
  it('matches w mu and sqrt(w Sigma w) computed by hand', () => {
    // mu = (0.006, 0.002); Sigma (ddof 1): var A = 0.00043, var B = 0.00037, cov = -0.00019.
    const weights = [0.6, 0.4];
    const result = portfolioParametricVaR(weights, panel, { level: 0.95 });
    const variance = 0.36 * 0.00043 + 0.16 * 0.00037 + 2 * 0.24 * -0.00019;
    expect(result.portfolioMean).toBeCloseTo(0.6 * 0.006 + 0.4 * 0.002, 15);
    expect(result.portfolioSd).toBeCloseTo(Math.sqrt(variance), 14);
    const z = normalInverseCdf(0.05);
    expect(result.valueAtRisk).toBeCloseTo(-(result.portfolioMean + z * Math.sqrt(variance)), 14);
  });

  it('equals the parametric VaR of the portfolio return series, at any horizon', () => {
    const weights = [1.5, -0.5];
    const viaCovariance = portfolioParametricVaR(weights, panel, { level: 0.99, horizon: 10 });
    const viaSeries = parametricVaR(portfolioReturns(weights, panel), { level: 0.99, horizon: 10 });
    expect(viaCovariance.valueAtRisk).toBeCloseTo(viaSeries.valueAtRisk, 14);
    expect(viaCovariance.conditionalValueAtRisk).toBeCloseTo(viaSeries.conditionalValueAtRisk, 14);
  });

  it('component VaRs sum to the portfolio VaR; a single asset carries it all', () => {
    const result = portfolioParametricVaR([0.6, 0.4], panel, { level: 0.95, horizon: 5 });
    expect(result.componentVaR[0] + result.componentVaR[1]).toBeCloseTo(result.valueAtRisk, 15);
    const single = portfolioParametricVaR([1, 0], panel, { level: 0.95 });
    expect(single.componentVaR[0]).toBeCloseTo(parametricVaR(assetA, { level: 0.95 }).valueAtRisk, 15);
    expect(single.componentVaR[1]).toBeCloseTo(0, 15);
  });

  it('rejects mismatched weights, ragged panels and non-finite cells', () => {
    expect(() => portfolioParametricVaR([1], panel)).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH', parameter: 'weights' }));
    expect(() => portfolioParametricVaR([0.5, 0.5], [assetA, assetB.slice(1)])).toThrow(
      expect.objectContaining({ code: 'LENGTH_MISMATCH', parameter: 'panel[1]' }),
    );
    expect(() => portfolioParametricVaR([0.5, 0.5], [assetA, [0.01, Number.NaN, 0, 0, 0]])).toThrow(
      expect.objectContaining({ code: 'NON_FINITE_DATA', parameter: 'panel[1]', index: 1 }),
    );
    expect(() => portfolioParametricVaR([0.5, Infinity], panel)).toThrow(expect.objectContaining({ parameter: 'weights', index: 1 }));
    expect(() => portfolioParametricVaR([], [])).toThrow(expect.objectContaining({ parameter: 'panel' }));
  });
});

describe('portfolioHistoricalVaR', () => {
  it('is historical VaR of the portfolio return series', () => {
    const a = Array.from({ length: 40 }, (_, t) => Math.sin(t) / 50);
    const b = Array.from({ length: 40 }, (_, t) => Math.cos(3 * t) / 40);
    const weights = [0.3, 0.7];
    const expected = historicalVaR(
      a.map((v, t) => 0.3 * v + 0.7 * b[t]),
      { level: 0.95 },
    );
    const result = portfolioHistoricalVaR(weights, [a, b], { level: 0.95 });
    expect(result.valueAtRisk).toBeCloseTo(expected.valueAtRisk, 15);
    expect(result.conditionalValueAtRisk).toBeCloseTo(expected.conditionalValueAtRisk, 15);
  });
});
