import path from 'node:path';
import { priceReturns, readPricePanel } from '@tethys/data';
import { buildFactors } from './build-factors';
import { factorExposure } from './factor-exposure';
import { rollingBetas } from './rolling-betas';

const DOW_FILE = path.resolve(__dirname, '../../../../data/prices/dowjones30_daily_1990_2001.csv');

describe('factor exposure on the Dow Jones 30, 1990-2001', () => {
  const panel = priceReturns(readPricePanel(DOW_FILE), { kind: 'simple', missing: 'drop-dates' });
  const built = buildFactors(panel, { factors: ['market', 'momentum', 'lowVolatility', 'pca'] });
  const start = built.startIndex;
  // Equal weight in the first 15 tickers of the file, rebalanced daily.
  const half = panel.returns.slice(0, 15);
  const portfolio = Float64Array.from(built.dates, (_, i) => half.reduce((sum, r) => sum + r[start + i], 0) / half.length);
  const market = { names: ['market'], returns: [built.returns[0]] };

  it('builds the factors after a 252-day warm-up, PCA matching numpy', () => {
    expect(panel.returns[0]).toHaveLength(2528);
    expect(built.names).toEqual(['market', 'momentum', 'low_volatility', 'pc1', 'pc2', 'pc3']);
    expect(start).toBe(252);
    expect(built.dates[0]).toBe(panel.dates[252]);
    // numpy.linalg.eigh of numpy.corrcoef over the same 2276 dates.
    [0.2435425366877813, 0.06076258959228718, 0.05767618467955545].forEach((ratio, k) =>
      expect(built.pca!.explainedVarianceRatio[k]).toBeCloseTo(ratio, 12),
    );
    built.pca!.loadings[0].forEach((loading) => expect(loading).toBeGreaterThan(0));
  });

  it('gives a half-universe equal-weight portfolio a market beta near 1 and a high R² (numpy parity)', () => {
    const exposure = factorExposure(portfolio, market);
    // numpy lstsq and the same Newey-West formula with 8 lags.
    expect(exposure.betas[0].beta).toBeCloseTo(1.024156553214618, 10);
    expect(exposure.alpha.perPeriod).toBeCloseTo(-4.460825613826735e-5, 12);
    expect(exposure.rSquared).toBeCloseTo(0.9034649549965934, 10);
    expect(exposure.hacLags).toBe(8);
    expect(exposure.betas[0].standardError).toBeCloseTo(0.010635970014032981, 10);
    expect(exposure.alpha.standardError).toBeCloseTo(6.378943488887282e-5, 12);
  });

  it('keeps the identity and a market beta near 1 with momentum and low volatility added', () => {
    const threeFactors = { names: built.names.slice(0, 3), returns: built.returns.slice(0, 3) };
    const exposure = factorExposure(portfolio, threeFactors);
    expect(Math.abs(exposure.betas[0].beta - 1)).toBeLessThan(0.1);
    expect(exposure.rSquared).toBeGreaterThan(0.85);
    const { attribution } = exposure;
    const sum = attribution.alpha + attribution.factors.reduce((s, f) => s + f.contribution, 0) + attribution.residual;
    expect(sum).toBeCloseTo(attribution.meanExcessReturn, 15);
  });

  it('the whole-universe equal-weight portfolio has beta 1 on its own market factor', () => {
    const everything = Float64Array.from(built.dates, (_, i) => panel.returns.reduce((s, r) => s + r[start + i], 0) / 30);
    const exposure = factorExposure(everything, market);
    expect(exposure.betas[0].beta).toBeCloseTo(1, 12);
    expect(exposure.rSquared).toBeCloseTo(1, 12);
  });

  it('rolling one-year betas stay near 1 over the whole sample', () => {
    const rolling = rollingBetas(portfolio, market, 252);
    expect(rolling.betas[0][250]).toBeNaN();
    const filled = Array.from(rolling.betas[0].subarray(251));
    expect(filled).toHaveLength(built.dates.length - 251);
    expect(filled.every((b) => b > 0.7 && b < 1.3)).toBe(true);
  });
});
