import { readPricePanel, type PricePanel } from './price-panel';
import { priceReturns } from './price-returns';
import { expectDataError } from '../testing/data-error-helpers';

const FIXTURES = `${__dirname}/../__fixtures__`;

// Prices chosen so that simple returns are exact in binary floating point.
const panel: PricePanel = {
  dates: ['2024-01-01', '2024-01-02', '2024-01-03', '2024-01-04'],
  assets: ['A', 'B', 'C'],
  prices: [new Float64Array([8, 10, 5, 5]), new Float64Array([2, Number.NaN, 3, 6]), new Float64Array([1, 2, 4, 2])],
};

describe('priceReturns', () => {
  it('simple returns date each return by its later price and leave NaN around a gap (keep)', () => {
    const result = priceReturns(panel, { kind: 'simple', missing: 'keep' });
    expect(result.dates).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
    expect(result.assets).toEqual(['A', 'B', 'C']);
    expect(Array.from(result.returns[0])).toEqual([0.25, -0.5, 0]);
    expect(Array.from(result.returns[1])).toEqual([Number.NaN, Number.NaN, 1]);
    expect(Array.from(result.returns[2])).toEqual([1, 1, -0.5]);
  });

  it('log returns are ln(p[t] / p[t-1])', () => {
    const result = priceReturns(panel, { kind: 'log', missing: 'keep' });
    expect(result.returns[0][0]).toBeCloseTo(Math.log(1.25), 15);
    expect(result.returns[0][1]).toBeCloseTo(-Math.LN2, 15);
    expect(result.returns[0][2]).toBe(0);
    expect(result.returns[2][0]).toBeCloseTo(Math.LN2, 15);
    expect(result.returns[1][1]).toBeNaN();
  });

  it("'drop-dates' removes every date where any asset's return is missing", () => {
    const result = priceReturns(panel, { kind: 'simple', missing: 'drop-dates' });
    expect(result.dates).toEqual(['2024-01-04']);
    expect(result.returns.map((series) => Array.from(series))).toEqual([[0], [1], [-0.5]]);
  });

  it("'error' names the first missing return's date and asset", () => {
    expectDataError(() => priceReturns(panel, { kind: 'log', missing: 'error' }), {
      code: 'MISSING_VALUE',
      row: 1,
      column: 'B',
      message: 'row 1, column "B": return on 2024-01-02 for B is missing: no price on 2024-01-02',
    });
    const complete = { ...panel, assets: ['A', 'C'], prices: [panel.prices[0], panel.prices[2]] };
    expect(Array.from(priceReturns(complete, { kind: 'simple', missing: 'error' }).returns[1])).toEqual([1, 1, -0.5]);
  });

  it('does not forward-fill: a price after a gap still has no return into it', () => {
    const gap: PricePanel = {
      dates: ['d1', 'd2', 'd3'],
      assets: ['X'],
      prices: [new Float64Array([1, Number.NaN, 4])],
    };
    expectDataError(() => priceReturns(gap, { kind: 'simple', missing: 'error' }), {
      code: 'MISSING_VALUE',
      row: 1,
      column: 'X',
      message: 'row 1, column "X": return on d2 for X is missing: no price on d2',
    });
    expect(Array.from(priceReturns(gap, { kind: 'simple', missing: 'keep' }).returns[0])).toEqual([
      Number.NaN,
      Number.NaN,
    ]);
    expectDataError(() => priceReturns(gap, { kind: 'simple', missing: 'drop-dates' }), {
      code: 'EMPTY',
      parameter: 'options.missing',
      message: "every date has a missing return, so 'drop-dates' leaves nothing",
    });
  });

  it('works on the real Dow head', () => {
    const dow = readPricePanel(`${FIXTURES}/dowjones30_head.csv`, { assets: ['AA', 'MSFT'] });
    const result = priceReturns(dow, { kind: 'simple', missing: 'error' });
    expect(result.dates[0]).toBe('1991-01-02');
    // The file repeats 1990-12-31's prices on 1991-01-02.
    expect(result.returns[0][0]).toBe(0);
    expect(result.returns[0][1]).toBeCloseTo(5.88 / 5.92 - 1, 15);
    expect(result.returns[0][1]).toBeCloseTo(-0.00675675675675675, 15);
  });

  it('handles late listings in the real PyPortfolioOpt prices', () => {
    const prices = readPricePanel(`${FIXTURES}/pypfopt_fb_listing.csv`, { assets: ['AAPL', 'FB'] });
    const kept = priceReturns(prices, { kind: 'log', missing: 'keep' });
    expect(kept.returns[1].slice(0, 3).every(Number.isNaN)).toBe(true);
    const dropped = priceReturns(prices, { kind: 'log', missing: 'drop-dates' });
    expect(dropped.dates).toEqual(['2012-05-21']);
    expect(dropped.returns[1][0]).toBeCloseTo(Math.log(34.029999 / 38.23), 15);
    expect(dropped.returns[0][0]).toBeCloseTo(Math.log(54.280315 / 51.292034), 15);
  });

  describe('argument checks', () => {
    it('rejects unknown kinds and policies', () => {
      expectDataError(() => priceReturns(panel, { kind: 'pct' as never, missing: 'keep' }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'options.kind',
        message: `options.kind must be 'simple' or 'log', got "pct"`,
      });
      expectDataError(() => priceReturns(panel, { kind: 'log', missing: 'ffill' as never }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'options.missing',
        message: `options.missing must be 'drop-dates', 'keep' or 'error', got "ffill"`,
      });
    });

    it('rejects malformed panels', () => {
      expectDataError(() => priceReturns({ ...panel, dates: ['d'], prices: [] , assets: [] }, { kind: 'log', missing: 'keep' }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'panel.dates',
        message: 'a price panel needs at least 2 dates for a return, got 1',
      });
      expectDataError(() => priceReturns({ ...panel, assets: ['A'] }, { kind: 'log', missing: 'keep' }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'panel.prices',
        message: 'panel has 1 assets but 3 price series',
      });
      const short = { ...panel, prices: [panel.prices[0], new Float64Array(2), panel.prices[2]] };
      expectDataError(() => priceReturns(short, { kind: 'log', missing: 'keep' }), {
        code: 'INVALID_ARGUMENT',
        parameter: 'panel.prices',
        column: 'B',
        message: 'column "B": price series has 2 values for 4 dates',
      });
      const negative = { ...panel, prices: [panel.prices[0], panel.prices[1], new Float64Array([1, 2, -4, 2])] };
      expectDataError(() => priceReturns(negative, { kind: 'log', missing: 'keep' }), {
        code: 'INVALID_VALUE',
        row: 3,
        column: 'C',
        message: 'row 3, column "C": price on 2024-01-03 must be positive and finite (or NaN for missing), got -4',
      });
    });
  });
});
