import { normalInverseCdf, normalPdf } from './normal';
import { normalVaRFromMoments, parametricVaR } from './parametric';
import { RiskMetricError } from './risk-error';

describe('parametricVaR (normal)', () => {
  it('equals -(mean + z sd) with z = Phi^-1(1 - level), and the closed-form CVaR', () => {
    const returns = [0.01, -0.02, 0.03, -0.04, 0.05];
    const mean = 0.006;
    // Sample sd (ddof 1): squared deviations sum to 0.00532, / 4.
    const sd = Math.sqrt(0.00532 / 4);
    const z = normalInverseCdf(0.05);
    const estimate = parametricVaR(returns, { level: 0.95 });
    expect(estimate.valueAtRisk).toBeCloseTo(-(mean + z * sd), 15);
    expect(estimate.conditionalValueAtRisk).toBeCloseTo(-mean + (sd * normalPdf(z)) / 0.05, 15);
    expect(estimate.method).toBe('parametric');
  });

  it('uses the textbook z values: 1.6449 sd at 95%, 2.3263 sd at 99%, CVaR 2.0627 sd at 95%', () => {
    expect(normalVaRFromMoments(0, 1, { level: 0.95 }).valueAtRisk).toBeCloseTo(1.6448536269514722, 14);
    expect(normalVaRFromMoments(0, 2, { level: 0.99 }).valueAtRisk).toBeCloseTo(2 * 2.3263478740408408, 13);
    // phi(1.6449) / 0.05 = 2.062712807...
    expect(normalVaRFromMoments(0, 1, { level: 0.95 }).conditionalValueAtRisk).toBeCloseTo(2.0627128075074257, 12);
  });

  it('scales the mean by h and the sd by sqrt(h)', () => {
    const one = normalVaRFromMoments(0.001, 0.02, { level: 0.99, horizon: 1 });
    const ten = normalVaRFromMoments(0.001, 0.02, { level: 0.99, horizon: 10 });
    const z = 2.3263478740408408;
    expect(ten.valueAtRisk).toBeCloseTo(-0.01 + z * 0.02 * Math.sqrt(10), 13);
    expect(one.valueAtRisk).toBeCloseTo(-0.001 + z * 0.02, 14);
    expect(ten.horizon).toBe(10);
  });

  it('with level below 1/2 the "VaR" is a gain quantile (negative)', () => {
    expect(normalVaRFromMoments(0, 1, { level: 0.3 }).valueAtRisk).toBeCloseTo(-0.5244005127080409, 14);
  });

  it('a constant series has zero sd: VaR = CVaR = -mean (no NaN)', () => {
    const estimate = parametricVaR([0.01, 0.01, 0.01]);
    expect(estimate.valueAtRisk).toBeCloseTo(-0.01, 15);
    expect(estimate.conditionalValueAtRisk).toBeCloseTo(-0.01, 15);
  });

  it('rejects fewer than 2 observations, non-finite data, negative sd and bad ddof', () => {
    expect(() => parametricVaR([0.01])).toThrow(expect.objectContaining({ code: 'TOO_FEW_OBSERVATIONS' }));
    expect(() => parametricVaR([0.01, Infinity])).toThrow(expect.objectContaining({ code: 'NON_FINITE_DATA', index: 1 }));
    expect(() => normalVaRFromMoments(0, -1)).toThrow(expect.objectContaining({ parameter: 'sd' }));
    expect(() => parametricVaR([1, 2], { ddof: 2 as never })).toThrow(RiskMetricError);
    expect(() => parametricVaR([1, 2], { level: 95 })).toThrow(expect.objectContaining({ code: 'INVALID_LEVEL' }));
  });
});
