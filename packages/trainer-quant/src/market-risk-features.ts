import type { ReturnPanel } from '@tethys/data';

export const MARKET_RISK_FEATURES = [
  'market_return',
  'market_volatility',
  'volatility_ratio',
  'average_correlation',
  'dispersion',
  'worst_asset_return',
  'breadth_down',
] as const;

export interface MarketRiskFeatureOptions {
  /** Rows in the short window (realised volatility, correlation). */
  shortWindow: number;
  /** Rows in the long window the short volatility is compared with. */
  longWindow: number;
  /** Periods per year, to annualise volatility. */
  frequency: number;
}

export interface MarketRiskFeatures {
  dates: string[];
  names: string[];
  rows: number;
  cols: number;
  /** Row-major, one row per date from the first full long window on. */
  data: Float64Array;
}

/**
 * Daily features of the whole market's state, for flagging abnormal days:
 * the equal-weight market return, its annualised realised volatility over the
 * short window, short/long volatility, the average pairwise correlation over
 * the short window, the cross-sectional dispersion and worst asset return of
 * the day, and the fraction of assets that fell. Row t uses returns up to t only.
 */
export function marketRiskFeatures(panel: ReturnPanel, options: MarketRiskFeatureOptions): MarketRiskFeatures {
  const { shortWindow, longWindow, frequency } = options;
  const n = panel.assets.length;
  const T = panel.dates.length;
  if (n < 2) throw new RangeError(`marketRiskFeatures: needs at least 2 assets, got ${n}`);
  if (!(shortWindow >= 2 && longWindow >= shortWindow && longWindow < T)) {
    throw new RangeError(`marketRiskFeatures: need 2 <= shortWindow <= longWindow < ${T} rows, got ${shortWindow} and ${longWindow}`);
  }
  for (let a = 0; a < n; a++) {
    const at = panel.returns[a].findIndex((r) => !Number.isFinite(r));
    if (at >= 0) throw new RangeError(`marketRiskFeatures: ${panel.assets[a]} has no finite return on ${panel.dates[at]}`);
  }
  const market = new Float64Array(T);
  for (let t = 0; t < T; t++) {
    let sum = 0;
    for (let a = 0; a < n; a++) sum += panel.returns[a][t];
    market[t] = sum / n;
  }

  const first = longWindow - 1;
  const rows = T - first;
  const cols = MARKET_RISK_FEATURES.length;
  const data = new Float64Array(rows * cols);
  const standardised = new Float64Array(shortWindow);
  for (let t = first, row = 0; t < T; t++, row++) {
    const shortVol = stdev(market, t - shortWindow + 1, t + 1);
    const longVol = stdev(market, t - longWindow + 1, t + 1);
    const o = row * cols;
    data[o] = market[t];
    data[o + 1] = shortVol * Math.sqrt(frequency);
    data[o + 2] = longVol > 0 ? shortVol / longVol : 1;
    data[o + 3] = averageCorrelation(panel, t - shortWindow + 1, t + 1, standardised);
    let mean = 0;
    let worst = Infinity;
    let down = 0;
    for (let a = 0; a < n; a++) {
      const r = panel.returns[a][t];
      mean += r;
      if (r < worst) worst = r;
      if (r < 0) down++;
    }
    mean /= n;
    let squares = 0;
    for (let a = 0; a < n; a++) squares += (panel.returns[a][t] - mean) ** 2;
    data[o + 4] = Math.sqrt(squares / (n - 1));
    data[o + 5] = worst;
    data[o + 6] = down / n;
  }
  return { dates: panel.dates.slice(first), names: [...MARKET_RISK_FEATURES], rows, cols, data };
}

function stdev(values: Float64Array, start: number, end: number): number {
  const count = end - start;
  let mean = 0;
  for (let i = start; i < end; i++) mean += values[i];
  mean /= count;
  let squares = 0;
  for (let i = start; i < end; i++) squares += (values[i] - mean) ** 2;
  return Math.sqrt(squares / (count - 1));
}

/**
 * Mean pairwise correlation over rows [start, end) in O(n·w): for z-scored
 * series, Var(Σ z_i) = n + Σ_{i≠j} ρ_ij, so mean ρ = (Var(Σ z) - n) / (n(n-1)).
 * A constant series contributes zero correlation.
 */
function averageCorrelation(panel: ReturnPanel, start: number, end: number, sum: Float64Array): number {
  const n = panel.assets.length;
  const w = end - start;
  sum.fill(0);
  for (let a = 0; a < n; a++) {
    const series = panel.returns[a];
    const sd = stdev(series, start, end);
    if (sd === 0) continue;
    let mean = 0;
    for (let t = start; t < end; t++) mean += series[t];
    mean /= w;
    for (let t = start; t < end; t++) sum[t - start] += (series[t] - mean) / sd;
  }
  let squares = 0;
  for (let k = 0; k < w; k++) squares += sum[k] * sum[k]; // the z-sums have mean 0
  return (squares / (w - 1) - n) / (n * (n - 1));
}
