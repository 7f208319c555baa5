import { createRng } from '@tethys/data';
import { assertNonNegativeInteger, assertPositiveInteger } from '../errors/argument-checks';
import { ForecastError, NotFittedError } from '../errors/forecast-error';
import { refuseCovariates } from '../forecaster/covariates';
import { describeFittedSeries, fittedSeriesFromJSON, timesAfterFit, type FittedSeries } from '../forecaster/fitted-series';
import type { Covariates, Forecast, ForecasterJson, Forecaster, HistoricalForecastOptions } from '../forecaster/forecaster';
import { quantileLevelsFromJSON, readModelJson } from '../forecaster/model-json';
import { gaussianQuantiles, resolveQuantileLevels } from '../forecaster/quantile-levels';
import { rollingOrigins } from '../forecaster/rolling-origins';
import { asRecord, booleanField, finiteArrayField, finiteField, integerField, literalField } from '../json/json-fields';
import { assertValidSeries, type TimeSeries } from '../series/time-series';
import { fitSmoothingParameters, type FixedParameters } from './ets-fit';
import { initialState, minimumObservations } from './ets-initial-state';
import { analyticForecastSd, simulatedQuantiles } from './ets-intervals';
import {
  cloneState,
  forecastMean,
  updateState,
  type EtsParameters,
  type EtsSeasonal,
  type EtsSpec,
  type EtsState,
  type EtsTrend,
} from './ets-model';

const KIND = 'ets';
const VERSION = 1;
const DEFAULT_SIMULATION_PATHS = 2000;

/** How quantiles are made: closed form where one exists, else simulated paths. */
export type EtsIntervalMethod = 'auto' | 'analytic' | 'simulate';

interface EtsFittedState {
  fitted: FittedSeries;
  parameters: EtsParameters;
  initial: EtsState;
  final: EtsState;
  /** Residual sd: sqrt(SSE / (n - number of estimated smoothing parameters)). */
  sigma: number;
  sse: number;
}

function checkFixedParameters(fixed: FixedParameters): void {
  const inRange = (name: keyof EtsParameters, low: number, high: number, lowOpen: boolean): void => {
    const value = fixed[name];
    if (value === undefined) return;
    if (!Number.isFinite(value) || value > high || (lowOpen ? value <= low : value < low)) {
      throw new ForecastError(
        'INVALID_ARGUMENT',
        name,
        `must lie in ${lowOpen ? '(' : '['}${low}, ${high}], got ${value}`,
      );
    }
  };
  inRange('alpha', 0, 1, true);
  inRange('beta', 0, 1, false);
  inRange('phi', 0, 1, true);
  if (fixed.gamma !== undefined) {
    // With alpha estimated the bound gamma <= 1 - alpha is applied when alpha is known.
    inRange('gamma', 0, 1 - (fixed.alpha ?? 0), false);
  }
}

export interface ExponentialSmoothingOptions {
  /** Default 'none' (simple exponential smoothing); 'additive' gives Holt's linear trend. */
  trend?: EtsTrend;
  /** Damp the trend with phi (estimated in [0.8, 0.98] unless fixed); needs a trend. */
  damped?: boolean;
  /** Default 'none'; 'additive' or 'multiplicative' gives Holt-Winters. */
  seasonal?: EtsSeasonal;
  /** The season length m; required with a seasonal component. */
  seasonPeriod?: number;
  /** Fix any smoothing parameter instead of estimating it (gamma must be <= 1 - alpha). */
  alpha?: number;
  beta?: number;
  gamma?: number;
  phi?: number;
  /** Quantile levels of every forecast; default [0.1, 0.5, 0.9]. */
  quantiles?: readonly number[];
  /** Default 'auto': analytic for no/additive seasonality, simulation for multiplicative. */
  intervals?: EtsIntervalMethod;
  /** Simulated paths per forecast origin; default 2000. */
  simulationPaths?: number;
  /** Seed of the simulation; each origin draws from its own fork, so results do not depend on other origins. */
  seed?: number;
}

/**
 * Exponential smoothing with additive errors: simple (level), Holt (additive
 * trend, optionally damped) and Holt-Winters (additive or multiplicative
 * seasonality). The initial states come from a classical decomposition of the
 * first seasons; the smoothing parameters minimise the in-sample one-step SSE
 * (bounded Nelder-Mead). Quantiles assume normal errors with the residual sd.
 */
export class ExponentialSmoothing implements Forecaster {
  readonly spec: EtsSpec;
  readonly fixedParameters: FixedParameters;
  readonly quantileLevels: number[];
  readonly intervals: EtsIntervalMethod;
  readonly simulationPaths: number;
  readonly seed: number;
  private state: EtsFittedState | undefined;

