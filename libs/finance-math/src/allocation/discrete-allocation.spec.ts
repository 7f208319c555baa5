import { AllocationError } from './allocation-error';
import { stockData } from './allocation-data.fixture';
import { allocationRmse, greedyAllocation, integerAllocation, latestPrices } from './discrete-allocation';
import { hierarchicalRiskParity } from './hrp';

const cost = (shares: Record<string, number>, prices: Record<string, number>): number =>
  Object.entries(shares).reduce((sum, [asset, n]) => sum + Math.abs(n) * prices[asset], 0);

const l1Objective = (weights: Record<string, number>, prices: Record<string, number>, shares: Record<string, number>, total: number): number =>
  Object.entries(weights).reduce((sum, [asset, w]) => sum + Math.abs(w * total - (shares[asset] ?? 0) * prices[asset]), 0) +
  (total - cost(shares, prices));

describe('greedyAllocation', () => {
  const weights = { A: 0.5, B: 0.3, C: 0.2 };
  const prices = { A: 30, B: 70, C: 9 };

  it('floors each target, then stops when the most underweight asset is unaffordable', () => {
    // Round 1: floor(500/30)=16, floor(300/70)=4, floor(200/9)=22 -> 958 spent, 42 left.
    // B is the most underweight (280/958 < 0.3) but costs 70 > 42; PyPortfolioOpt then gives up.
    expect(greedyAllocation({ weights, latestPrices: prices, totalPortfolioValue: 1000 })).toEqual({
      shares: { A: 16, B: 4, C: 22 },
      leftover: 42,
    });
  });

  it('buys one share at a time of the most underweight affordable asset', () => {
    // Round 1: A floor(55/12)=4 -> 48, B floor(55/15)=3 -> 45; 17 left. Weights A 48/93, B 45/93:
    // B is underweight and affordable -> buy 1 (2 left). Now A is underweight but costs 12 > 2, B is
    // overweight, so the loop ends.
    const result = greedyAllocation({ weights: { A: 0.5, B: 0.5 }, latestPrices: { A: 12, B: 15 }, totalPortfolioValue: 110 });
    expect(result.shares).toEqual({ A: 4, B: 4 });
    expect(result.leftover).toBeCloseTo(2, 12);
  });

  it('allocates long and short books separately, short book = shortRatio x value', () => {
    const result = greedyAllocation({
      weights: { A: 0.75, B: 0.5, C: -0.25 },
      latestPrices: { A: 10, B: 20, C: 5 },
      totalPortfolioValue: 100,
      shortRatio: 0.5,
    });
    // Long book (100): A 0.6 -> 6 shares, B 0.4 -> 2 shares. Short book (50): C -> 10 shares short.
    expect(result).toEqual({ shares: { A: 6, B: 2, C: -10 }, leftover: 0 });
    const reinvested = greedyAllocation({
      weights: { A: 0.75, B: 0.5, C: -0.25 },
      latestPrices: { A: 10, B: 20, C: 5 },
      totalPortfolioValue: 100,
      shortRatio: 0.5,
      reinvest: true,
    });
    expect(reinvested).toEqual({ shares: { A: 9, B: 3, C: -10 }, leftover: 0 });
  });

  it('defaults shortRatio to the total short weight', () => {
    const result = greedyAllocation({ weights: { A: 1.2, B: -0.2 }, latestPrices: { A: 10, B: 10 }, totalPortfolioValue: 1000 });
    expect(result.shares).toEqual({ A: 100, B: -20 });
  });

  it('rejects bad input with typed errors', () => {
    const expectCode = (fn: () => unknown, code: string, parameter: string): void => {
      try {
        fn();
        throw new Error('should have thrown');
      } catch (error) {
        expect(error).toBeInstanceOf(AllocationError);
        expect(error).toMatchObject({ code, parameter });
      }
    };
    expectCode(() => greedyAllocation({ weights: { A: 0.5, B: 0.3 }, latestPrices: prices }), 'WEIGHTS_NOT_NORMALISED', 'weights');
    expectCode(() => greedyAllocation({ weights, latestPrices: prices, totalPortfolioValue: 5 }), 'BUDGET_TOO_SMALL', 'totalPortfolioValue');
    expectCode(() => greedyAllocation({ weights, latestPrices: prices, totalPortfolioValue: 0 }), 'INVALID_ARGUMENT', 'totalPortfolioValue');
    expectCode(() => greedyAllocation({ weights: { ...weights, C: 0.1, D: 0.1 }, latestPrices: prices }), 'UNKNOWN_ASSET', 'latestPrices');
    expectCode(() => greedyAllocation({ weights, latestPrices: { ...prices, A: -1 } }), 'INVALID_ARGUMENT', 'latestPrices.A');
    expectCode(() => greedyAllocation({ weights: { A: 1.2, B: -0.2 }, latestPrices: prices, shortRatio: -0.4 }), 'INVALID_ARGUMENT', 'shortRatio');
  });
});

