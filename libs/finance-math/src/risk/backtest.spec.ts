import { backtestVaR, kupiecPof } from './backtest';
import { RiskMetricError } from './risk-error';

describe('kupiecPof', () => {
  it('matches the hand computation for 8 exceedances in 250 days at 99%', () => {
    // LR = -2 [242 ln 0.99 + 8 ln 0.01] + 2 [242 ln(242/250) + 8 ln(8/250)]
    const hand = -2 * (242 * Math.log(0.99) + 8 * Math.log(0.01)) + 2 * (242 * Math.log(242 / 250) + 8 * Math.log(8 / 250));
    const test = kupiecPof(8, 250, 0.99);
    expect(test.lrStatistic).toBeCloseTo(hand, 12);
    // scipy: LR 7.733550724494528, chi2(1).sf(LR) 0.005420405194127773
    expect(test.lrStatistic).toBeCloseTo(7.733550724494528, 12);
    expect(test.pValue).toBeCloseTo(0.005420405194127773, 14);
  });

  it('uses 0 ln 0 = 0 with no exceedances: LR = -2 n ln(1 - p)', () => {
    const test = kupiecPof(0, 100, 0.95);
    expect(test.lrStatistic).toBeCloseTo(-200 * Math.log(0.95), 12);
    expect(test.pValue).toBeCloseTo(0.0013604454302787931, 14);
    // Every period an exceedance: LR = -2 n ln p.
    expect(kupiecPof(10, 10, 0.9).lrStatistic).toBeCloseTo(-20 * Math.log(0.1), 12);
  });

  it('is zero (p-value 1) when the observed rate equals the expected one', () => {
    const test = kupiecPof(5, 100, 0.95);
    expect(test.lrStatistic).toBeCloseTo(0, 12);
    expect(test.pValue).toBeCloseTo(1, 6);
  });

  it('rejects impossible counts', () => {
    expect(() => kupiecPof(11, 10, 0.9)).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER', parameter: 'exceedances' }));
    expect(() => kupiecPof(1, 0, 0.9)).toThrow(expect.objectContaining({ parameter: 'observations' }));
    expect(() => kupiecPof(1, 10, 1.2)).toThrow(expect.objectContaining({ code: 'INVALID_LEVEL', parameter: 'level' }));
  });
});

describe('backtestVaR', () => {
  // 20 returns; a constant 5% VaR is exceeded when the return is below -0.05 (strictly).
  const returns = [0.01, -0.06, 0.02, -0.05, 0.0, -0.07, 0.03, 0.01, -0.01, 0.02, -0.08, 0.01, 0.0, 0.01, -0.02, 0.02, 0.01, -0.051, 0.0, 0.01];

  it('counts strict exceedances of a constant VaR and runs Kupiec on them', () => {
    const result = backtestVaR(returns, 0.05, { level: 0.95 });
    expect(result.exceedanceIndices).toEqual([1, 5, 10, 17]);
    expect(result).toMatchObject({ observations: 20, exceedances: 4, exceedanceRate: 0.2 });
    expect(result.expectedExceedances).toBeCloseTo(1, 14);
    expect(result.expectedRate).toBeCloseTo(0.05, 15);
    expect(result.kupiec).toEqual(kupiecPof(4, 20, 0.95));
    // LR = -2 [16 ln .95 + 4 ln .05] + 2 [16 ln .8 + 4 ln .2] = 5.3808...; p = 0.0203 < 0.05.
    expect(result.kupiec.lrStatistic).toBeCloseTo(-2 * (16 * Math.log(0.95) + 4 * Math.log(0.05)) + 2 * (16 * Math.log(0.8) + 4 * Math.log(0.2)), 12);
    expect(result.verdict).toBe('reject-too-many-exceedances');
    expect(backtestVaR(returns, 0.05, { level: 0.95, significance: 0.01 }).verdict).toBe('accept');
  });

  it('aligns a forecast series with the returns element by element', () => {
    const forecasts = returns.map((_, t) => (t < 10 ? 0.1 : 0.01));
    const result = backtestVaR(returns, forecasts, { level: 0.95 });
    // Before t = 10 nothing beats -0.1; from t = 10 on, returns below -0.01: 10, 14, 17.
    expect(result.exceedanceIndices).toEqual([10, 14, 17]);
  });

  it('flags too few exceedances as a rejection in that direction', () => {
    const calm = Array.from({ length: 300 }, (_, t) => (t % 2 === 0 ? 0.01 : -0.01));
    const result = backtestVaR(calm, 0.05, { level: 0.95 });
    expect(result.exceedances).toBe(0);
    expect(result.verdict).toBe('reject-too-few-exceedances');
  });

  it('rejects mismatched lengths, non-finite forecasts and bad significance', () => {
    expect(() => backtestVaR(returns, [0.05, 0.05])).toThrow(expect.objectContaining({ code: 'LENGTH_MISMATCH', parameter: 'valueAtRisk' }));
    expect(() => backtestVaR(returns, Number.NaN)).toThrow(expect.objectContaining({ code: 'NON_FINITE_DATA' }));
    const withNaN = returns.map((_, t) => (t === 3 ? Number.NaN : 0.05));
    expect(() => backtestVaR(returns, withNaN)).toThrow(expect.objectContaining({ code: 'NON_FINITE_DATA', index: 3 }));
    expect(() => backtestVaR(returns, 0.05, { significance: 0 })).toThrow(RiskMetricError);
  });
});
