import { createRng } from '@tethys/data';
import { historicalVaR } from './historical';
import { monteCarloVaR } from './monte-carlo';
import { normalVaRFromMoments, parametricVaR } from './parametric';

/** A seeded sample with sample mean/sd close to (0.0005, 0.01). */
function sampleReturns(n: number, seed: number): Float64Array {
  const rng = createRng(seed);
  return Float64Array.from({ length: n }, () => rng.normal(0.0005, 0.01));
}

describe('monteCarloVaR', () => {
  const returns = sampleReturns(500, 7);

  it('from a fitted normal converges to the parametric value (h = 1)', () => {
    const parametric = parametricVaR(returns, { level: 0.99 });
    const simulated = monteCarloVaR(returns, { level: 0.99, seed: 11, simulations: 100000 });
    // Standard error of the 1% quantile with 100k draws is about 0.1% of the VaR.
    expect(simulated.valueAtRisk).toBeCloseTo(parametric.valueAtRisk, 3);
    expect(Math.abs(simulated.valueAtRisk / parametric.valueAtRisk - 1)).toBeLessThan(0.01);
    expect(Math.abs(simulated.conditionalValueAtRisk / parametric.conditionalValueAtRisk - 1)).toBeLessThan(0.015);
    expect(simulated.method).toBe('monte_carlo');
  });

  it('with log returns over 4 periods converges to the sqrt-time parametric value', () => {
    const parametric = parametricVaR(returns, { level: 0.95, horizon: 4 });
    // 50k simulations: the standard error is about 0.6% of the VaR.
    const simulated = monteCarloVaR(returns, { level: 0.95, horizon: 4, seed: 3, simulations: 50000, returnKind: 'log' });
    expect(Math.abs(simulated.valueAtRisk / parametric.valueAtRisk - 1)).toBeLessThan(0.02);
  });

  it('is identical for the same seed and differs for another seed', () => {
    const options = { level: 0.95, seed: 42, simulations: 2000 } as const;
    expect(monteCarloVaR(returns, options)).toEqual(monteCarloVaR(returns, options));
    expect(monteCarloVaR(returns, { ...options, seed: 43 }).valueAtRisk).not.toBe(monteCarloVaR(returns, options).valueAtRisk);
    const bootstrap = { ...options, source: 'bootstrap' } as const;
    expect(monteCarloVaR(returns, bootstrap)).toEqual(monteCarloVaR(returns, bootstrap));
  });

  it('bootstrap of history converges to the historical value (h = 1)', () => {
    const historical = historicalVaR(returns, { level: 0.95 });
    const simulated = monteCarloVaR(returns, { level: 0.95, seed: 5, simulations: 100000, source: 'bootstrap' });
    // The resampled distribution is discrete: its 5% quantile is an order statistic next to the
    // interpolated one (position 499 * 0.05 = 24.95), not the interpolation itself.
    const sorted = Float64Array.from(returns).sort();
    expect(-simulated.valueAtRisk).toBeGreaterThanOrEqual(sorted[23]);
    expect(-simulated.valueAtRisk).toBeLessThanOrEqual(sorted[26]);
    expect(-historical.valueAtRisk).toBeGreaterThan(sorted[24]);
    expect(Math.abs(simulated.conditionalValueAtRisk / historical.conditionalValueAtRisk - 1)).toBeLessThan(0.02);
  });

  it('bootstrap only ever draws observed returns: a two-point history gives a two-point sample', () => {
    // History {-0.1, +0.1}: each simulated 1-period return is one of them; 95% VaR is 0.1 for sure.
    const estimate = monteCarloVaR([-0.1, 0.1], { level: 0.95, seed: 1, simulations: 1000, source: 'bootstrap' });
    expect(estimate.valueAtRisk).toBe(0.1);
    expect(estimate.conditionalValueAtRisk).toBeCloseTo(0.1, 14);
  });

  it('compounds simple returns: two periods of a constant -10% lose 19%', () => {
    const estimate = monteCarloVaR([-0.1, -0.1], { level: 0.95, horizon: 2, seed: 1, simulations: 100, source: 'bootstrap' });
    expect(estimate.valueAtRisk).toBeCloseTo(0.19, 15);
    // A degenerate fitted normal (sd 0) gives the same.
    expect(monteCarloVaR([-0.1, -0.1], { level: 0.95, horizon: 2, seed: 1, simulations: 100 }).valueAtRisk).toBeCloseTo(0.19, 15);
    expect(normalVaRFromMoments(-0.1, 0, { horizon: 2 }).valueAtRisk).toBeCloseTo(0.2, 15);
  });

  it('rejects too few simulations for the level, bad seeds and bad sources', () => {
    expect(() => monteCarloVaR(returns, { level: 0.99, seed: 1, simulations: 99 })).toThrow(
      expect.objectContaining({ code: 'TOO_FEW_OBSERVATIONS', parameter: 'options.simulations' }),
    );
    expect(() => monteCarloVaR(returns, { seed: 1.5 })).toThrow(expect.objectContaining({ parameter: 'options.seed' }));
    expect(() => monteCarloVaR(returns, { seed: 1, source: 'garch' as never })).toThrow(/options.source/);
    expect(() => monteCarloVaR(returns, { seed: 1, simulations: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_PARAMETER' }));
  });
});