describe('integerAllocation (HiGHS)', () => {
  it('finds the L1-optimal integer allocation of a small case', async () => {
    // 17 A + 4 B + 23 C = 997: |500-510| + |300-280| + |200-207| + 3 leftover = 40, better than greedy's 84.
    const weights = { A: 0.5, B: 0.3, C: 0.2 };
    const prices = { A: 30, B: 70, C: 9 };
    const result = await integerAllocation({ weights, latestPrices: prices, totalPortfolioValue: 1000 });
    expect(result.shares).toEqual({ A: 17, B: 4, C: 23 });
    expect(result.leftover).toBeCloseTo(3, 9);
    expect(l1Objective(weights, prices, result.shares, 1000)).toBeCloseTo(40, 9);
  });

  it('splits long and short books like the greedy method', async () => {
    const result = await integerAllocation({
      weights: { A: 0.75, B: 0.5, C: -0.25 },
      latestPrices: { A: 10, B: 20, C: 5 },
      totalPortfolioValue: 100,
      shortRatio: 0.5,
    });
    expect(result.shares).toEqual({ A: 6, B: 2, C: -10 });
    expect(result.leftover).toBeCloseTo(0, 9);
  });
});

describe('discrete allocation of HRP weights on stock_prices.csv', () => {
  const { panel, returns } = stockData();
  const prices = latestPrices(panel);
  const hrp = hierarchicalRiskParity({ assets: returns.assets, returns: returns.returns });
  const weights = Object.fromEntries(hrp.assets.map((a, i) => [a, hrp.weights[i]]));

  it('latest prices are the last row of the file', () => {
    expect(prices.GOOG).toBe(1019.969971);
    expect(prices.SBUX).toBe(59.419998);
  });

  it('spends within budget, and the integer program beats greedy on its own objective (100k budget: a quick MIP)', async () => {
    for (const total of [100000]) {
      const greedy = greedyAllocation({ weights, latestPrices: prices, totalPortfolioValue: total });
      const exact = await integerAllocation({ weights, latestPrices: prices, totalPortfolioValue: total });
      expect(cost(greedy.shares, prices) + greedy.leftover).toBeCloseTo(total, 6);
      expect(cost(exact.shares, prices) + exact.leftover).toBeCloseTo(total, 6);
      expect(greedy.leftover).toBeGreaterThanOrEqual(0);
      expect(exact.leftover).toBeGreaterThanOrEqual(-1e-9);
      expect(l1Objective(weights, prices, exact.shares, total)).toBeLessThanOrEqual(l1Objective(weights, prices, greedy.shares, total) + 1e-6);
    }
    const small = greedyAllocation({ weights, latestPrices: prices, totalPortfolioValue: 10000 });
    const large = greedyAllocation({ weights, latestPrices: prices, totalPortfolioValue: 100000 });
    expect(allocationRmse(weights, prices, large.shares)).toBeLessThan(allocationRmse(weights, prices, small.shares));
  });
});

describe('allocationRmse', () => {
  it('compares target weights with the value share of each position', () => {
    // Allocated 2 x 30 = 60 and 1 x 40 = 40 -> weights 0.6 / 0.4 / 0 vs 0.5 / 0.4 / 0.1.
    const rmse = allocationRmse({ A: 0.5, B: 0.4, C: 0.1 }, { A: 30, B: 40, C: 5 }, { A: 2, B: 1 });
    expect(rmse).toBeCloseTo(Math.sqrt((0.01 + 0 + 0.01) / 3), 12);
  });
});
