import { assertValidSeries, ForecastError, type Covariates, type HistoricalForecastOptions, type TimeSeries } from '@tethys/forecasting';

/** What `fit` accepts: one series, or several trained on together. */
export type SeriesInput = TimeSeries | readonly TimeSeries[];
/** Covariates of one series, or one entry per series (aligned with the series list; undefined = none). */
export type CovariatesInput = Covariates | readonly (Covariates | undefined)[];
/** Picks a fitted series: its position in the list given to `fit`, or its name. */
export type SeriesSelector = number | string;

/** One series of a fit with its covariates and the name to use for it in errors. */
export interface SeriesEntry {
  series: TimeSeries;
  covariates: Covariates | undefined;
  /** `series` for a single-series fit, `series[i]` for the i-th of several. */
  parameter: string;
  /** `covariates` or `covariates[i]`, likewise. */
  covariatesParameter: string;
}

/**
 * Validates the series and covariates of a fit and pairs them up. Several
 * series need distinct names (predict and historicalForecasts find a
 * series' scalers by name) and, when covariates are given, one entry per series.
 */
export function seriesEntries(series: SeriesInput, covariates: CovariatesInput | undefined): SeriesEntry[] {
  const list: readonly TimeSeries[] = Array.isArray(series) ? series : [series as TimeSeries];
  const several = Array.isArray(series);
  if (list.length === 0) throw new ForecastError('INVALID_ARGUMENT', 'series', 'is an empty list; pass at least one series');
  let perSeries: readonly (Covariates | undefined)[];
  if (covariates === undefined) perSeries = list.map(() => undefined);
  else if (Array.isArray(covariates)) perSeries = covariates;
  else if (list.length === 1) perSeries = [covariates as Covariates];
  else {
    throw new ForecastError('INVALID_ARGUMENT', 'covariates', `must be a list with one entry per series (${list.length}) when fitting several series`);
  }
  if (perSeries.length !== list.length) {
    throw new ForecastError('LENGTH_MISMATCH', 'covariates', `has ${perSeries.length} entries for ${list.length} series`);
  }
  const seen = new Map<string, number>();
  return list.map((item, index) => {
    const parameter = several ? `series[${index}]` : 'series';
    assertValidSeries(item, parameter);
    const earlier = seen.get(item.name);
    if (earlier !== undefined) {
      throw new ForecastError('INVALID_ARGUMENT', `${parameter}.name`, `${JSON.stringify(item.name)} is also the name of series[${earlier}]; names must be distinct`);
    }
    seen.set(item.name, index);
    return { series: item, covariates: perSeries[index], parameter, covariatesParameter: several ? `covariates[${index}]` : 'covariates' };
  });
}

/**
 * The fitted series a forecast is for: the one `selector` names (index or
 * name); else the only one; else the one named `seriesName` (the series
 * passed to historicalForecasts). Anything else is ambiguous and refused.
 */
export function selectFittedSeries<T extends { name: string }>(
  fitted: readonly T[],
  selector: SeriesSelector | undefined,
  seriesName: string | undefined,
  parameter: string,
): T {
  const names = fitted.map((entry) => JSON.stringify(entry.name)).join(', ');
  if (typeof selector === 'number') {
    if (!Number.isSafeInteger(selector) || selector < 0 || selector >= fitted.length) {
      throw new ForecastError('INVALID_ARGUMENT', parameter, `index ${selector} is not one of the ${fitted.length} fitted series`);
    }
    return fitted[selector];
  }
  if (typeof selector === 'string') {
    const found = fitted.find((entry) => entry.name === selector);
    if (found === undefined) throw new ForecastError('INVALID_ARGUMENT', parameter, `${JSON.stringify(selector)} is not a fitted series (${names})`);
    return found;
  }
  if (fitted.length === 1) return fitted[0];
  const byName = fitted.find((entry) => entry.name === seriesName);
  if (byName !== undefined) return byName;
  throw new ForecastError(
    'INVALID_ARGUMENT',
    parameter,
    `the model was fitted on ${fitted.length} series (${names}); name one of them (by index or name)` +
      (seriesName === undefined ? '' : `, or pass a series with one of these names (got ${JSON.stringify(seriesName)})`),
  );
}

/** Rolling-origin options of the neural forecasters: `fittedSeries` picks whose scalers to use after a multi-series fit. */
export interface NeuralHistoricalOptions extends HistoricalForecastOptions {
  /** Index or name of a fitted series; default: the only one, else the one named like the series passed. */
  fittedSeries?: SeriesSelector;
}
