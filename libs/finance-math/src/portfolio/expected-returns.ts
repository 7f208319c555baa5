import type { ReturnPanel } from '@tethys/data';
import { ewmMeanLast } from './ewm';
import { isInfinite, isMissing, nanMean, pairwiseCovariance } from './nan-statistics';
import { checkFinite, checkFrequency, isReturnPanel, toReturns, type PanelInput } from './panel-input';
import { RiskModelError } from './risk-model-error';

export interface ReturnEstimateOptions {
  /** Geometric (true, default) or arithmetic annualisation. */
  compounding?: boolean;
  /** Periods per year; default 252 (trading days). */
  frequency?: number;
  /** Build the return series as log returns (prices input only); default false. */
  logReturns?: boolean;
}

/**
 * Annualised mean historical return per asset (in `panel.assets` order), as
 * PyPortfolioOpt's `mean_historical_return`.
 * - compounding: prod(1 + r)^(frequency / n) - 1 over each asset's own n
 *   non-NaN returns, so a late listing is annualised over its own history;
 * - otherwise: mean(r) * frequency over the non-NaN returns.
 * With `logReturns` only the series changes; the formulas stay (as PyPortfolioOpt).
 */
export function meanHistoricalReturn(panel: PanelInput, options: ReturnEstimateOptions = {}): Float64Array {
  const { compounding = true, frequency = 252, logReturns = false } = options;
  checkFrequency(frequency);
  const returns = toReturns(panel, logReturns);
  return Float64Array.from(returns.returns, (series, a) => {
    const count = requireObservations(series, returns.assets[a]);
    return compounding ? compoundedAnnualReturn(series, count, frequency) : nanMean(series) * frequency;
  });
}

export interface EmaReturnOptions extends ReturnEstimateOptions {
  /** Span of the exponential weights, alpha = 2 / (span + 1); default 500 periods. */
  span?: number;
}

/**
 * Annualised exponentially weighted mean return per asset, as PyPortfolioOpt's
 * `ema_historical_return`: m = last value of pandas `ewm(span).mean()` (NaN
 * returns carry no weight but age the earlier ones); compounding gives
 * (1 + m)^frequency - 1, otherwise m * frequency.
 */
export function emaHistoricalReturn(panel: PanelInput, options: EmaReturnOptions = {}): Float64Array {
  const { compounding = true, frequency = 252, logReturns = false, span = 500 } = options;
  checkFrequency(frequency);
  const returns = toReturns(panel, logReturns);
  return Float64Array.from(returns.returns, (series, a) => {
    requireObservations(series, returns.assets[a]);
    const mean = ewmMeanLast(series, span);
    return compounding ? (1 + mean) ** frequency - 1 : mean * frequency;
  });
}

export interface CapmReturnOptions extends ReturnEstimateOptions {
  /** Market prices aligned to `panel.dates` (NaN = missing); for a PricePanel input. */
  marketPrices?: Float64Array;
  /** Market returns aligned to `panel.dates`; for a ReturnPanel input. */
  marketReturns?: Float64Array;
  /** Annual risk-free rate; default 0. */
  riskFreeRate?: number;
}

/**
 * CAPM return per asset, as PyPortfolioOpt's `capm_return`:
 * mu_i = rf + beta_i (E[R_m] - rf), beta_i = cov(r_i, r_m) / var(r_m), where
 * cov uses the dates both have (pairwise, ddof 1) and var every market date;
 * E[R_m] is the market's annualised mean (geometric when compounding, else
 * arithmetic). Without a market, the market is the equal-weighted mean of the
 * assets present on each date. Market prices become returns on the panel's
 * calendar, and only the panel's return dates (all-NaN dates dropped) count.
 */
