import { cornishFisherVaR } from './cornish-fisher';
import { historicalVaR } from './historical';
import { monteCarloVaR } from './monte-carlo';
import { parametricVaR } from './parametric';
import { rollingValueAtRisk } from './rolling';
import { RISK_METHODS, valueAtRisk } from './value-at-risk';

const returns = Array.from({ length: 60 }, (_, t) => Math.sin(1.7 * t) / 40 + (t % 7 === 0 ? -0.03 : 0));

describe('valueAtRisk', () => {
  it('dispatches to each method with its options', () => {
    expect(valueAtRisk(returns, { method: 'historical', level: 0.9 })).toEqual(historicalVaR(returns, { level: 0.9 }));
    expect(valueAtRisk(returns, { method: 'parametric', horizon: 3 })).toEqual(parametricVaR(returns, { horizon: 3 }));
    expect(valueAtRisk(returns, { method: 'cornish_fisher' })).toEqual(cornishFisherVaR(returns));
    expect(valueAtRisk(returns, { method: 'monte_carlo', seed: 9, simulations: 500 })).toEqual(
      monteCarloVaR(returns, { seed: 9, simulations: 500 }),
    );
    expect(RISK_METHODS).toEqual(['historical', 'parametric', 'cornish_fisher', 'monte_carlo']);
  });

  it('names an unknown method', () => {
    expect(() => valueAtRisk(returns, { method: 'garch' } as never)).toThrow(
      expect.objectContaining({ code: 'INVALID_PARAMETER', parameter: 'options.method' }),
    );
  });

  it('every method gives CVaR >= VaR', () => {
    for (const method of RISK_METHODS) {
      const estimate = valueAtRisk(returns, { method, seed: 1, level: 0.95 });
      expect(estimate.conditionalValueAtRisk).toBeGreaterThanOrEqual(estimate.valueAtRisk);
      expect(estimate.method).toBe(method);
    }
  });
});

describe('rollingValueAtRisk', () => {
  it('forecasts period window + k from the previous `window` returns only', () => {
    const forecasts = rollingValueAtRisk(returns, 20, { method: 'historical', level: 0.95 });
    expect(forecasts).toHaveLength(40);
    expect(forecasts[0]).toBe(historicalVaR(returns.slice(0, 20), { level: 0.95 }).valueAtRisk);
    expect(forecasts[39]).toBe(historicalVaR(returns.slice(39, 59), { level: 0.95 }).valueAtRisk);
  });

  it('rejects a window that leaves nothing to forecast', () => {
    expect(() => rollingValueAtRisk(returns, 60, { method: 'parametric' })).toThrow(expect.objectContaining({ parameter: 'window' }));
    expect(() => rollingValueAtRisk(returns, 1, { method: 'parametric' })).toThrow(/integer in \[2, 59\]/);
  });
});
