import {
  ForecastError,
  NotFittedError,
  StandardScaler,
  assertValidSeries,
  futureTimes,
  inferTimeAxis,
  quantileKey,
  rollingOrigins,
  type Covariates,
  type Forecast,
  type Forecaster,
  type ForecasterJson,
  type HistoricalForecastOptions,
  type TimeSeries,
} from '@tethys/forecasting';
import { modelFilesLoadHandler, modelToFiles, tf, type ModelFileReader } from '@tethys/tf-runtime';
import { assertSameCovariateNames, readCovariates } from './covariate-columns';
import { buildLstmNetwork, type LstmNetworkSpec } from './lstm-network';
import { lstmOptionsToJSON, resolveLstmOptions, type LstmForecasterOptions, type ResolvedLstmOptions } from './lstm-options';
import { parseLstmState, record, weightsFromJSON, weightsToJSON, type LstmStateJson } from './lstm-state-json';
import { buildWindows, type ScaledInputs } from './lstm-windows';
import { trainNetwork, windowTensors, type TrainingSummary } from './train-network';

const KIND = 'lstm';
const VERSION = 1;
/** The file toFiles writes beside model.json and weights.bin. */
export const LSTM_STATE_FILE = 'lstm-forecaster.json';

interface FittedLstm {
  network: tf.LayersModel;
  targetScaler: StandardScaler;
  pastScalers: StandardScaler[];
  futureScalers: StandardScaler[];
  /** Everything but the weights, as saved. */
  saved: LstmStateJson;
}

/** Raw (unscaled) inputs aligned by position, future columns possibly longer. */
interface RawInputs {
  target: Float64Array;
  past: Float64Array[];
  future: Float64Array[];
}

function fitScaler(values: Float64Array, end: number): StandardScaler {
  return new StandardScaler().fit(values.subarray(0, end));
}

/**
 * LSTM encoder -> dense head, forecasting all `horizon` steps at once
 * (direct multi-horizon), optionally as non-crossing quantiles.
 *
 * Covariates (the shared `Covariates` type): `past` columns (observed up to
 * each time) are fed beside the target at every lookback step; `future`
 * columns (known ahead, e.g. calendar features) for the forecast steps are
 * flattened into the head's input, so at fit they must reach `horizon` steps
 * past the series' end. `static` is refused.
 *
 * Training is asynchronous in tfjs: use `await fitAsync(...)`; `fit` throws.
 */
export class LstmForecaster implements Forecaster {
  readonly options: ResolvedLstmOptions;
  private state: FittedLstm | undefined;

  constructor(options: LstmForecasterOptions) {
    this.options = resolveLstmOptions(options);
  }

  get fitted(): boolean {
    return this.state !== undefined;
  }

  /** Epochs run, the epoch kept, and the loss curves of the last fit. */
  get trainingSummary(): TrainingSummary {
    return this.require('trainingSummary').saved.training;
  }

  /** The shared interface's fit: tfjs trains asynchronously, so this is `fitAsync`. */
  fit(series: TimeSeries, covariates?: Covariates): Promise<this> {
    return this.fitAsync(series, covariates);
  }

  /** Trains on `series` (its last `validationFraction` for early stopping); scalers see only the training part. */
  async fitAsync(series: TimeSeries, covariates?: Covariates): Promise<this> {
    assertValidSeries(series, 'series');
    const { lookback, horizon, validationFraction } = this.options;
    const length = series.values.length;
    const columns = readCovariates(covariates, length, horizon);
    const validationLength = Math.round(validationFraction * length);
    const trainEnd = length - validationLength;
    const trainOrigins = originsBetween(lookback, trainEnd - horizon);
    if (trainOrigins.length === 0) {
      throw new ForecastError(
        'INVALID_SERIES',
        'series',
        `has ${length} observations; lookback ${lookback} + horizon ${horizon} + validation ${validationLength} need at least ${lookback + horizon + validationLength}`,
      );
    }
    const validationOrigins = validationLength > 0 ? originsBetween(Math.max(lookback, trainEnd), length - horizon) : [];
    if (validationLength > 0 && validationOrigins.length === 0) {
      throw new ForecastError(
        'INVALID_ARGUMENT',
        'options.validationFraction',
        `keeps ${validationLength} observations for validation, fewer than one horizon (${horizon}); raise it or set 0`,
      );
    }
    // Scalers see only the training part: the validation split is held out from them too.
    const targetScaler = fitScaler(series.values, trainEnd);
    const pastScalers = columns.past.map((column) => fitScaler(column, trainEnd));
    const futureScalers = columns.future.map((column) => fitScaler(column, trainEnd));
    const scaled: ScaledInputs = {
      target: targetScaler.transform(series.values),
      past: columns.past.map((column, index) => pastScalers[index].transform(column)),
      future: columns.future.map((column, index) => futureScalers[index].transform(column)),
    };
    this.dispose();
    const network = buildLstmNetwork(this.networkSpec(columns.past.length, columns.future.length));
    let training: TrainingSummary;
    try {
      training = await trainNetwork(
        network,
        buildWindows(scaled, trainOrigins, lookback, horizon, true),
        validationOrigins.length > 0 ? buildWindows(scaled, validationOrigins, lookback, horizon, true) : null,
        this.options,
      );
    } catch (error) {
      network.dispose();
      throw error;
    }
    const timesKept = Math.max(lookback, 2);
    this.state = {
      network,
      targetScaler,
      pastScalers,
      futureScalers,
      saved: {
        covariates: { past: columns.pastNames, future: columns.futureNames },
        scalers: {
          target: targetScaler.toJSON(),
          past: pastScalers.map((scaler) => scaler.toJSON()),
          future: futureScalers.map((scaler) => scaler.toJSON()),
        },
        tail: {
          name: series.name,
          times: series.times.slice(-timesKept),
          values: Array.from(series.values.subarray(length - lookback)),
          past: columns.past.map((column) => Array.from(column.subarray(length - lookback))),
          futureAhead: columns.future.map((column) => Array.from(column.subarray(length, length + horizon))),
        },
        training,
      },
    };
    return this;
  }

