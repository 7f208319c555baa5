import { assertPositiveInteger } from '../errors/argument-checks';
import { ForecastError, NotFittedError } from '../errors/forecast-error';
import { refuseCovariates } from '../forecaster/covariates';
import { describeFittedSeries, fittedSeriesFromJSON, timesAfterFit, type FittedSeries } from '../forecaster/fitted-series';
import type { Covariates, Forecast, ForecasterJson, Forecaster, HistoricalForecastOptions } from '../forecaster/forecaster';
import { quantileLevelsFromJSON, readModelJson } from '../forecaster/model-json';
import { gaussianQuantiles, resolveQuantileLevels } from '../forecaster/quantile-levels';
import { rollingOrigins } from '../forecaster/rolling-origins';
import { finiteField } from '../json/json-fields';
import { assertValidSeries, type TimeSeries } from '../series/time-series';

const KIND = 'naive';
const VERSION = 1;

interface NaiveState {
  fitted: FittedSeries;
  lastValue: number;
  /** Residual sd of the one-step naive forecasts y[t] - y[t-1]. */
  sigma: number;
}

/** sqrt(mean of squared one-step changes): no parameter is estimated, so divide by the T - 1 residuals. */
function naiveResidualSigma(values: Float64Array): number {
  let squares = 0;
  for (let t = 1; t < values.length; t++) squares += (values[t] - values[t - 1]) ** 2;
  return Math.sqrt(squares / (values.length - 1));
}

/** Flat forecast at `lastValue`; the h-step sd is sigma * sqrt(h) (FPP3 section 5.5). */
function naiveForecast(lastValue: number, sigma: number, horizon: number, levels: number[]): Forecast {
  const mean = new Float64Array(horizon).fill(lastValue);
  const sd = Float64Array.from({ length: horizon }, (_, step) => sigma * Math.sqrt(step + 1));
  return { mean, quantiles: gaussianQuantiles(mean, sd, levels) };
}

export interface NaiveOptions {
  /** Quantile levels of every forecast; default [0.1, 0.5, 0.9]. */
  quantiles?: readonly number[];
}

/** The naive (random walk) forecast: every future value equals the last observation. */
export class NaiveForecaster implements Forecaster {
  readonly quantileLevels: number[];
  private state: NaiveState | undefined;

  constructor(options: NaiveOptions = {}) {
    this.quantileLevels = resolveQuantileLevels(options.quantiles);
  }

  fit(series: TimeSeries, covariates?: Covariates): this {
    refuseCovariates(covariates, 'NaiveForecaster');
    assertValidSeries(series, 'series');
    if (series.values.length < 2) {
      throw new ForecastError('INVALID_SERIES', 'series', 'needs at least 2 observations to estimate the residual sd');
    }
    this.state = {
      fitted: describeFittedSeries(series),
      lastValue: series.values[series.values.length - 1],
      sigma: naiveResidualSigma(series.values),
    };
    return this;
  }

  predict(horizon: number): Forecast {
    const state = this.require('predict');
    assertPositiveInteger(horizon, 'horizon');
    const forecast = naiveForecast(state.lastValue, state.sigma, horizon, this.quantileLevels);
    const times = timesAfterFit(state.fitted, horizon);
    return times === undefined ? forecast : { times, ...forecast };
  }

  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions): Forecast[] {
    const { sigma } = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    return rollingOrigins(series, options, 1).map((origin) => ({
      times: series.times.slice(origin, origin + options.horizon),
      ...naiveForecast(series.values[origin - 1], sigma, options.horizon, this.quantileLevels),
    }));
  }

  toJSON(): ForecasterJson {
    const state = this.require('toJSON');
    return { kind: KIND, version: VERSION, options: { quantiles: this.quantileLevels }, state: { ...state } };
  }

  static fromJSON(json: unknown): NaiveForecaster {
    const { options, state } = readModelJson(json, KIND, VERSION);
    const model = new NaiveForecaster({ quantiles: quantileLevelsFromJSON(options) });
    model.state = {
      fitted: fittedSeriesFromJSON(state.fitted, 'model.state.fitted'),
      lastValue: finiteField(state, 'lastValue', 'model.state'),
      sigma: finiteField(state, 'sigma', 'model.state'),
    };
    return model;
  }

  private require(method: string): NaiveState {
    if (this.state === undefined) throw new NotFittedError('NaiveForecaster', method);
    return this.state;
  }
}
