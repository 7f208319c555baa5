// Parity with PyPortfolioOpt's tests/test_discrete_allocation.py. Its target weights are
// EfficientFrontier.max_sharpe() (risk-free rate 0.02) on stock_prices.csv; the same optimum is
// computed here with the critical line algorithm.
import { annualCagr, annualSampleCovariance, stockData } from './allocation-data.fixture';
import { claMaxSharpe, type WeightBounds } from './cla';
import { allocationRmse, greedyAllocation, integerAllocation, latestPrices } from './discrete-allocation';

const { panel, returns } = stockData();
const prices = latestPrices(panel);
const mu = annualCagr(returns.returns);
const S = annualSampleCovariance(returns.returns);
const maxSharpeWeights = (bounds: WeightBounds): Record<string, number> => {
  const { weights } = claMaxSharpe(mu, S, { bounds, riskFreeRate: 0.02 });
  return Object.fromEntries(returns.assets.map((asset, i) => [asset, weights[i]]));
};
const longOnly = maxSharpeWeights([0, 1]);
const longShort = maxSharpeWeights([-1, 1]);

const grossValue = (shares: Record<string, number>): number =>
  Object.entries(shares).reduce((sum, [asset, n]) => sum + Math.abs(n) * prices[asset], 0);

/** PyPortfolioOpt's lp objective for one book: sum |w_i T - x_i p_i| + leftover. */
const lpObjective = (weights: Record<string, number>, shares: Record<string, number>, total: number): number => {
  let deviation = 0;
  let spent = 0;
  for (const [asset, w] of Object.entries(weights)) {
    const value = (shares[asset] ?? 0) * prices[asset];
    deviation += Math.abs(w * total - value);
    spent += value;
  }
  return deviation + total - spent;
};

const SHORTS = { BAC: -32, AMD: -48, SHLD: -132, GM: -9, RRC: -19, GE: -14, T: -5, UAA: -8 };

describe('greedyAllocation parity', () => {
  it('long-only RMSE 0.017086185150415774', () => {
    const { shares, leftover } = greedyAllocation({ weights: longOnly, latestPrices: prices });
    // (PyPortfolioOpt's share dict for this case sits in a bare `assert {...}`, which is always true,
    // so only the RMSE and the budget identity are real assertions there.)
    expect(grossValue(shares) + leftover).toBeCloseTo(10000, 4);
    expect(Math.abs(allocationRmse(longOnly, prices, shares) - 0.017086185150415774)).toBeLessThan(1e-9);
  });

  it('long/short with shortRatio 0.3: asserted shares and RMSE 0.06063511265243106', () => {
    const { shares, leftover } = greedyAllocation({ weights: longShort, latestPrices: prices, shortRatio: 0.3 });
    expect(shares).toEqual({ MA: 19, PFE: 42, FB: 7, GOOG: 1, BABA: 5, AAPL: 4, SBUX: 8, BBY: 6, XOM: 4, WMT: 3, ...SHORTS });
    expect(grossValue(shares) + leftover).toBeCloseTo(13000, 4);
    expect(Math.abs(allocationRmse(longShort, prices, shares) - 0.06063511265243106)).toBeLessThan(1e-9);
  });

  it('50k with shortRatio 0.5, with and without reinvesting', () => {
    const shorts50k = { BAC: -269, AMD: -399, SHLD: -1099, GM: -78, RRC: -154, GE: -119, T: -41, UAA: -64 };
    const plain = greedyAllocation({ weights: longShort, latestPrices: prices, totalPortfolioValue: 50000, shortRatio: 0.5 });
    expect(plain.shares).toEqual({ MA: 96, PFE: 211, FB: 34, GOOG: 4, BABA: 22, AAPL: 17, SBUX: 38, AMZN: 2, BBY: 27, XOM: 19, WMT: 10, ...shorts50k });
    expect(grossValue(plain.shares) + plain.leftover).toBeCloseTo(75000, 6);
    const reinvested = greedyAllocation({ weights: longShort, latestPrices: prices, totalPortfolioValue: 50000, shortRatio: 0.5, reinvest: true });
    expect(reinvested.shares).toEqual({
      MA: 145, PFE: 317, FB: 53, GOOG: 6, BABA: 34, AAPL: 27, SBUX: 58, AMZN: 2, BBY: 41, XOM: 30, WMT: 17, JPM: 1, ...shorts50k,
    });
    expect(grossValue(reinvested.shares) + reinvested.leftover).toBeCloseTo(100000, 6);
  });
});

describe('integerAllocation parity (HiGHS, mipRelativeGap 1e-4 to keep the suite fast)', () => {
  const fast = { mipRelativeGap: 1e-4 };

  it('long/short with shortRatio 0.3: asserted shares, RMSE 0.06063511265243109', async () => {
    const { shares, leftover } = await integerAllocation({ weights: longShort, latestPrices: prices, shortRatio: 0.3 }, fast);
    expect(shares).toEqual({ GOOG: 1, AAPL: 4, FB: 7, BABA: 5, WMT: 3, XOM: 4, BBY: 6, MA: 19, PFE: 42, SBUX: 8, ...SHORTS });
    expect(grossValue(shares) + leftover).toBeCloseTo(13000, 5);
    expect(Math.abs(allocationRmse(longShort, prices, shares) - 0.06063511265243109)).toBeLessThan(1e-9);
  });

  it('long/short reinvested: asserted shares', async () => {
    const { shares, leftover } = await integerAllocation({ weights: longShort, latestPrices: prices, shortRatio: 0.3, reinvest: true }, fast);
    expect(shares).toEqual({ GOOG: 1, AAPL: 5, FB: 10, BABA: 6, WMT: 3, XOM: 6, BBY: 7, MA: 26, PFE: 55, SBUX: 10, JPM: 1, ...SHORTS });
    expect(grossValue(shares) + leftover).toBeCloseTo(16000, 5);
  });

  it('long-only: objective no worse than the asserted ECOS_BB allocations (they differ only on ties/tolerance)', async () => {
    // PyPortfolioOpt's 10k answer adds 1 AMD (target ~0): objective-neutral, since the $9.82 deviation
    // is exactly the leftover it saves. Its 80k answer has one SBUX fewer than ours.
    const cases: [number, Record<string, number>][] = [
      [10000, { AMD: 1, GOOG: 1, AAPL: 4, FB: 12, BABA: 4, BBY: 2, MA: 20, PFE: 54, SBUX: 1 }],
      [80000, { GOOG: 3, AAPL: 32, FB: 100, BABA: 34, AMZN: 2, BBY: 15, MA: 164, PFE: 438, SBUX: 15 }],
    ];
    for (const [total, reference] of cases) {
      const { shares, leftover } = await integerAllocation({ weights: longOnly, latestPrices: prices, totalPortfolioValue: total }, fast);
      expect(leftover).toBeGreaterThanOrEqual(0);
      expect(lpObjective(longOnly, shares, total)).toBeLessThanOrEqual(lpObjective(longOnly, reference, total) + 1e-6);
    }
  });
});