  /** The `horizon` (<= the trained horizon) steps after the fitted series. */
  predict(horizon: number): Forecast {
    const state = this.require('predict');
    this.checkHorizon(horizon);
    const { lookback } = this.options;
    const { tail } = state.saved;
    // The known-future values sit after `lookback` placeholder steps, where the window reads them.
    const padding = new Float64Array(lookback);
    const inputs: RawInputs = {
      target: Float64Array.from(tail.values),
      past: tail.past.map((column) => Float64Array.from(column)),
      future: tail.futureAhead.map((column) => concat(padding, Float64Array.from(column))),
    };
    const [forecast] = this.forecastOrigins(state, inputs, [lookback], horizon);
    const axis = inferTimeAxis(tail.times);
    return axis === null ? forecast : { times: futureTimes(axis, horizon), ...forecast };
  }

  /**
   * Forecasts the `horizon` steps after `history` with the fitted weights
   * (no refit): for a series other than the fitted one, or newer data.
   * Future covariates must reach the trained horizon past `history`'s end.
   */
  forecastAfter(history: TimeSeries, horizon: number, covariates?: Covariates): Forecast {
    const state = this.require('forecastAfter');
    assertValidSeries(history, 'history');
    this.checkHorizon(horizon);
    const length = history.values.length;
    if (length < this.options.lookback) {
      throw new ForecastError('INVALID_SERIES', 'history', `has ${length} observations; the model reads lookback = ${this.options.lookback}`);
    }
    const inputs = this.rawInputs(state, history, covariates, this.options.horizon);
    const [forecast] = this.forecastOrigins(state, inputs, [length], horizon);
    const axis = inferTimeAxis(history.times);
    return axis === null ? forecast : { times: futureTimes(axis, horizon), ...forecast };
  }

