import type { PricePanel } from '@tethys/data';
import { slicePanel, walkForward } from './walk-forward';

// Two assets: A doubles on day 1 then is flat; B is flat then halves on day 3.
const panel: PricePanel = {
  dates: ['d0', 'd1', 'd2', 'd3', 'd4'],
  assets: ['A', 'B'],
  prices: [Float64Array.of(10, 20, 20, 20, 20), Float64Array.of(5, 5, 5, 2.5, 2.5)],
};

describe('walkForward', () => {
  it('holds weights that drift with prices, out of sample only', () => {
    const seen: string[][] = [];
    const result = walkForward(
      panel,
      (history) => {
        seen.push(history.dates);
        return [0.5, 0.5];
      },
      { lookback: 2, rebalanceEvery: 10, transactionCost: 0 },
    );
    // One rebalance at d1 using d0..d1; returns for d2..d4 only.
    expect(seen).toEqual([['d0', 'd1']]);
    expect(result.dates).toEqual(['d2', 'd3', 'd4']);
    expect(Array.from(result.portfolioReturns)).toEqual([0, -0.25, 0]);
    expect(result.rebalances).toEqual([{ date: 'd1', weights: [0.5, 0.5], turnover: 1 }]);
  });

  it('drifts: after B halves, the book is two-thirds A', () => {
    const result = walkForward(panel, () => [0.5, 0.5], { lookback: 2, rebalanceEvery: 2, transactionCost: 0 });
    // Rebalances at d1 and d3; at d3 the drifted book is A 0.5/0.75 = 2/3, B 1/3: turnover |0.5-2/3| + |0.5-1/3| = 1/3.
    expect(result.rebalances.map((r) => r.date)).toEqual(['d1', 'd3']);
    expect(result.rebalances[1].turnover).toBeCloseTo(1 / 3, 12);
  });

  it('charges costs on turnover and compares with equal weight', () => {
    const result = walkForward(panel, () => [1, 0], { lookback: 2, rebalanceEvery: 10, transactionCost: 0.01 });
    // All in A from nothing: turnover 1, cost 1% on the first day.
    expect(result.portfolioReturns[0]).toBeCloseTo(-0.01, 12);
    expect(Array.from(result.benchmarkReturns)).toEqual([-0.01, -0.25, 0]);
  });

  it('refuses a bad lookback, weights of the wrong length and an incomplete panel', () => {
    expect(() => walkForward(panel, () => [1, 0], { lookback: 9, rebalanceEvery: 1, transactionCost: 0 })).toThrow(/lookback/);
    expect(() => walkForward(panel, () => [1], { lookback: 2, rebalanceEvery: 1, transactionCost: 0 })).toThrow(/returned 1 weights/);
    const gappy = { ...panel, prices: [Float64Array.of(10, NaN, 20, 20, 20), panel.prices[1]] };
    expect(() => walkForward(gappy, () => [1, 0], { lookback: 2, rebalanceEvery: 1, transactionCost: 0 })).toThrow(/A has no usable price on d1/);
  });

  it('slices panels by row', () => {
    expect(slicePanel(panel, 1, 3)).toEqual({ dates: ['d1', 'd2'], assets: ['A', 'B'], prices: [Float64Array.of(20, 20), Float64Array.of(5, 5)] });
  });
});