  constructor(options: ExponentialSmoothingOptions = {}) {
    const trend = options.trend ?? 'none';
    const seasonal = options.seasonal ?? 'none';
    if (trend !== 'none' && trend !== 'additive') {
      throw new ForecastError('INVALID_ARGUMENT', 'trend', `must be 'none' or 'additive', got ${String(trend)}`);
    }
    if (seasonal !== 'none' && seasonal !== 'additive' && seasonal !== 'multiplicative') {
      throw new ForecastError(
        'INVALID_ARGUMENT',
        'seasonal',
        `must be 'none', 'additive' or 'multiplicative', got ${String(seasonal)}`,
      );
    }
    const damped = options.damped ?? false;
    if (damped && trend === 'none') {
      throw new ForecastError('INVALID_ARGUMENT', 'damped', 'a damped model needs trend: additive');
    }
    let seasonPeriod = 1;
    if (seasonal !== 'none') {
      if (options.seasonPeriod === undefined || options.seasonPeriod < 2) {
        throw new ForecastError(
          'INVALID_ARGUMENT',
          'seasonPeriod',
          `a seasonal model needs an integer season period >= 2, got ${options.seasonPeriod}`,
        );
      }
      assertPositiveInteger(options.seasonPeriod, 'seasonPeriod');
      seasonPeriod = options.seasonPeriod;
    }
    this.spec = { trend, damped, seasonal, seasonPeriod };
    this.fixedParameters = {};
    for (const name of ['alpha', 'beta', 'gamma', 'phi'] as const) {
      if (options[name] !== undefined) this.fixedParameters[name] = options[name];
    }
    checkFixedParameters(this.fixedParameters);
    this.quantileLevels = resolveQuantileLevels(options.quantiles);
    this.intervals = options.intervals ?? 'auto';
    if (!['auto', 'analytic', 'simulate'].includes(this.intervals)) {
      throw new ForecastError('INVALID_ARGUMENT', 'intervals', `must be auto, analytic or simulate, got ${this.intervals}`);
    }
    if (this.intervals === 'analytic' && seasonal === 'multiplicative') {
      throw new ForecastError(
        'INVALID_ARGUMENT',
        'intervals',
        'multiplicative seasonality has no closed-form variance; use simulate (or auto)',
      );
    }
    this.simulationPaths = options.simulationPaths ?? DEFAULT_SIMULATION_PATHS;
    assertPositiveInteger(this.simulationPaths, 'simulationPaths');
    this.seed = options.seed ?? 0;
    assertNonNegativeInteger(this.seed, 'seed');
  }

  fit(series: TimeSeries, covariates?: Covariates): this {
    refuseCovariates(covariates, 'ExponentialSmoothing');
    assertValidSeries(series, 'series');
    const { values } = series;
    const needed = Math.max(minimumObservations(this.spec), 2);
    if (values.length < needed) {
      throw new ForecastError(
        'INVALID_SERIES',
        'series',
        `has ${values.length} observations; this model needs at least ${needed}`,
      );
    }
    this.assertPositiveIfMultiplicative(values);
    const initial = initialState(this.spec, values);
    const { parameters, sse, estimated } = fitSmoothingParameters(this.spec, initial, values, this.fixedParameters);
    if (!Number.isFinite(sse)) {
      throw new ForecastError('INVALID_SERIES', 'series', 'no smoothing parameters keep the model finite on this series');
    }
    const final = cloneState(initial);
    for (let t = 0; t < values.length; t++) updateState(this.spec, parameters, final, values[t]);
    const degreesOfFreedom = Math.max(values.length - estimated, 1);
    this.state = {
      fitted: describeFittedSeries(series),
      parameters,
      initial,
      final,
      sigma: Math.sqrt(sse / degreesOfFreedom),
      sse,
    };
    return this;
  }

  /** The fitted smoothing parameters (component form: trend weight beta is FPP3's beta*). */
  get parameters(): EtsParameters {
    return { ...this.require('parameters').parameters };
  }

  /** The residual sd used for the quantiles. */
  get sigma(): number {
    return this.require('sigma').sigma;
  }

  predict(horizon: number): Forecast {
    const state = this.require('predict');
    assertPositiveInteger(horizon, 'horizon');
    const forecast = this.forecastFrom(state, state.final, horizon);
    const times = timesAfterFit(state.fitted, horizon);
    return times === undefined ? forecast : { times, ...forecast };
  }

