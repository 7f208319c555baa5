import { DataError, type PricePanel } from '@tethys/data';
import { capmReturn, emaHistoricalReturn, meanHistoricalReturn } from './expected-returns';
import { RiskModelError } from './risk-model-error';
import { expectRelativelyClose, spyOnStockDates, stockPrices, stockReturns } from './pypfopt-data.fixture';

const NaN_ = Number.NaN;

// PyPortfolioOpt's dummy frame (test_mean_historical_returns_dummy); its 4th column has negative prices, see below.
const dummy: PricePanel = {
  dates: ['d1', 'd2', 'd3', 'd4', 'd5'],
  assets: ['a', 'b', 'c'],
  prices: [
    new Float64Array([4.0, 4.2, 3.9, 4.3, 4.1]),
    new Float64Array([2.0, 2.1, 2.0, 2.1, 2.2]),
    new Float64Array([0.6, 0.59, 0.58, 0.62, 0.63]),
  ],
};

describe('meanHistoricalReturn', () => {
  it('compounds over each asset’s own history (late listing) or averages arithmetically', () => {
    const panel: PricePanel = {
      dates: ['d1', 'd2', 'd3', 'd4', 'd5'],
      assets: ['OLD', 'NEW'],
      prices: [new Float64Array([1, 2, 2, 4, 4]), new Float64Array([NaN_, NaN_, 1, 1.21, 1.4641])],
    };
    // OLD: growth 4 over 4 returns; NEW: growth 1.4641 = 1.1^4 over its 2 returns.
    expectRelativelyClose(meanHistoricalReturn(panel, { frequency: 2 }), [4 ** (2 / 4) - 1, 1.1 ** 4 - 1], 1e-14);
    expectRelativelyClose(meanHistoricalReturn(panel, { frequency: 2, compounding: false }), [1, 0.21 * 2], 1e-14);
  });

  it('takes returns directly (returns_data=True) with the same result', () => {
    const prices = stockPrices();
    expect(meanHistoricalReturn(stockReturns())).toEqual(meanHistoricalReturn(prices));
  });

  it('test_mean_historical_returns_dummy (columns with positive prices)', () => {
    expectRelativelyClose(meanHistoricalReturn(dummy, { frequency: 1 }), [0.0061922, 0.0241137, 0.0122722], 1e-5);
    expectRelativelyClose(
      meanHistoricalReturn(dummy, { frequency: 1, compounding: false }),
      [0.0086560, 0.025, 0.0128697],
      1e-5,
    );
  });

  it('rejects the dummy’s negative-price column that PyPortfolioOpt accepts', () => {
    const negative: PricePanel = { ...dummy, assets: ['d'], prices: [new Float64Array([-12, -13.2, -11.3, -11.7, -10.1])] };
    expect(() => meanHistoricalReturn(negative)).toThrow(DataError);
  });

  it('test_mean_historical_returns: the asserted values on stock_prices.csv', () => {
    const correct = [
      0.247967, 0.294304, 0.284037, 0.1923164, 0.371327, 0.1360093, 0.0328503, 0.1200115, 0.10554, 0.0423457,
      0.1002559, 0.1442237, -0.0792602, 0.1430506, 0.0736356, 0.238835, 0.388665, 0.226717, 0.1561701, 0.2318153,
    ];
    // The assertion rounds to 7 decimals, so -0.0792602 carries up to 6e-6 relative rounding.
    expectRelativelyClose(meanHistoricalReturn(stockReturns()), correct, 1e-5);
  });

  it('test_mean_historical_returns_frequency: arithmetic means scale with frequency', () => {
    const yearly = meanHistoricalReturn(stockReturns(), { compounding: false });
    const weekly = meanHistoricalReturn(stockReturns(), { compounding: false, frequency: 52 });
    expectRelativelyClose(weekly, yearly.map((value) => (value / 252) * 52), 1e-12);
  });

  it('log returns change the result (test_log_return_passthrough)', () => {
    const simple = meanHistoricalReturn(stockReturns());
    const log = meanHistoricalReturn(stockPrices(), { logReturns: true });
    expect(log.some((value, a) => value !== simple[a])).toBe(true);
  });

  it('names an asset without any return', () => {
    const panel: PricePanel = {
      dates: ['d1', 'd2'],
      assets: ['A', 'EMPTY'],
      prices: [new Float64Array([1, 2]), new Float64Array([NaN_, NaN_])],
    };
    expect(() => meanHistoricalReturn(panel)).toThrow(
      expect.objectContaining({ code: 'INSUFFICIENT_DATA', parameter: 'panel', asset: 'EMPTY' }),
    );
  });

  it.each([0, -252, Number.POSITIVE_INFINITY])('rejects frequency %p', (frequency) => {
    expect(() => meanHistoricalReturn(dummy, { frequency })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', parameter: 'options.frequency' }),
    );
  });

  it('rejects infinite returns in a ReturnPanel', () => {
    const returns = { dates: ['x', 'y'], assets: ['A'], returns: [new Float64Array([0.1, Number.POSITIVE_INFINITY])] };
    expect(() => meanHistoricalReturn(returns)).toThrow(expect.objectContaining({ code: 'NON_FINITE', asset: 'A' }));
  });
});

