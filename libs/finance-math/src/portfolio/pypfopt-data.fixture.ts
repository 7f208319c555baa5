import { readPricePanel, type PricePanel, type ReturnPanel } from '@tethys/data';
import { returnsFromPrices } from './returns-from-prices';

// PyPortfolioOpt's own test resources, copied into the repository's data/ folder.
const DATA = `${__dirname}/../../../../data/pypfopt`;

let stocks: PricePanel | undefined;

/** tests/resources/stock_prices.csv: 20 tickers, 7126 dates, late listings as NaN. */
export function stockPrices(): PricePanel {
  stocks ??= readPricePanel(`${DATA}/stock_prices.csv`);
  return stocks;
}

/** SPY prices (spy_prices.csv) on the stock panel's dates; NaN where SPY has none. */
export function spyOnStockDates(): Float64Array {
  const spy = readPricePanel(`${DATA}/spy_prices.csv`);
  const byDate = new Map(spy.dates.map((date, t) => [date, spy.prices[0][t]]));
  return Float64Array.from(stockPrices().dates, (date) => byDate.get(date) ?? Number.NaN);
}

/** Relative closeness, the parity criterion: |actual - expected| <= rel * |expected|. */
export function expectRelativelyClose(actual: ArrayLike<number>, expected: ArrayLike<number>, rel = 1e-5): void {
  expect(actual.length).toBe(expected.length);
  const failures: string[] = [];
  for (let i = 0; i < expected.length; i++) {
    if (!(Math.abs(actual[i] - expected[i]) <= rel * Math.abs(expected[i]))) {
      failures.push(`[${i}] ${actual[i]} vs ${expected[i]}`);
    }
  }
  expect(failures).toEqual([]);
}

let returns: ReturnPanel | undefined;

/** returnsFromPrices(stockPrices()), computed once per test file (estimators accept returns directly). */
export function stockReturns(): ReturnPanel {
  returns ??= returnsFromPrices(stockPrices());
  return returns;
}
