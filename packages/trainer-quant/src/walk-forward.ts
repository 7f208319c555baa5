import type { PricePanel } from '@tethys/data';

export interface WalkForwardOptions {
  /** Price rows each rebalance may look back over (the estimation window, the rebalance date included). */
  lookback: number;
  /** Rows between rebalances (21 = monthly on daily data). */
  rebalanceEvery: number;
  /** Proportional cost on turnover at each rebalance (0.001 = 10 bp per unit traded). */
  transactionCost: number;
}

export interface Rebalance {
  date: string;
  weights: number[];
  /** Sum of |new - drifted| weights: one full switch of the book is 2. */
  turnover: number;
}

export interface WalkForwardResult {
  /** Dates of the out-of-sample returns: every row after the first rebalance. */
  dates: string[];
  portfolioReturns: Float64Array;
  /** Equal weight, rebalanced on the same schedule at the same cost. */
  benchmarkReturns: Float64Array;
  rebalances: Rebalance[];
}

/** Rows [start, end) of a price panel. */
export function slicePanel(panel: PricePanel, start: number, end: number): PricePanel {
  return { dates: panel.dates.slice(start, end), assets: panel.assets, prices: panel.prices.map((p) => p.slice(start, end)) };
}

/**
 * Out-of-sample walk-forward backtest. At each rebalance row r the weight
 * function sees only prices up to and including r (rows r - lookback + 1 .. r);
 * the book is then held, drifting with prices, over rows r + 1 .. r + k.
 * Costs are charged on the first day after each rebalance.
 */
export function walkForward(
  panel: PricePanel,
  weightsAt: (history: PricePanel) => ArrayLike<number>,
  options: WalkForwardOptions,
): WalkForwardResult {
  const { lookback, rebalanceEvery, transactionCost } = options;
  const rows = panel.dates.length;
  const n = panel.assets.length;
  if (!Number.isInteger(lookback) || lookback < 2 || lookback >= rows - 1) {
    throw new RangeError(`walkForward: lookback must be an integer in [2, ${rows - 2}] for ${rows} price rows, got ${lookback}`);
  }
  if (!Number.isInteger(rebalanceEvery) || rebalanceEvery < 1) {
    throw new RangeError(`walkForward: rebalanceEvery must be a positive integer, got ${rebalanceEvery}`);
  }
  for (let a = 0; a < n; a++) {
    for (let t = 0; t < rows; t++) {
      if (!(panel.prices[a][t] > 0)) {
        throw new RangeError(`walkForward: ${panel.assets[a]} has no usable price on ${panel.dates[t]} (the backtest needs a complete panel)`);
      }
    }
  }

  const firstRebalance = lookback - 1;
  const outRows = rows - 1 - firstRebalance;
  const portfolioReturns = new Float64Array(outRows);
  const benchmarkReturns = new Float64Array(outRows);
  const rebalances: Rebalance[] = [];
  const held = new Float64Array(n);
  const heldBenchmark = new Float64Array(n);
  const equal = new Float64Array(n).fill(1 / n);

  for (let r = firstRebalance, out = 0; r < rows - 1; r += rebalanceEvery) {
    const target = Float64Array.from(weightsAt(slicePanel(panel, r - lookback + 1, r + 1)));
    if (target.length !== n || target.some((w) => !Number.isFinite(w))) {
      throw new RangeError(`walkForward: the weight function returned ${target.length} weights (finite numbers needed, ${n} assets) on ${panel.dates[r]}`);
    }
    const turnover = rebalanceTo(held, target);
    const benchmarkTurnover = rebalanceTo(heldBenchmark, equal);
    rebalances.push({ date: panel.dates[r], weights: Array.from(target), turnover });
    const end = Math.min(r + rebalanceEvery, rows - 1);
    for (let t = r + 1; t <= end; t++, out++) {
      portfolioReturns[out] = driftOneDay(held, panel, t);
      benchmarkReturns[out] = driftOneDay(heldBenchmark, panel, t);
      if (t === r + 1) {
        portfolioReturns[out] -= transactionCost * turnover;
        benchmarkReturns[out] -= transactionCost * benchmarkTurnover;
      }
    }
  }
  return { dates: panel.dates.slice(firstRebalance + 1), portfolioReturns, benchmarkReturns, rebalances };
}

/** Replaces the held weights by the target; returns the turnover. */
function rebalanceTo(held: Float64Array, target: ArrayLike<number>): number {
  let turnover = 0;
  for (let i = 0; i < held.length; i++) {
    turnover += Math.abs(target[i] - held[i]);
    held[i] = target[i];
  }
  return turnover;
}

/** The book's return from row t-1 to t; the weights drift with the prices (a short leg drifts too). */
function driftOneDay(weights: Float64Array, panel: PricePanel, t: number): number {
  let portfolio = 0;
  for (let i = 0; i < weights.length; i++) {
    portfolio += weights[i] * (panel.prices[i][t] / panel.prices[i][t - 1] - 1);
  }
  const gross = 1 + portfolio;
  for (let i = 0; i < weights.length; i++) {
    weights[i] = (weights[i] * (panel.prices[i][t] / panel.prices[i][t - 1])) / gross;
  }
  return portfolio;
}
