import { createRng } from '@tethys/data';
import { expectFactorError } from './expect-factor-error.fixture';
import { factorExposure } from './factor-exposure';

function syntheticFactors(seed: number, T: number) {
  const rng = createRng(seed);
  const market = Float64Array.from({ length: T }, () => rng.normal(0.0005, 0.01));
  const value = Float64Array.from({ length: T }, () => rng.normal(0.0002, 0.005));
  const noise = Float64Array.from({ length: T }, () => rng.normal(0, 0.002));
  return { market, value, noise };
}

describe('factorExposure', () => {
  const T = 500;
  const { market, value, noise } = syntheticFactors(7, T);
  const riskFree = 0.0001;
  // r = rf + 0.0002 + 1.2 market - 0.4 value + noise.
  const returns = market.map((m, t) => riskFree + 0.0002 + 1.2 * m - 0.4 * value[t] + noise[t]);
  const factors = { names: ['market', 'value'], returns: [market, value] };
  const exposure = factorExposure(returns, factors, { riskFreeRate: riskFree });

  it('recovers the known loadings with HAC inference', () => {
    expect(exposure.betas.map((b) => b.name)).toEqual(['market', 'value']);
    expect(exposure.betas[0].beta).toBeCloseTo(1.2, 1);
    expect(exposure.betas[1].beta).toBeCloseTo(-0.4, 1);
    expect(exposure.betas[0].tStat).toBeGreaterThan(50);
    expect(exposure.betas[0].standardError).toBe(exposure.regression.hac.standardErrors[1]);
    expect(exposure.hacLags).toBe(Math.floor(4 * 5 ** (2 / 9)));
    expect(exposure.rSquared).toBeGreaterThan(0.9);
    expect(exposure.observations).toBe(T);
  });

  it('annualises alpha arithmetically with periods = 252', () => {
    expect(exposure.periods).toBe(252);
    expect(exposure.alpha.annualized).toBe(exposure.alpha.perPeriod * 252);
    expect(factorExposure(returns, factors, { riskFreeRate: riskFree, periods: 12 }).alpha.annualized).toBeCloseTo(
      exposure.alpha.perPeriod * 12,
      15,
    );
    expect(exposure.alpha.perPeriod).toBe(exposure.regression.coefficients[0]);
  });

  it('attributes the mean excess return exactly: alpha + Σ beta·mean(f) + residual', () => {
    const { attribution } = exposure;
    const meanExcess = returns.reduce((sum, r) => sum + (r - riskFree), 0) / T;
    expect(attribution.meanExcessReturn).toBeCloseTo(meanExcess, 15);
    const total = attribution.alpha + attribution.factors.reduce((sum, f) => sum + f.contribution, 0) + attribution.residual;
    expect(Math.abs(total - meanExcess)).toBeLessThan(1e-15);
    // OLS with an intercept leaves residuals of mean zero.
    expect(Math.abs(attribution.residual)).toBeLessThan(1e-16);
    const marketMean = market.reduce((sum, m) => sum + m, 0) / T;
    expect(attribution.factors[0].meanFactorReturn).toBeCloseTo(marketMean, 16);
    expect(attribution.factors[0].contribution).toBeCloseTo(exposure.betas[0].beta * marketMean, 16);
  });

  it('accepts a per-date risk-free series and custom HAC lags', () => {
    const rf = Float64Array.from({ length: T }, (_, t) => riskFree * (1 + (t % 3)));
    const shifted = returns.map((r, t) => r - riskFree + rf[t]);
    const perDate = factorExposure(shifted, factors, { riskFreeRate: rf, hacLags: 0 });
    expect(perDate.hacLags).toBe(0);
    expect(perDate.betas[0].beta).toBeCloseTo(exposure.betas[0].beta, 12);
    expect(perDate.alpha.perPeriod).toBeCloseTo(exposure.alpha.perPeriod, 12);
  });

  it('refuses bad input with typed errors', () => {
    expectFactorError(() => factorExposure(returns.subarray(1), factors), 'LENGTH_MISMATCH', 'factors.returns[0] (market)');
    expectFactorError(() => factorExposure(returns, { names: ['market'], returns: [market, value] }), 'LENGTH_MISMATCH', 'factors.returns');
    expectFactorError(() => factorExposure(returns, { names: ['m', 'm'], returns: [market, value] }), 'INVALID_PARAMETER', 'factors.names[1]');
    expectFactorError(() => factorExposure(returns, { names: [], returns: [] }), 'INVALID_PARAMETER', 'factors.names');
    expectFactorError(
      () => factorExposure(returns, { names: ['market', 'double'], returns: [market, market.map((m) => 2 * m)] }),
      'SINGULAR_DESIGN',
      'X',
    );
    const badValue = value.slice();
    badValue[42] = Number.NaN;
    expectFactorError(() => factorExposure(returns, { names: ['market', 'value'], returns: [market, badValue] }), 'NON_FINITE_VALUE', 'factors.returns[1] (value)', 42);
    expectFactorError(() => factorExposure(returns, factors, { riskFreeRate: new Float64Array(3) }), 'LENGTH_MISMATCH', 'options.riskFreeRate');
    expectFactorError(() => factorExposure(returns, factors, { periods: 0 }), 'INVALID_PARAMETER', 'options.periods');
    expectFactorError(() => factorExposure(returns, factors, { hacLags: -1 }), 'INVALID_PARAMETER', 'options.hacLags');
    expectFactorError(
      () => factorExposure(returns.subarray(0, 3), { names: ['market', 'value'], returns: [market.subarray(0, 3), value.subarray(0, 3)] }),
      'TOO_FEW_OBSERVATIONS',
      'y',
    );
  });
});