  /**
   * Rolling-origin forecasts without refitting, all windows in one network
   * call. Covariates, when the model has them, are aligned with `series`;
   * future columns must reach (trained horizon - options.horizon) steps past it.
   */
  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions, covariates?: Covariates): Forecast[] {
    const state = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    this.checkHorizon(options.horizon);
    const origins = rollingOrigins(series, options, this.options.lookback);
    const inputs = this.rawInputs(state, series, covariates, this.options.horizon - options.horizon);
    return this.forecastOrigins(state, inputs, origins, options.horizon).map((forecast, index) => ({
      times: series.times.slice(origins[index], origins[index] + options.horizon),
      ...forecast,
    }));
  }

  /** Options, scalers, the fitted tail and the weights (float32, base64): fromJSON rebuilds identical forecasts. */
  toJSON(): ForecasterJson {
    const state = this.require('toJSON');
    const weights = state.network.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() as Float32Array }));
    return {
      kind: KIND,
      version: VERSION,
      options: lstmOptionsToJSON(this.options),
      state: { ...state.saved, weights: weightsToJSON(weights) },
    };
  }

  static fromJSON(json: unknown): LstmForecaster {
    const { forecaster, saved, state } = LstmForecaster.readJson(json);
    const network = buildLstmNetwork(forecaster.networkSpec(saved.covariates.past.length, saved.covariates.future.length));
    const expected = network.getWeights().map((weight) => weight.shape);
    const values = weightsFromJSON(state.weights, expected);
    const tensors = values.map((array, index) => tf.tensor(array, expected[index]));
    network.setWeights(tensors);
    tf.dispose(tensors);
    forecaster.restore(network, saved);
    return forecaster;
  }

  /** `model.json` + `weights.bin` (tfjs layers format, custom layers registered) and `lstm-forecaster.json`. */
  async toFiles(): Promise<Record<string, Uint8Array | string>> {
    const state = this.require('toFiles');
    const json = { kind: KIND, version: VERSION, options: lstmOptionsToJSON(this.options), state: state.saved };
    return { ...(await modelToFiles(state.network)), [LSTM_STATE_FILE]: JSON.stringify(json) };
  }

  static async fromFiles(readFile: ModelFileReader): Promise<LstmForecaster> {
    const text = Buffer.from(readFile(LSTM_STATE_FILE)).toString('utf8');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new ForecastError('INVALID_JSON', LSTM_STATE_FILE, 'is not valid JSON');
    }
    const { forecaster, saved } = LstmForecaster.readJson(json);
    const network = await tf.loadLayersModel(modelFilesLoadHandler(readFile, 'LstmForecaster files'));
    forecaster.restore(network, saved);
    return forecaster;
  }

  /** Frees the network's tensors; the forecaster is unfitted afterwards. */
  dispose(): void {
    this.state?.network.dispose();
    this.state = undefined;
  }

  private static readJson(json: unknown): { forecaster: LstmForecaster; saved: LstmStateJson; state: Record<string, unknown> } {
    const model = record(json, 'model');
    if (model.kind !== KIND) throw new ForecastError('INVALID_JSON', 'model.kind', `expected "${KIND}", got ${JSON.stringify(model.kind)}`);
    if (model.version !== VERSION) {
      throw new ForecastError('INVALID_JSON', 'model.version', `this code reads version ${VERSION}, got ${JSON.stringify(model.version)}`);
    }
    const forecaster = new LstmForecaster(record(model.options, 'model.options') as unknown as LstmForecasterOptions);
    const state = record(model.state, 'model.state');
    return { forecaster, saved: parseLstmState(state, forecaster.options.lookback, forecaster.options.horizon), state };
  }

  private restore(network: tf.LayersModel, saved: LstmStateJson): void {
    this.state = {
      network,
      targetScaler: StandardScaler.fromJSON(saved.scalers.target),
      pastScalers: saved.scalers.past.map((json) => StandardScaler.fromJSON(json)),
      futureScalers: saved.scalers.future.map((json) => StandardScaler.fromJSON(json)),
      saved,
    };
  }

  private networkSpec(pastFeatures: number, futureFeatures: number): LstmNetworkSpec {
    const { lookback, horizon, hiddenSize, layers, dropout, quantiles, seed } = this.options;
    return { lookback, horizon, hiddenSize, layers, dropout, pastFeatures, futureFeatures, quantiles: quantiles?.length ?? 0, seed };
  }

  private rawInputs(state: FittedLstm, series: TimeSeries, covariates: Covariates | undefined, futureReach: number): RawInputs {
    const columns = readCovariates(covariates, series.values.length, Math.max(futureReach, 0));
    assertSameCovariateNames('past', state.saved.covariates.past, columns.pastNames);
    assertSameCovariateNames('future', state.saved.covariates.future, columns.futureNames);
    return { target: series.values, past: columns.past, future: columns.future };
  }

  /** Scales, windows every origin, runs the network once, and maps the first `horizon` steps back. */
  private forecastOrigins(state: FittedLstm, raw: RawInputs, origins: readonly number[], horizon: number): Forecast[] {
    const scaled: ScaledInputs = {
      target: state.targetScaler.transform(raw.target),
      past: raw.past.map((column, index) => state.pastScalers[index].transform(column)),
      future: raw.future.map((column, index) => state.futureScalers[index].transform(column)),
    };
    const windows = buildWindows(scaled, origins, this.options.lookback, this.options.horizon, false);
    const trainedHorizon = this.options.horizon;
    const output = tf.tidy(() => {
      const { inputs } = windowTensors(windows, this.options);
      return (state.network.predict(inputs) as tf.Tensor).dataSync() as Float32Array;
    });
    const levels = this.options.quantiles;
    const perStep = levels?.length ?? 1;
    return origins.map((_, row) => {
      const column = (level: number): Float64Array => {
        const values = new Float64Array(horizon);
        for (let step = 0; step < horizon; step++) values[step] = output[(row * trainedHorizon + step) * perStep + level];
        return state.targetScaler.inverseTransform(values);
      };
      if (levels === null) return { mean: column(0) };
      const quantiles = Object.fromEntries(levels.map((level, index) => [quantileKey(level), column(index)]));
      return { mean: quantiles[quantileKey(0.5)].slice(), quantiles };
    });
  }

  private checkHorizon(horizon: number): void {
    if (!Number.isSafeInteger(horizon) || horizon < 1) {
      throw new ForecastError('INVALID_ARGUMENT', 'horizon', `must be a positive integer, got ${horizon}`);
    }
    if (horizon > this.options.horizon) {
      throw new ForecastError(
        'INVALID_ARGUMENT',
        'horizon',
        `${horizon} exceeds the trained horizon ${this.options.horizon}; the network outputs that many steps at once`,
      );
    }
  }

  private require(method: string): FittedLstm {
    if (this.state === undefined) throw new NotFittedError('LstmForecaster', method);
    return this.state;
  }
}

function originsBetween(first: number, last: number): number[] {
  const origins: number[] = [];
  for (let origin = first; origin <= last; origin++) origins.push(origin);
  return origins;
}

function concat(first: Float64Array, second: Float64Array): Float64Array {
  const joined = new Float64Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}