describe('emaHistoricalReturn', () => {
  it('annualises the last EWM mean: compounded (1 + m)^f - 1 or m * f', () => {
    const panel: PricePanel = { dates: ['d1', 'd2', 'd3'], assets: ['A'], prices: [new Float64Array([1, 1.1, 1.21])] };
    // Both returns are 0.1, so every weighting gives m = 0.1.
    expectRelativelyClose(emaHistoricalReturn(panel, { frequency: 3 }), [1.1 ** 3 - 1], 1e-12);
    expectRelativelyClose(emaHistoricalReturn(panel, { frequency: 3, compounding: false }), [0.3], 1e-12);
  });

  it('numpy reference of the last ewm(span=500).mean() for GOOG, AMZN, SHLD', () => {
    const arithmetic = emaHistoricalReturn(stockReturns(), { compounding: false, frequency: 1 });
    expectRelativelyClose(
      [arithmetic[0], arithmetic[4], arithmetic[12]],
      [0.0006479811302445857, 0.0018376032394743223, -0.0019741479465405216],
      1e-10,
    );
  });

  it('test_ema_historical_return_frequency and _limit (span 1e10 -> the arithmetic mean)', () => {
    const prices = stockReturns();
    const ema = emaHistoricalReturn(prices, { compounding: false });
    const weekly = emaHistoricalReturn(prices, { compounding: false, frequency: 52 });
    expectRelativelyClose(weekly, ema.map((value) => (value / 252) * 52), 1e-12);
    const longSpan = emaHistoricalReturn(prices, { compounding: false, span: 1e10 });
    const sma = meanHistoricalReturn(prices, { compounding: false });
    longSpan.forEach((value, a) => expect(Math.abs(value - sma[a])).toBeLessThan(1.5e-6));
    const compounded = emaHistoricalReturn(prices);
    expect(compounded.every((value, a) => Math.abs(value) > ema[a])).toBe(true);
  });

  it('rejects a span below 1', () => {
    expect(() => emaHistoricalReturn(dummy, { span: 0.5 })).toThrow(
      expect.objectContaining({ code: 'INVALID_ARGUMENT', parameter: 'options.span' }),
    );
  });
});

