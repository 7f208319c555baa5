import { assertPositiveInteger } from '../errors/argument-checks';
import { ForecastError, NotFittedError } from '../errors/forecast-error';
import { refuseCovariates } from '../forecaster/covariates';
import { describeFittedSeries, fittedSeriesFromJSON, timesAfterFit, type FittedSeries } from '../forecaster/fitted-series';
import type { Covariates, Forecast, ForecasterJson, Forecaster, HistoricalForecastOptions } from '../forecaster/forecaster';
import { quantileLevelsFromJSON, readModelJson } from '../forecaster/model-json';
import { gaussianQuantiles, resolveQuantileLevels } from '../forecaster/quantile-levels';
import { rollingOrigins } from '../forecaster/rolling-origins';
import { finiteArrayField, finiteField, integerField } from '../json/json-fields';
import { assertValidSeries, type TimeSeries } from '../series/time-series';

const KIND = 'seasonal_naive';
const VERSION = 1;

interface SeasonalNaiveState {
  fitted: FittedSeries;
  /** The last `seasonPeriod` observations, oldest first. */
  lastSeason: number[];
  /** Residual sd of the one-step seasonal naive forecasts y[t] - y[t-m]. */
  sigma: number;
}

/** sqrt(sum (y[t] - y[t-m])^2 / (T - m)): one residual per observation after the first season. */
function seasonalResidualSigma(values: Float64Array, seasonPeriod: number): number {
  let squares = 0;
  for (let t = seasonPeriod; t < values.length; t++) squares += (values[t] - values[t - seasonPeriod]) ** 2;
  return Math.sqrt(squares / (values.length - seasonPeriod));
}

/**
 * y[T+h] = y[T+h-m(k+1)] with k = floor((h-1)/m): the last season repeated.
 * The h-step sd is sigma * sqrt(k + 1) (FPP3 section 5.5).
 */
function seasonalNaiveForecast(
  lastSeason: ArrayLike<number>,
  sigma: number,
  horizon: number,
  levels: number[],
): Forecast {
  const period = lastSeason.length;
  const mean = Float64Array.from({ length: horizon }, (_, step) => lastSeason[step % period]);
  const sd = Float64Array.from({ length: horizon }, (_, step) => sigma * Math.sqrt(Math.floor(step / period) + 1));
  return { mean, quantiles: gaussianQuantiles(mean, sd, levels) };
}

export interface SeasonalNaiveOptions {
  /** The season length m (12 for monthly data with a yearly cycle, 48 for half-hourly with a daily one). */
  seasonPeriod: number;
  /** Quantile levels of every forecast; default [0.1, 0.5, 0.9]. */
  quantiles?: readonly number[];
}

/** The seasonal naive forecast: each future value equals the observation one season earlier. */
export class SeasonalNaiveForecaster implements Forecaster {
  readonly seasonPeriod: number;
  readonly quantileLevels: number[];
  private state: SeasonalNaiveState | undefined;

  constructor(options: SeasonalNaiveOptions) {
    assertPositiveInteger(options.seasonPeriod, 'seasonPeriod');
    this.seasonPeriod = options.seasonPeriod;
    this.quantileLevels = resolveQuantileLevels(options.quantiles);
  }

  fit(series: TimeSeries, covariates?: Covariates): this {
    refuseCovariates(covariates, 'SeasonalNaiveForecaster');
    assertValidSeries(series, 'series');
    const length = series.values.length;
    if (length <= this.seasonPeriod) {
      throw new ForecastError(
        'INVALID_SERIES',
        'series',
        `has ${length} observations; season period ${this.seasonPeriod} needs more than one season`,
      );
    }
    this.state = {
      fitted: describeFittedSeries(series),
      lastSeason: Array.from(series.values.subarray(length - this.seasonPeriod)),
      sigma: seasonalResidualSigma(series.values, this.seasonPeriod),
    };
    return this;
  }

  predict(horizon: number): Forecast {
    const state = this.require('predict');
    assertPositiveInteger(horizon, 'horizon');
    const forecast = seasonalNaiveForecast(state.lastSeason, state.sigma, horizon, this.quantileLevels);
    const times = timesAfterFit(state.fitted, horizon);
    return times === undefined ? forecast : { times, ...forecast };
  }

  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions): Forecast[] {
    const { sigma } = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    return rollingOrigins(series, options, this.seasonPeriod).map((origin) => ({
      times: series.times.slice(origin, origin + options.horizon),
      ...seasonalNaiveForecast(
        series.values.subarray(origin - this.seasonPeriod, origin),
        sigma,
        options.horizon,
        this.quantileLevels,
      ),
    }));
  }

  toJSON(): ForecasterJson {
    const state = this.require('toJSON');
    return {
      kind: KIND,
      version: VERSION,
      options: { seasonPeriod: this.seasonPeriod, quantiles: this.quantileLevels },
      state: { ...state },
    };
  }

  static fromJSON(json: unknown): SeasonalNaiveForecaster {
    const { options, state } = readModelJson(json, KIND, VERSION);
    const seasonPeriod = integerField(options, 'seasonPeriod', 'model.options', 1);
    const model = new SeasonalNaiveForecaster({ seasonPeriod, quantiles: quantileLevelsFromJSON(options) });
    const lastSeason = finiteArrayField(state, 'lastSeason', 'model.state');
    if (lastSeason.length !== seasonPeriod) {
      throw new ForecastError(
        'INVALID_JSON',
        'model.state.lastSeason',
        `has ${lastSeason.length} values; seasonPeriod is ${seasonPeriod}`,
      );
    }
    model.state = {
      fitted: fittedSeriesFromJSON(state.fitted, 'model.state.fitted'),
      lastSeason,
      sigma: finiteField(state, 'sigma', 'model.state'),
    };
    return model;
  }

  private require(method: string): SeasonalNaiveState {
    if (this.state === undefined) throw new NotFittedError('SeasonalNaiveForecaster', method);
    return this.state;
  }
}