export function capmReturn(panel: PanelInput, options: CapmReturnOptions = {}): Float64Array {
  const { compounding = true, frequency = 252, logReturns = false, riskFreeRate = 0 } = options;
  checkFrequency(frequency);
  checkFinite(riskFreeRate, 'options.riskFreeRate');
  const returns = toReturns(panel, logReturns);
  const market = marketSeries(panel, returns, options, logReturns);

  const marketCount = market.reduce((count, value) => count + (isMissing(value) ? 0 : 1), 0);
  const marketVariance = pairwiseCovariance(market, market);
  if (!(marketVariance > 0)) {
    throw new RiskModelError(
      'DEGENERATE',
      `the market's return variance is ${marketVariance} over ${marketCount} dates; betas need a varying market with at least 2 returns`,
      { parameter: options.marketPrices !== undefined ? 'options.marketPrices' : 'options.marketReturns' },
    );
  }
  const marketReturn = compounding
    ? compoundedAnnualReturn(market, marketCount, frequency)
    : nanMean(market) * frequency;

  return Float64Array.from(returns.returns, (series, a) => {
    const beta = pairwiseCovariance(series, market) / marketVariance;
    if (isMissing(beta)) {
      throw new RiskModelError('INSUFFICIENT_DATA', 'a beta needs at least 2 dates with both an asset and a market return', {
        parameter: 'panel',
        asset: returns.assets[a],
      });
    }
    return riskFreeRate + beta * (marketReturn - riskFreeRate);
  });
}

/** The market's returns on `returns.dates`: given, derived from prices, or the equal-weighted asset mean. */
function marketSeries(
  panel: PanelInput,
  returns: ReturnPanel,
  options: CapmReturnOptions,
  logReturns: boolean,
): Float64Array {
  const { marketPrices, marketReturns } = options;
  if (marketPrices === undefined && marketReturns === undefined) {
    return Float64Array.from(returns.dates, (_, t) => nanMean(returns.returns.map((series) => series[t])));
  }
  if (isReturnPanel(panel)) {
    if (marketPrices !== undefined) {
      throw new RiskModelError('INVALID_ARGUMENT', 'give marketReturns (not marketPrices) with a ReturnPanel', {
        parameter: 'options.marketPrices',
      });
    }
    const aligned = checkAligned(marketReturns as Float64Array, panel.dates.length, 'options.marketReturns');
    aligned.forEach((value, t) => {
      if (isInfinite(value)) {
        throw new RiskModelError('NON_FINITE', `market return on ${panel.dates[t]} is ${value}; use NaN for missing`, {
          parameter: 'options.marketReturns',
        });
      }
    });
    return onDates(panel.dates, aligned, returns.dates);
  }
  if (marketReturns !== undefined) {
    throw new RiskModelError('INVALID_ARGUMENT', 'give marketPrices (not marketReturns) with a PricePanel', {
      parameter: 'options.marketReturns',
    });
  }
  const prices = checkAligned(marketPrices as Float64Array, panel.dates.length, 'options.marketPrices');
  const bad = prices.findIndex((price) => !isMissing(price) && (!(price > 0) || isInfinite(price)));
  if (bad >= 0) {
    throw new RiskModelError('INVALID_ARGUMENT', `market price on ${panel.dates[bad]} must be positive (or NaN), got ${prices[bad]}`, {
      parameter: 'options.marketPrices',
    });
  }
  // Return dated dates[t] spans prices t-1 and t, as priceReturns.
  const periodReturns = Float64Array.from({ length: prices.length - 1 }, (_, k) => {
    const ratio = prices[k + 1] / prices[k];
    return logReturns ? Math.log(ratio) : ratio - 1;
  });
  return onDates(panel.dates.slice(1), periodReturns, returns.dates);
}

function checkAligned(series: Float64Array, length: number, parameter: string): Float64Array {
  if (!(series instanceof Float64Array) || series.length !== length) {
    throw new RiskModelError(
      'SHAPE_MISMATCH',
      `must be a Float64Array aligned to panel.dates (${length} values), got ${series instanceof Float64Array ? series.length : typeof series}`,
      { parameter },
    );
  }
  return series;
}

/** Picks `values` (dated `dates`) on `wanted`, a subsequence of `dates`. */
function onDates(dates: string[], values: Float64Array, wanted: string[]): Float64Array {
  const index = new Map(dates.map((date, t) => [date, t]));
  return Float64Array.from(wanted, (date) => values[index.get(date) as number]);
}

function requireObservations(series: Float64Array, asset: string): number {
  let count = 0;
  for (let t = 0; t < series.length; t++) if (!isMissing(series[t])) count++;
  if (count === 0) {
    throw new RiskModelError('INSUFFICIENT_DATA', 'the asset has no return on any date', { parameter: 'panel', asset });
  }
  return count;
}

/** prod(1 + r)^(frequency / count) - 1 over the non-NaN returns. */
function compoundedAnnualReturn(series: Float64Array, count: number, frequency: number): number {
  let growth = 1;
  for (let t = 0; t < series.length; t++) if (!isMissing(series[t])) growth *= 1 + series[t];
  return growth ** (frequency / count) - 1;
}
