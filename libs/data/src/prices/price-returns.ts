import { DataError } from '../errors/data-error';
import type { PricePanel } from './price-panel';

/** 'simple': p[t] / p[t-1] - 1. 'log': ln(p[t] / p[t-1]). */
export type ReturnKind = 'simple' | 'log';

/**
 * What to do with a return that cannot be computed because a price is missing:
 * 'keep' leaves NaN (for pairwise statistics downstream), 'drop-dates' removes
 * every date where any asset's return is NaN (listwise deletion), 'error'
 * throws a MISSING_VALUE DataError naming the first such date and asset.
 */
export type MissingPolicy = 'drop-dates' | 'keep' | 'error';

/** `returns[a][t]` is asset `assets[a]`'s return from the previous price date to `dates[t]`. */
export interface ReturnPanel {
  dates: string[];
  assets: string[];
  returns: Float64Array[];
}

const RETURN_KINDS: readonly ReturnKind[] = ['simple', 'log'];
const MISSING_POLICIES: readonly MissingPolicy[] = ['drop-dates', 'keep', 'error'];

/**
 * Period returns from a price panel. Conventions:
 * - the return dated `dates[t]` uses the prices on panel dates t-1 and t, so the
 *   result has one date fewer than the panel (`panel.dates[1..]`);
 * - a return is NaN when either price is missing; prices are never
 *   forward-filled, so a gap makes two returns missing (into and out of it);
 * - `missing` then decides what happens to those NaNs (see MissingPolicy);
 *   with 'drop-dates' the remaining returns still span their original pair of
 *   adjacent panel dates, never a longer interval.
 */
export function priceReturns(
  panel: PricePanel,
  options: { kind: ReturnKind; missing: MissingPolicy },
): ReturnPanel {
  const { kind, missing } = options ?? {};
  if (!RETURN_KINDS.includes(kind)) {
    throw new DataError('INVALID_ARGUMENT', `options.kind must be 'simple' or 'log', got ${JSON.stringify(kind)}`, {
      parameter: 'options.kind',
    });
  }
  if (!MISSING_POLICIES.includes(missing)) {
    throw new DataError(
      'INVALID_ARGUMENT',
      `options.missing must be 'drop-dates', 'keep' or 'error', got ${JSON.stringify(missing)}`,
      { parameter: 'options.missing' },
    );
  }
  validatePanel(panel);

  const periods = panel.dates.length - 1;
  const returns = panel.prices.map((prices) => {
    const assetReturns = new Float64Array(periods);
    for (let t = 1; t <= periods; t++) {
      // NaN in either price propagates to NaN, which is exactly the "missing" marker.
      const ratio = prices[t] / prices[t - 1];
      assetReturns[t - 1] = kind === 'simple' ? ratio - 1 : Math.log(ratio);
    }
    return assetReturns;
  });
  const dates = panel.dates.slice(1);
  const assets = [...panel.assets];

  if (missing === 'keep') return { dates, assets, returns };
  if (missing === 'error') {
    throwOnFirstMissing(panel, returns);
    return { dates, assets, returns };
  }

  const keep: number[] = [];
  for (let t = 0; t < periods; t++) {
    if (returns.every((assetReturns) => !Number.isNaN(assetReturns[t]))) keep.push(t);
  }
  if (keep.length === 0) {
    throw new DataError('EMPTY', "every date has a missing return, so 'drop-dates' leaves nothing", {
      parameter: 'options.missing',
    });
  }
  return {
    dates: keep.map((t) => dates[t]),
    assets,
    returns: returns.map((assetReturns) => Float64Array.from(keep, (t) => assetReturns[t])),
  };
}

function throwOnFirstMissing(panel: PricePanel, returns: Float64Array[]): void {
  const periods = panel.dates.length - 1;
  for (let t = 0; t < periods; t++) {
    for (let a = 0; a < returns.length; a++) {
      if (!Number.isNaN(returns[a][t])) continue;
      const prices = panel.prices[a];
      const missingOn = [t, t + 1].filter((index) => Number.isNaN(prices[index])).map((index) => panel.dates[index]);
      throw new DataError(
        'MISSING_VALUE',
        `return on ${panel.dates[t + 1]} for ${panel.assets[a]} is missing: no price on ${missingOn.join(' and ')}`,
        { row: t + 1, column: panel.assets[a] },
      );
    }
  }
}

/** Panels can be built by hand, so check their shape and values before trusting them. */
function validatePanel(panel: PricePanel): void {
  const { dates, assets, prices } = panel;
  if (dates.length < 2) {
    throw new DataError('INVALID_ARGUMENT', `a price panel needs at least 2 dates for a return, got ${dates.length}`, {
      parameter: 'panel.dates',
    });
  }
  if (prices.length !== assets.length) {
    throw new DataError(
      'INVALID_ARGUMENT',
      `panel has ${assets.length} assets but ${prices.length} price series`,
      { parameter: 'panel.prices' },
    );
  }
  prices.forEach((series, a) => {
    if (series.length !== dates.length) {
      throw new DataError(
        'INVALID_ARGUMENT',
        `price series has ${series.length} values for ${dates.length} dates`,
        { parameter: 'panel.prices', column: assets[a] },
      );
    }
    series.forEach((price, t) => {
      if (!Number.isNaN(price) && !(price > 0 && Number.isFinite(price))) {
        throw new DataError('INVALID_VALUE', `price on ${dates[t]} must be positive and finite (or NaN for missing), got ${price}`, {
          row: t + 1,
          column: assets[a],
        });
      }
    });
  });
}
