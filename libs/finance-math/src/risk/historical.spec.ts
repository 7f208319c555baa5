import { historicalVaR, overlappingReturns } from './historical';
import { RiskMetricError } from './risk-error';

const oneToHundred = Array.from({ length: 100 }, (_, i) => i + 1);
const lossesOneToHundred = oneToHundred.map((v) => -v);

describe('historicalVaR', () => {
  it('of 1..100 at 95%: the 5% quantile sits at position 99 * 0.05 = 4.95, i.e. 5.95; VaR is its negative', () => {
    const estimate = historicalVaR(oneToHundred, { level: 0.95 });
    expect(estimate.valueAtRisk).toBeCloseTo(-5.95, 12);
    // Returns at or below 5.95: 1..5, mean 3.
    expect(estimate.conditionalValueAtRisk).toBeCloseTo(-3, 12);
    expect(estimate).toMatchObject({ method: 'historical', level: 0.95, horizon: 1 });
  });

  it('of -1..-100 at 95%: losses are positive, VaR 95.05 and CVaR mean(96..100) = 98', () => {
    const estimate = historicalVaR(lossesOneToHundred, { level: 0.95 });
    expect(estimate.valueAtRisk).toBeCloseTo(95.05, 12);
    expect(estimate.conditionalValueAtRisk).toBeCloseTo(98, 12);
  });

  it('includes values equal to the quantile in the CVaR ("at or beyond")', () => {
    // 20 values, 5% quantile at position 0.95 between -10 and -10: exactly -10, tied twice.
    const returns = [-10, -10, ...Array.from({ length: 18 }, (_, i) => i)];
    const estimate = historicalVaR(returns, { level: 0.95 });
    expect(estimate.valueAtRisk).toBe(10);
    expect(estimate.conditionalValueAtRisk).toBe(10);
  });

  it('does not depend on the input order', () => {
    const shuffled = [...lossesOneToHundred].reverse();
    expect(historicalVaR(shuffled, { level: 0.9 })).toEqual(historicalVaR(lossesOneToHundred, { level: 0.9 }));
  });

  it("'sqrt-time' scales the one-period numbers by sqrt(h)", () => {
    const one = historicalVaR(lossesOneToHundred, { level: 0.95 });
    const nine = historicalVaR(lossesOneToHundred, { level: 0.95, horizon: 9, horizonMethod: 'sqrt-time' });
    expect(nine.valueAtRisk).toBeCloseTo(3 * one.valueAtRisk, 12);
    expect(nine.conditionalValueAtRisk).toBeCloseTo(3 * one.conditionalValueAtRisk, 12);
    expect(nine.horizon).toBe(9);
  });

  it("'overlapping' (the default) uses the empirical h-period returns", () => {
    // Log returns add: 2-period windows of -1..-100 are -3, -5, ..., -199 (99 values).
    const estimate = historicalVaR(lossesOneToHundred, { level: 0.9, horizon: 2, returnKind: 'log' });
    const windows = Array.from({ length: 99 }, (_, t) => -(2 * t + 3));
    expect(estimate).toEqual({ ...historicalVaR(windows, { level: 0.9 }), horizon: 2 });
    // 10% quantile of -199..-3 (step 2): position 9.8 -> -199 + 2 * 9.8 = -179.4.
    expect(estimate.valueAtRisk).toBeCloseTo(179.4, 10);
  });

  it('rejects too few observations for the level: n * (1 - level) must reach 1', () => {
    expect(() => historicalVaR(oneToHundred.slice(0, 19), { level: 0.95 })).toThrow(RiskMetricError);
    expect(() => historicalVaR(oneToHundred.slice(0, 20), { level: 0.95 })).not.toThrow();
    expect(() => historicalVaR(oneToHundred.slice(0, 10), { level: 0.9 })).not.toThrow();
    expect(() => historicalVaR(oneToHundred, { level: 0.99 })).not.toThrow();
    // 100 returns make only 91 ten-period windows: too few at 99%.
    expect(() => historicalVaR(oneToHundred, { level: 0.99, horizon: 10 })).toThrow(/needs at least 100 observations/);
    try {
      historicalVaR([1, 2, 3], { level: 0.99 });
    } catch (error) {
      expect(error).toMatchObject({ code: 'TOO_FEW_OBSERVATIONS', parameter: 'returns' });
    }
    expect.assertions(6);
  });

  it('rejects bad levels, horizons, options and non-finite data with typed errors', () => {
    expect(() => historicalVaR(oneToHundred, { level: 1 })).toThrow(expect.objectContaining({ code: 'INVALID_LEVEL', parameter: 'options.level' }));
    expect(() => historicalVaR(oneToHundred, { level: 0 })).toThrow(/open interval \(0, 1\)/);
    expect(() => historicalVaR(oneToHundred, { level: Number.NaN })).toThrow(RiskMetricError);
    expect(() => historicalVaR(oneToHundred, { horizon: 1.5 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER', parameter: 'options.horizon' }));
    expect(() => historicalVaR(oneToHundred, { horizonMethod: 'scaled' as never })).toThrow(/options.horizonMethod/);
    expect(() => historicalVaR([...oneToHundred.slice(0, 30), Number.NaN], {})).toThrow(
      expect.objectContaining({ code: 'NON_FINITE_DATA', parameter: 'returns', index: 30 }),
    );
  });
});

describe('overlappingReturns', () => {
  it('compounds simple returns over each window', () => {
    const windows = overlappingReturns([0.1, -0.1, 0.2], 2);
    expect(Array.from(windows)).toEqual([1.1 * 0.9 - 1, 0.9 * 1.2 - 1]);
    expect(Array.from(overlappingReturns([0.1, -0.1, 0.2], 3, 'log'))).toEqual([0.1 - 0.1 + 0.2]);
  });

  it('needs at least h returns', () => {
    expect(() => overlappingReturns([0.1], 2)).toThrow(expect.objectContaining({ code: 'TOO_FEW_OBSERVATIONS' }));
  });
});
