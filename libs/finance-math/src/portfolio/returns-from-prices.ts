import { isMissing } from './nan-statistics';
import { priceReturns, type PricePanel, type ReturnPanel } from '@tethys/data';

export interface ReturnsFromPricesOptions {
  /** ln(p[t] / p[t-1]) instead of p[t] / p[t-1] - 1; default false. */
  logReturns?: boolean;
}

/**
 * PyPortfolioOpt's `returns_from_prices`: `prices.pct_change(fill_method=None)
 * .dropna(how="all")`. Mapped onto `priceReturns(panel, { missing: 'keep' })`,
 * which already dates each return by its later price, never forward-fills and
 * leaves NaN where either price is missing; then every date on which *all*
 * assets' returns are NaN is dropped (the first date always; a date where no
 * asset trades). Partial NaN (late listings) stays, for pairwise statistics.
 * Prices must be positive or NaN (a DataError otherwise, from `priceReturns`).
 */
export function returnsFromPrices(panel: PricePanel, options: ReturnsFromPricesOptions = {}): ReturnPanel {
  const kind = options.logReturns === true ? 'log' : 'simple';
  const all = priceReturns(panel, { kind, missing: 'keep' });
  return dropAllMissingDates(all);
}

/** Removes the dates on which every asset's return is NaN (pandas `dropna(how="all")`). */
export function dropAllMissingDates(panel: ReturnPanel): ReturnPanel {
  const keep: number[] = [];
  const { returns } = panel;
  for (let t = 0; t < panel.dates.length; t++) {
    for (let a = 0; a < returns.length; a++) {
      if (!isMissing(returns[a][t])) {
        keep.push(t);
        break;
      }
    }
  }
  if (keep.length === panel.dates.length) return panel;
  return {
    dates: keep.map((t) => panel.dates[t]),
    assets: panel.assets,
    returns: panel.returns.map((series) => Float64Array.from(keep, (t) => series[t])),
  };
}
