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

const KIND = 'drift';
const VERSION = 1;

interface DriftState {
  fitted: FittedSeries;
  lastValue: number;
  /** The average change per step over the fitted series, (y[T] - y[1]) / (T - 1). */
  slope: number;
  /** Residual sd of y[t] - y[t-1] - slope, with one degree of freedom spent on the slope. */
  sigma: number;
}

function driftResidualSigma(values: Float64Array, slope: number): number {
  let squares = 0;
  for (let t = 1; t < values.length; t++) squares += (values[t] - values[t - 1] - slope) ** 2;
  // T - 1 residuals, one estimated parameter (FPP3: divide by T - K - M with K = 1, M = 1).
  return Math.sqrt(squares / (values.length - 2));
}

/**
 * y[T+h] = y[T] + h * slope. The h-step sd is sigma * sqrt(h (1 + h / (T - 1)))
 * (FPP3 section 5.5), T being the length of the fitted series.
 */
function driftForecast(
  lastValue: number,
  slope: number,
  sigma: number,
  fittedLength: number,
  horizon: number,
  levels: number[],
): Forecast {
  const mean = Float64Array.from({ length: horizon }, (_, step) => lastValue + (step + 1) * slope);
  const sd = Float64Array.from({ length: horizon }, (_, step) => {
    const h = step + 1;
    return sigma * Math.sqrt(h * (1 + h / (fittedLength - 1)));
  });
  return { mean, quantiles: gaussianQuantiles(mean, sd, levels) };
}

export interface DriftOptions {
  /** Quantile levels of every forecast; default [0.1, 0.5, 0.9]. */
  quantiles?: readonly number[];
}

/**
 * The drift method (a random walk with drift): the line from the first to the
 * last fitted observation, extended from the last observation. Historical
 * forecasts keep the fitted slope and start from the value at each origin.
 */
export class DriftForecaster implements Forecaster {
  readonly quantileLevels: number[];
  private state: DriftState | undefined;

  constructor(options: DriftOptions = {}) {
    this.quantileLevels = resolveQuantileLevels(options.quantiles);
  }

  fit(series: TimeSeries, covariates?: Covariates): this {
    refuseCovariates(covariates, 'DriftForecaster');
    assertValidSeries(series, 'series');
    const { values } = series;
    const length = values.length;
    if (length < 3) {
      throw new ForecastError('INVALID_SERIES', 'series', 'needs at least 3 observations (a slope and a residual sd)');
    }
    const slope = (values[length - 1] - values[0]) / (length - 1);
    this.state = {
      fitted: describeFittedSeries(series),
      lastValue: values[length - 1],
      slope,
      sigma: driftResidualSigma(values, slope),
    };
    return this;
  }

  predict(horizon: number): Forecast {
    const state = this.require('predict');
    assertPositiveInteger(horizon, 'horizon');
    const forecast = driftForecast(
      state.lastValue,
      state.slope,
      state.sigma,
      state.fitted.length,
      horizon,
      this.quantileLevels,
    );
    const times = timesAfterFit(state.fitted, horizon);
    return times === undefined ? forecast : { times, ...forecast };
  }

  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions): Forecast[] {
    const { slope, sigma, fitted } = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    return rollingOrigins(series, options, 1).map((origin) => ({
      times: series.times.slice(origin, origin + options.horizon),
      ...driftForecast(series.values[origin - 1], slope, sigma, fitted.length, options.horizon, this.quantileLevels),
    }));
  }

  toJSON(): ForecasterJson {
    const state = this.require('toJSON');
    return { kind: KIND, version: VERSION, options: { quantiles: this.quantileLevels }, state: { ...state } };
  }

  static fromJSON(json: unknown): DriftForecaster {
    const { options, state } = readModelJson(json, KIND, VERSION);
    const model = new DriftForecaster({ quantiles: quantileLevelsFromJSON(options) });
    model.state = {
      fitted: fittedSeriesFromJSON(state.fitted, 'model.state.fitted'),
      lastValue: finiteField(state, 'lastValue', 'model.state'),
      slope: finiteField(state, 'slope', 'model.state'),
      sigma: finiteField(state, 'sigma', 'model.state'),
    };
    return model;
  }

  private require(method: string): DriftState {
    if (this.state === undefined) throw new NotFittedError('DriftForecaster', method);
    return this.state;
  }
}
