import { DataError, type PricePanel } from '@tethys/data';
import { dropAllMissingDates, returnsFromPrices } from './returns-from-prices';
import { stockPrices } from './pypfopt-data.fixture';

const NaN_ = Number.NaN;

describe('returnsFromPrices', () => {
  // B lists late; nobody trades on d3 (all NaN) so the returns into and out of it are missing.
  const panel: PricePanel = {
    dates: ['d1', 'd2', 'd3', 'd4', 'd5'],
    assets: ['A', 'B'],
    prices: [new Float64Array([4, 5, NaN_, 8, 10]), new Float64Array([NaN_, 2, NaN_, 4, 5])],
  };

  it('drops dates where every return is missing and keeps partial NaN (pct_change(fill_method=None).dropna(how="all"))', () => {
    const result = returnsFromPrices(panel);
    expect(result.dates).toEqual(['d2', 'd5']);
    expect(Array.from(result.returns[0])).toEqual([0.25, 0.25]);
    expect(Array.from(result.returns[1])).toEqual([NaN_, 0.25]);
  });

  it('log returns are ln(p[t] / p[t-1]) with the same NaN pattern', () => {
    const result = returnsFromPrices(panel, { logReturns: true });
    expect(result.dates).toEqual(['d2', 'd5']);
    expect(result.returns[0][0]).toBeCloseTo(Math.log(1.25), 15);
    expect(result.returns[1][0]).toBeNaN();
  });

  it('rejects non-positive prices with the DataError of priceReturns', () => {
    const bad: PricePanel = { dates: ['d1', 'd2'], assets: ['A'], prices: [new Float64Array([1, -2])] };
    expect(() => returnsFromPrices(bad)).toThrow(DataError);
  });

  it('dropAllMissingDates returns the same panel when nothing is dropped', () => {
    const complete = { dates: ['x'], assets: ['A'], returns: [new Float64Array([0.1])] };
    expect(dropAllMissingDates(complete)).toBe(complete);
  });

  describe('PyPortfolioOpt parity (tests/test_expected_returns.py)', () => {
    const prices = stockPrices();

    it('test_returns_dataframe: 20 assets, 7125 dates, no simple return above 1', () => {
      const result = returnsFromPrices(prices);
      expect(result.assets).toHaveLength(20);
      expect(result.dates).toHaveLength(7125);
      expect(result.returns.every((series) => series.every((value) => Number.isNaN(value) || value <= 1))).toBe(true);
    });

    it('test_returns_from_prices: the last row equals pct_change of the last two prices', () => {
      const result = returnsFromPrices(prices);
      const last = prices.dates.length - 1;
      result.returns.forEach((series, a) => {
        expect(series[series.length - 1]).toBe(prices.prices[a][last] / prices.prices[a][last - 1] - 1);
      });
    });

    it('test_log_returns_from_prices: as many NaN as the prices have, last entry 0.0001682740081102576', () => {
      const result = returnsFromPrices(prices, { logReturns: true });
      const countNaN = (series: Float64Array[]) =>
        series.reduce((total, s) => total + s.filter((value) => Number.isNaN(value)).length, 0);
      expect(countNaN(result.returns)).toBe(countNaN(prices.prices));
      const sbux = result.returns[19];
      expect(sbux[sbux.length - 1]).toBeCloseTo(0.0001682740081102576, 7);
    });
  });
});
