// Shared fixtures for the allocation specs (not exported from the barrel).
import { priceReturns, readPricePanel, type PricePanel, type ReturnPanel } from '@tethys/data';
import { resolve } from 'node:path';
import { pairwiseCovariance } from './pairwise-moments';

const DATA_DIR = resolve(__dirname, '../../../../data/pypfopt');

let stockCache: { panel: PricePanel; returns: ReturnPanel } | undefined;

/** PyPortfolioOpt's stock_prices.csv and its simple returns with NaNs kept (pandas pct_change + pairwise stats). */
export function stockData(): { panel: PricePanel; returns: ReturnPanel } {
  if (!stockCache) {
    const panel = readPricePanel(resolve(DATA_DIR, 'stock_prices.csv'));
    stockCache = { panel, returns: priceReturns(panel, { kind: 'simple', missing: 'keep' }) };
  }
  return stockCache;
}

export function spyPrices(): Float64Array {
  return readPricePanel(resolve(DATA_DIR, 'spy_prices.csv')).prices[0];
}

export const dataPath = (name: string): string => resolve(DATA_DIR, name);

/** PyPortfolioOpt's `risk_models.sample_cov`: pairwise sample covariance of daily returns x 252. */
export function annualSampleCovariance(returns: readonly ArrayLike<number>[]): number[][] {
  return pairwiseCovariance(returns).map((row) => row.map((v) => v * 252));
}

/** Arithmetic mean of each NaN-marked return column x 252. */
export function annualMeanReturns(returns: readonly ArrayLike<number>[]): number[] {
  return returns.map((column) => {
    let sum = 0;
    let count = 0;
    for (let t = 0; t < column.length; t++) {
      if (Number.isNaN(column[t])) continue;
      sum += column[t];
      count++;
    }
    return (sum / count) * 252;
  });
}

/** (expected return, volatility, Sharpe) as PyPortfolioOpt's `portfolio_performance` with r_f = 0.02. */
export function performance(weights: ArrayLike<number>, mu: ArrayLike<number>, cov: readonly ArrayLike<number>[]): [number, number, number] {
  let ret = 0;
  let variance = 0;
  for (let i = 0; i < weights.length; i++) {
    ret += weights[i] * mu[i];
    for (let j = 0; j < weights.length; j++) variance += weights[i] * cov[i][j] * weights[j];
  }
  const vol = Math.sqrt(variance);
  return [ret, vol, (ret - 0.02) / vol];
}

export const MARKET_CAPS: Record<string, number> = {
  GOOG: 927e9, AAPL: 1.19e12, FB: 574e9, BABA: 533e9, AMZN: 867e9, GE: 96e9, AMD: 43e9, WMT: 339e9, BAC: 301e9, GM: 51e9,
  T: 61e9, UAA: 78e9, SHLD: 0, XOM: 295e9, RRC: 1e9, BBY: 22e9, MA: 288e9, PFE: 212e9, JPM: 422e9, SBUX: 102e9,
};

/** Asserts |actual - expected| <= tol * |expected| (relative), with a readable failure message. */
export function expectRelClose(actual: number, expected: number, tol = 1e-5): void {
  const error = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(error <= tol)) throw new Error(`expected ${actual} to be within ${tol} (relative) of ${expected}`);
}

/** PyPortfolioOpt's `mean_historical_return` (compounded): prod(1 + r)^(252 / count) - 1 over non-missing returns. */
export function annualCagr(returns: readonly ArrayLike<number>[]): number[] {
  return returns.map((column) => {
    let growth = 1;
    let count = 0;
    for (let t = 0; t < column.length; t++) {
      if (Number.isNaN(column[t])) continue;
      growth *= 1 + column[t];
      count++;
    }
    return growth ** (252 / count) - 1;
  });
}
