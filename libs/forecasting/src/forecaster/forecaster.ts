import type { TimeSeries } from '../series/time-series';

/**
 * Extra inputs aligned with the target by position (`past[name][i]` belongs
 * to `series.times[i]`). `past`: observed only up to each time; `future`:
 * known in advance, so it must reach `horizon` steps past the target's end;
 * `static`: one number per series. The baselines are univariate and refuse
 * covariates rather than silently ignore them.
 */
export interface Covariates {
  past?: Record<string, Float64Array>;
  future?: Record<string, Float64Array>;
  static?: Record<string, number>;
}

/**
 * A forecast of `mean.length` consecutive steps. `times` names the steps when
 * they are known (from the series for historical forecasts, or extrapolated
 * from a regular time axis after the fitted series). `quantiles` maps a level
 * written as `String(level)` ("0.1", "0.5", "0.9") to its values per step.
 */
export interface Forecast {
  times?: string[];
  mean: Float64Array;
  quantiles?: Record<string, Float64Array>;
}

export interface HistoricalForecastOptions {
  /**
   * The first forecast origin: an index into `series` (the first forecast
   * covers `series[start .. start + horizon - 1]` from data `[0, start)`), or
   * a time in `series.times` meaning that index.
   */
  start: number | string;
  horizon: number;
  /** Steps between origins; default 1. */
  stride?: number;
  /** Only false (the default): the fitted parameters are reused at every origin. */
  retrain?: false;
}

/** What every forecaster writes with `toJSON`: `kind` selects the class that reads it back. */
export interface ForecasterJson {
  kind: string;
  version: number;
  [field: string]: unknown;
}

/**
 * The interface every forecaster in the workspace implements (baselines here,
 * neural models in the trainers), so evaluation code treats them alike.
 *
 * - `fit(series, covariates?)` estimates the model on `series` (training data
 *   only) and returns the forecaster — at once for the statistical models, as a
 *   promise for the neural ones (tfjs trains asynchronously); `await` covers both.
 * - `predict(horizon)` continues after the last fitted point: step 1 is the
 *   time right after `series`' last time. Before `fit` it throws NotFittedError.
 * - `historicalForecasts(series, options, covariates?)` makes rolling-origin
 *   forecasts without refitting: at each origin `o = start, start + stride, ...`
 *   it forecasts `series[o .. o + horizon - 1]` from the fitted parameters and
 *   the data `series[0 .. o - 1]` only (no look-ahead). Only windows that fit
 *   inside `series` are made, so each can be scored against the actuals.
 *   `series` is normally the fitted series followed by held-out data; origins
 *   inside the fitted range reuse parameters that saw those data.
 *   `covariates` are aligned with `series` by position (see `Covariates`);
 *   models fitted with covariates need them here too (or fall back to the
 *   ones given to fit, as the TFT does). Univariate models refuse covariates
 *   at `fit`; at `historicalForecasts` they may ignore the argument, since a
 *   model fitted without covariates reads none.
 * - `toJSON()` captures options and fitted state as plain JSON; each class's
 *   static `fromJSON` rebuilds a forecaster whose predictions are identical.
 */
export interface Forecaster {
  fit(series: TimeSeries, covariates?: Covariates): this | Promise<this>;
  predict(horizon: number): Forecast;
  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions, covariates?: Covariates): Forecast[];
  toJSON(): ForecasterJson;
}
