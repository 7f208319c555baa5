import path from 'node:path';
import { priceReturns, readPricePanel } from '@tethys/data';
import { backtestVaR } from './backtest';
import { cornishFisherVaR } from './cornish-fisher';
import { historicalVaR } from './historical';
import { monteCarloVaR } from './monte-carlo';
import { parametricVaR } from './parametric';
import { rollingValueAtRisk } from './rolling';

/**
 * Real data: IBM daily simple returns 1991-01-02 .. 2001-01-02 (2528 returns) from the Dow 30
 * file. Expected values were computed independently in Python (numpy 2.4 / scipy 1.17):
 * np.quantile (linear), scipy.stats.norm, the Cornish-Fisher ES by scipy.integrate.quad of
 * the Edgeworth density, scipy.stats.chi2 for Kupiec.
 */
const FILE = path.join(__dirname, '../../../../data/prices/dowjones30_daily_1990_2001.csv');
const ibm = priceReturns(readPricePanel(FILE, { assets: ['IBM'] }), { kind: 'simple', missing: 'error' }).returns[0];

function expectRelative(actual: number, expected: number, tolerance: number): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(tolerance);
}

describe('VaR on IBM daily returns (1991-2000)', () => {
  it('loads the series', () => {
    expect(ibm).toHaveLength(2528);
  });

  it('historical VaR/CVaR match numpy at 95% and 99%, and 10-day overlapping at 99%', () => {
    const at95 = historicalVaR(ibm, { level: 0.95 });
    expectRelative(at95.valueAtRisk, 0.02932528780743066, 1e-12);
    expectRelative(at95.conditionalValueAtRisk, 0.045116587903396725, 1e-12);
    const at99 = historicalVaR(ibm, { level: 0.99 });
    expectRelative(at99.valueAtRisk, 0.05097590032739172, 1e-12);
    expectRelative(at99.conditionalValueAtRisk, 0.0753506062059084, 1e-12);
    const tenDay = historicalVaR(ibm, { level: 0.99, horizon: 10 });
    expectRelative(tenDay.valueAtRisk, 0.1438906263570208, 1e-12);
    expectRelative(tenDay.conditionalValueAtRisk, 0.18508590808932646, 1e-12);
  });

  it('parametric 10-day 99% VaR/CVaR match scipy', () => {
    const estimate = parametricVaR(ibm, { level: 0.99, horizon: 10 });
    expectRelative(estimate.valueAtRisk, 0.1477468685475274, 1e-12);
    expectRelative(estimate.conditionalValueAtRisk, 0.1702281552686452, 1e-12);
  });

  it('Cornish-Fisher (skew 0.108, excess kurtosis 5.81) matches the integrated Edgeworth tail', () => {
    const at95 = cornishFisherVaR(ibm, { level: 0.95 });
    expectRelative(at95.valueAtRisk, 0.030741317104325566, 1e-12);
    expectRelative(at95.conditionalValueAtRisk, 0.044462835874105905, 1e-9);
    const fiveDay = cornishFisherVaR(ibm, { level: 0.99, horizon: 5 });
    expectRelative(fiveDay.valueAtRisk, 0.1168899242781289, 1e-12);
    expectRelative(fiveDay.conditionalValueAtRisk, 0.15603540030098523, 1e-9);
    // One day at 99% the expansion breaks down (tail mean above g): CVaR is capped at VaR.
    const oneDay = cornishFisherVaR(ibm, { level: 0.99 });
    expectRelative(oneDay.valueAtRisk, 0.07491202896643809, 1e-12);
    expect(oneDay.conditionalValueAtRisk).toBe(oneDay.valueAtRisk);
  });

  it('Monte Carlo from the fitted normal lands within 1% of the parametric value', () => {
    const simulated = monteCarloVaR(ibm, { level: 0.99, seed: 2024, simulations: 100000 });
    expectRelative(simulated.valueAtRisk, parametricVaR(ibm, { level: 0.99 }).valueAtRisk, 0.01);
  });

  it('a rolling 250-day historical 99% VaR fails Kupiec: 37 exceedances in 2278 days', () => {
    const window = 250;
    const forecasts = rollingValueAtRisk(ibm, window, { method: 'historical', level: 0.99 });
    const result = backtestVaR(ibm.subarray(window), forecasts, { level: 0.99 });
    expect(result.observations).toBe(2278);
    expect(result.exceedances).toBe(37);
    expectRelative(result.kupiec.lrStatistic, 7.542438073467167, 1e-10);
    expectRelative(result.kupiec.pValue, 0.006026244437968067, 1e-9);
    expect(result.verdict).toBe('reject-too-many-exceedances');
    expect(backtestVaR(ibm.subarray(window), forecasts, { level: 0.99, significance: 0.005 }).verdict).toBe('accept');
  });
});
