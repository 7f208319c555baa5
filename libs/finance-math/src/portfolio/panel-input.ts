import type { PricePanel, ReturnPanel } from '@tethys/data';
import { isInfinite, isMissing } from './nan-statistics';
import { dropAllMissingDates, returnsFromPrices } from './returns-from-prices';
import { RiskModelError } from './risk-model-error';

/**
 * Every estimator takes prices (a PricePanel, turned into returns with
 * `returnsFromPrices`) or returns directly (a ReturnPanel, PyPortfolioOpt's
 * `returns_data=True`). NaN marks a missing value in both.
 */
export type PanelInput = PricePanel | ReturnPanel;

export function isReturnPanel(input: PanelInput): input is ReturnPanel {
  return (input as Partial<ReturnPanel>).returns !== undefined;
}

/**
 * The periodic returns an estimator works on: computed from prices, or the
 * given returns checked (finite or NaN, shapes consistent) with all-NaN dates
 * dropped. At least one date must remain.
 */
export function toReturns(input: PanelInput, logReturns = false): ReturnPanel {
  let returns: ReturnPanel;
  if (isReturnPanel(input)) {
    validateReturnPanel(input);
    returns = dropAllMissingDates(input);
  } else {
    returns = returnsFromPrices(input, { logReturns });
  }
  if (returns.dates.length === 0) {
    throw new RiskModelError('INSUFFICIENT_DATA', 'no date has a return for any asset', { parameter: 'panel' });
  }
  return returns;
}

function validateReturnPanel(panel: ReturnPanel): void {
  const { dates, assets, returns } = panel;
  if (assets.length === 0) {
    throw new RiskModelError('INSUFFICIENT_DATA', 'the panel has no assets', { parameter: 'panel.assets' });
  }
  if (returns.length !== assets.length) {
    throw new RiskModelError('SHAPE_MISMATCH', `${assets.length} assets but ${returns.length} return series`, {
      parameter: 'panel.returns',
    });
  }
  returns.forEach((series, a) => {
    if (series.length !== dates.length) {
      throw new RiskModelError('SHAPE_MISMATCH', `${series.length} returns for ${dates.length} dates`, {
        parameter: 'panel.returns',
        asset: assets[a],
      });
    }
    let bad = -1;
    for (let t = 0; t < series.length && bad < 0; t++) if (isInfinite(series[t])) bad = t;
    if (bad >= 0) {
      throw new RiskModelError('NON_FINITE', `return on ${dates[bad]} is ${series[bad]}; use NaN for missing`, {
        parameter: 'panel.returns',
        asset: assets[a],
      });
    }
  });
}

/** `frequency` (periods per year) must be a positive finite number. */
export function checkFrequency(frequency: number, parameter = 'options.frequency'): number {
  if (typeof frequency !== 'number' || !Number.isFinite(frequency) || frequency <= 0) {
    throw new RiskModelError('INVALID_ARGUMENT', `must be a positive finite number of periods per year, got ${frequency}`, {
      parameter,
    });
  }
  return frequency;
}

/** pandas' ewm `span` must be >= 1 (alpha = 2 / (span + 1) in (0, 1]). */
export function checkSpan(span: number, parameter = 'options.span'): number {
  if (typeof span !== 'number' || isMissing(span) || span < 1) {
    throw new RiskModelError('INVALID_ARGUMENT', `must be >= 1, got ${span}`, { parameter });
  }
  return span;
}

export function checkFinite(value: number, parameter: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new RiskModelError('INVALID_ARGUMENT', `must be a finite number, got ${value}`, { parameter });
  }
  return value;
}