describe('capmReturn', () => {
  it('hand check: asset = 2 x market gives beta 2', () => {
    const panel = {
      dates: ['x', 'y', 'z'],
      assets: ['A'],
      returns: [new Float64Array([0.02, -0.04, 0.06])],
    };
    const marketReturns = new Float64Array([0.01, -0.02, 0.03]);
    const market = (1.01 * 0.98 * 1.03) ** (1 / 3) - 1;
    expectRelativelyClose(
      capmReturn(panel, { marketReturns, frequency: 1, riskFreeRate: 0.001 }),
      [0.001 + 2 * (market - 0.001)],
      1e-12,
    );
    expectRelativelyClose(capmReturn(panel, { marketReturns, frequency: 1, compounding: false }), [2 * 0.02 / 3 * 1], 1e-12);
  });

  it('test_capm_no_benchmark (risk_free_rate=0.02): the equal-weighted asset mean as market', () => {
    const correct = [
      0.22148462799238577, 0.2835429647498704, 0.14693081977908462, 0.1488989354304723, 0.4162399750335195,
      0.22716772604184535, 0.3970337136813829, 0.16733214988182069, 0.31791477659742146, 0.17279931642386534,
      0.15271750464365566, 0.351778014382922, 0.32859883451716376, 0.1501938182844417, 0.268295486802897,
      0.31632339201710874, 0.27753479916328516, 0.16959588523287855, 0.3089119447773357, 0.2558719211959501,
    ];
    expectRelativelyClose(capmReturn(stockReturns(), { riskFreeRate: 0.02 }), correct, 1e-10);
  });

  it('test_capm_with_benchmark (SPY, compounding, risk_free_rate=0.02)', () => {
    const correct = [
      0.09115799375654746, 0.09905386632033128, 0.05676282405265752, 0.06291827346436336, 0.13147799781014877,
      0.10239088012000815, 0.1311567086884512, 0.07339649698626659, 0.1301248935078549, 0.07620949056643983,
      0.07629095442513395, 0.12163575425541985, 0.10400070536161658, 0.0781736030988492, 0.09185177050469516,
      0.10245700691271296, 0.11268307946677197, 0.07870087187919145, 0.1275598841214107, 0.09536788741392595,
    ];
    const marketPrices = spyOnStockDates();
    const mu = capmReturn(stockPrices(), { marketPrices, compounding: true, riskFreeRate: 0.02 });
    expectRelativelyClose(mu, correct, 1e-10);
    const arithmetic = capmReturn(stockPrices(), { marketPrices, compounding: false, riskFreeRate: 0.02 });
    expect(arithmetic.every((value, a) => value >= mu[a])).toBe(true);
  });

  it('matches with the market given as returns on a ReturnPanel', () => {
    const prices = stockPrices();
    const marketPrices = spyOnStockDates();
    const returns = stockReturns();
    const index = new Map(prices.dates.map((date, t) => [date, t]));
    const marketReturns = Float64Array.from(returns.dates, (date) => {
      const t = index.get(date) as number;
      return marketPrices[t] / marketPrices[t - 1] - 1;
    });
    expectRelativelyClose(
      capmReturn(returns, { marketReturns, riskFreeRate: 0.02 }),
      capmReturn(prices, { marketPrices, riskFreeRate: 0.02 }),
      1e-12,
    );
  });

  it('rejects a misaligned, non-positive or constant market, and the wrong market kind', () => {
    expect(() => capmReturn(dummy, { marketPrices: new Float64Array(3) })).toThrow(
      expect.objectContaining({ code: 'SHAPE_MISMATCH', parameter: 'options.marketPrices' }),
    );
    expect(() => capmReturn(dummy, { marketPrices: new Float64Array([1, 2, -1, 2, 3]) })).toThrow(
      /options\.marketPrices: market price on d3 must be positive/,
    );
    expect(() => capmReturn(dummy, { marketPrices: new Float64Array(5).fill(100) })).toThrow(
      expect.objectContaining({ code: 'DEGENERATE', parameter: 'options.marketPrices' }),
    );
    expect(() => capmReturn(dummy, { marketReturns: new Float64Array(5) })).toThrow(RiskModelError);
    expect(() => capmReturn(dummy, { riskFreeRate: Number.NaN })).toThrow(
      expect.objectContaining({ parameter: 'options.riskFreeRate' }),
    );
  });
});