  /**
   * Rolling-origin forecasts with the fitted parameters. The filter starts
   * from the fitted initial state at the first observation of `series`, which
   * must therefore begin where the fitted series began (the fitted series
   * followed by later data); one pass serves every origin.
   */
  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions): Forecast[] {
    const state = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    if (series.times[0] !== state.fitted.firstTime) {
      throw new ForecastError(
        'INVALID_SERIES',
        'series',
        `starts at ${JSON.stringify(series.times[0])} but the model was fitted from ${JSON.stringify(state.fitted.firstTime)}; ` +
          'pass the fitted series followed by later observations',
      );
    }
    this.assertPositiveIfMultiplicative(series.values);
    const origins = rollingOrigins(series, options, 1);
    const filter = cloneState(state.initial);
    return origins.map((origin) => {
      while (filter.observed < origin) {
        updateState(this.spec, state.parameters, filter, series.values[filter.observed]);
      }
      return {
        times: series.times.slice(origin, origin + options.horizon),
        ...this.forecastFrom(state, filter, options.horizon),
      };
    });
  }

  toJSON(): ForecasterJson {
    const state = this.require('toJSON');
    const stateJson = (filter: EtsState) => ({
      level: filter.level,
      trend: filter.trend,
      seasonal: Array.from(filter.seasonal),
      observed: filter.observed,
    });
    return {
      kind: KIND,
      version: VERSION,
      options: {
        ...this.spec,
        fixed: { ...this.fixedParameters },
        quantiles: this.quantileLevels,
        intervals: this.intervals,
        simulationPaths: this.simulationPaths,
        seed: this.seed,
      },
      state: {
        fitted: state.fitted,
        parameters: { ...state.parameters },
        initial: stateJson(state.initial),
        final: stateJson(state.final),
        sigma: state.sigma,
        sse: state.sse,
      },
    };
  }

  static fromJSON(json: unknown): ExponentialSmoothing {
    const { options, state } = readModelJson(json, KIND, VERSION);
    const path = 'model.options';
    const fixed = asRecord(options.fixed, `${path}.fixed`);
    const fixedValue = (name: keyof EtsParameters) =>
      fixed[name] === undefined ? undefined : finiteField(fixed, name, `${path}.fixed`);
    const model = new ExponentialSmoothing({
      trend: literalField(options, 'trend', path, ['none', 'additive']),
      damped: booleanField(options, 'damped', path),
      seasonal: literalField(options, 'seasonal', path, ['none', 'additive', 'multiplicative']),
      seasonPeriod: integerField(options, 'seasonPeriod', path, 1),
      alpha: fixedValue('alpha'),
      beta: fixedValue('beta'),
      gamma: fixedValue('gamma'),
      phi: fixedValue('phi'),
      quantiles: quantileLevelsFromJSON(options),
      intervals: literalField(options, 'intervals', path, ['auto', 'analytic', 'simulate']),
      simulationPaths: integerField(options, 'simulationPaths', path, 1),
      seed: integerField(options, 'seed', path, 0),
    });
    const parameters = asRecord(state.parameters, 'model.state.parameters');
    const filterState = (key: string): EtsState => {
      const record = asRecord(state[key], `model.state.${key}`);
      const seasonal = finiteArrayField(record, 'seasonal', `model.state.${key}`);
      if (seasonal.length !== model.spec.seasonPeriod) {
        throw new ForecastError(
          'INVALID_JSON',
          `model.state.${key}.seasonal`,
          `has ${seasonal.length} values; seasonPeriod is ${model.spec.seasonPeriod}`,
        );
      }
      return {
        level: finiteField(record, 'level', `model.state.${key}`),
        trend: finiteField(record, 'trend', `model.state.${key}`),
        seasonal: Float64Array.from(seasonal),
        observed: integerField(record, 'observed', `model.state.${key}`, 0),
      };
    };
    model.state = {
      fitted: fittedSeriesFromJSON(state.fitted, 'model.state.fitted'),
      parameters: {
        alpha: finiteField(parameters, 'alpha', 'model.state.parameters'),
        beta: finiteField(parameters, 'beta', 'model.state.parameters'),
        gamma: finiteField(parameters, 'gamma', 'model.state.parameters'),
        phi: finiteField(parameters, 'phi', 'model.state.parameters'),
      },
      initial: filterState('initial'),
      final: filterState('final'),
      sigma: finiteField(state, 'sigma', 'model.state'),
      sse: finiteField(state, 'sse', 'model.state'),
    };
    return model;
  }

  private forecastFrom(state: EtsFittedState, origin: EtsState, horizon: number): Forecast {
    const mean = forecastMean(this.spec, state.parameters, origin, horizon);
    const simulate =
      this.intervals === 'simulate' || (this.intervals === 'auto' && this.spec.seasonal === 'multiplicative');
    if (!simulate) {
      const sd = analyticForecastSd(this.spec, state.parameters, state.sigma, horizon);
      return { mean, quantiles: gaussianQuantiles(mean, sd, this.quantileLevels) };
    }
    // One fork per origin: a forecast's quantiles do not depend on which other origins were asked for.
    const rng = createRng(this.seed).fork(`origin:${origin.observed}`);
    const quantiles = simulatedQuantiles(
      this.spec,
      state.parameters,
      origin,
      state.sigma,
      horizon,
      this.quantileLevels,
      this.simulationPaths,
      rng,
    );
    return { mean, quantiles };
  }

  private assertPositiveIfMultiplicative(values: Float64Array): void {
    if (this.spec.seasonal !== 'multiplicative') return;
    const index = values.findIndex((value) => !(value > 0));
    if (index !== -1) {
      throw new ForecastError(
        'INVALID_SERIES',
        'series',
        `multiplicative seasonality needs positive values; element ${index} is ${values[index]}`,
      );
    }
  }

  private require(method: string): EtsFittedState {
    if (this.state === undefined) throw new NotFittedError('ExponentialSmoothing', method);
    return this.state;
  }
}
