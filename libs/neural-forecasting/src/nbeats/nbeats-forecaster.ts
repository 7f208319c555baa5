import {
  assertValidSeries,
  ForecastError,
  futureTimes,
  inferTimeAxis,
  NotFittedError,
  quantileKey,
  rollingOrigins,
  StandardScaler,
  type Covariates,
  type Forecast,
  type Forecaster,
  type ForecasterJson,
  type HistoricalForecastOptions,
  type TimeSeries,
} from '@tethys/forecasting';
import { modelFilesLoadHandler, modelToFiles, tf } from '@tethys/tf-runtime';
import { stateFromJSON, stateToJSON, type NBeatsFittedState } from './model-state';
import { buildNBeatsNetwork, networkTaps, type NBeatsNetworkConfig } from './network';
import { resolveNBeatsOptions, type NBeatsOptions, type ResolvedNBeatsOptions } from './options';
import { trainNetwork, type TrainingHistory } from './train';
import { setWeightsFromJSON, weightsToJSON } from './weights-json';
import { buildWindows, splitOrigins, type WindowSet } from './windows';

const KIND = 'nbeats';
const VERSION = 1;
/** The file beside model.json + weights.bin holding options, scaler and fitted state. */
export const NBEATS_STATE_FILE = 'nbeats.json';

/** The interpretable model's forecast split by stack; trend + seasonality = mean. */
export interface NBeatsDecomposition {
  /** The trend stack's forecast, carrying the series level (scaler mean). */
  trend: Float64Array;
  seasonality: Float64Array;
}

interface Fitted extends NBeatsFittedState {
  network: tf.LayersModel;
  /** Interpretable only: outputs [forecast, trend stack, seasonality stack] in one pass. */
  inspector: tf.LayersModel | null;
}

function networkConfig(options: ResolvedNBeatsOptions): NBeatsNetworkConfig {
  return {
    lookback: options.lookback,
    horizon: options.horizon,
    channels: 1 + options.quantiles.length,
    stacks: options.stacks,
    blocksPerStack: options.blocksPerStack,
    layerWidth: options.layerWidth,
    hiddenLayers: options.hiddenLayers,
    trendDegree: options.trendDegree,
    shareWeights: options.shareWeights,
  };
}

function refuseCovariates(covariates: Covariates | undefined): void {
  if (covariates === undefined) return;
  const used = Object.entries(covariates).filter(([, group]) => group !== undefined && Object.keys(group).length > 0);
  if (used.length > 0) {
    throw new ForecastError('UNSUPPORTED_COVARIATES', 'covariates', `N-BEATS is univariate; got ${used.map(([kind]) => kind).join(', ')} covariates`);
  }
}

/**
 * N-BEATS (Oreshkin et al., ICLR 2020) behind the shared Forecaster interface:
 * a deep stack of fully connected blocks with doubly residual stacking,
 * forecasting all `horizon` steps at once from the last `lookback` values.
 * 'generic' uses learnt linear bases; 'interpretable' a polynomial trend stack
 * then a Fourier seasonality stack, whose parts `decompose()` returns.
 * Values are standardised with a scaler fitted on the training series and
 * saved with the model. Training is asynchronous: `fit` is `fitAsync` and
 * returns a promise.
 */
export class NBeatsForecaster implements Forecaster {
  readonly options: ResolvedNBeatsOptions;
  private fitted: Fitted | undefined;
  private lastDecomposition: NBeatsDecomposition | undefined;

  constructor(options: NBeatsOptions) {
    this.options = resolveNBeatsOptions(options);
  }

  /** The shared interface's fit: tfjs trains asynchronously, so this is `fitAsync`. */
  fit(series: TimeSeries, covariates?: Covariates): Promise<this> {
    return this.fitAsync(series, covariates);
  }

  /** Trains on `series` (chronological validation split for early stopping); replaces any earlier fit. */
  async fitAsync(series: TimeSeries, covariates?: Covariates): Promise<this> {
    refuseCovariates(covariates);
    assertValidSeries(series, 'series');
    const { lookback, horizon, validationFraction, relativeToLast } = this.options;
    const origins = splitOrigins(series.values.length, lookback, horizon, validationFraction);
    const scaler = new StandardScaler().fit(series.values);
    const scaled = scaler.transform(series.values);
    const network = buildNBeatsNetwork(networkConfig(this.options), this.options.seed);
    let history: TrainingHistory;
    try {
      history = await trainNetwork(
        network,
        buildWindows(scaled, lookback, horizon, origins.train, relativeToLast),
        origins.validation.length === 0 ? null : buildWindows(scaled, lookback, horizon, origins.validation, relativeToLast),
        { ...this.options, levels: this.options.quantiles },
      );
    } catch (error) {
      network.dispose();
      throw error;
    }
    this.install(network, {
      scaler,
      axis: inferTimeAxis(series.times),
      lastWindow: series.values.slice(series.values.length - lookback),
      history,
    });
    return this;
  }

  /** Forecast of the `horizon` (<= trained horizon) steps after the fitted series. */
  predict(horizon: number): Forecast {
    const fitted = this.require('predict');
    this.checkHorizon(horizon, 'horizon');
    const { lookback, relativeToLast } = this.options;
    const window = buildWindows(fitted.scaler.transform(fitted.lastWindow), lookback, 0, [lookback], relativeToLast);
    const [output, ...stacks] = this.run(fitted, window, fitted.inspector !== null);
    const level = window.levels[0];
    const forecast = this.toForecast(fitted, output, level, horizon);
    if (fitted.inspector !== null) {
      const { scale } = fitted.scaler.toJSON();
      // The window level and the scaler mean belong to the trend, so trend + seasonality = mean.
      const trendScaled = Float64Array.from(stacks[0].subarray(0, horizon), (value) => value + level);
      this.lastDecomposition = {
        trend: fitted.scaler.inverseTransform(trendScaled),
        seasonality: Float64Array.from(stacks[1].subarray(0, horizon), (value) => value * scale),
      };
    }
    if (fitted.axis !== null) forecast.times = futureTimes(fitted.axis, horizon);
    return forecast;
  }

  /**
   * The interpretable model's last `predict` split into the trend stack
   * (with the series level) and the seasonality stack: trend + seasonality = mean.
   */
  decompose(): NBeatsDecomposition {
    if (this.options.stacks !== 'interpretable') {
      throw new ForecastError('INVALID_ARGUMENT', 'decompose', "only the interpretable model (stacks: 'interpretable') has trend and seasonality stacks");
    }
    if (this.lastDecomposition === undefined) {
      throw new ForecastError('INVALID_ARGUMENT', 'decompose', 'call predict() first: the decomposition belongs to the last forecast');
    }
    return { trend: this.lastDecomposition.trend.slice(), seasonality: this.lastDecomposition.seasonality.slice() };
  }

  /** Rolling-origin forecasts without refitting: all windows in one batched network call. */
  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions): Forecast[] {
    const fitted = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    this.checkHorizon(options.horizon, 'options.horizon');
    const { lookback } = this.options;
    const origins = rollingOrigins(series, options, lookback);
    const scaled = fitted.scaler.transform(series.values);
    const windows = buildWindows(scaled, lookback, 0, origins, this.options.relativeToLast);
    const [output] = this.run(fitted, windows, false);
    const width = output.length / origins.length;
    return origins.map((origin, row) => ({
      times: series.times.slice(origin, origin + options.horizon),
      ...this.toForecast(fitted, output.subarray(row * width, (row + 1) * width), windows.levels[row], options.horizon),
    }));
  }

  /** Training losses per epoch and the epoch whose weights were kept. */
  get history(): TrainingHistory {
    return this.require('history').history;
  }

  /** Options, scaler, fitted state and the weights (base64 float32) as plain JSON. */
  toJSON(): ForecasterJson {
    const fitted = this.require('toJSON');
    return { kind: KIND, version: VERSION, options: this.options, state: stateToJSON(fitted), weights: weightsToJSON(fitted.network) };
  }

  static fromJSON(json: unknown): NBeatsForecaster {
    const { options, state } = readHeader(json);
    const forecaster = new NBeatsForecaster(options);
    const fittedState = stateFromJSON(state, forecaster.options.lookback, 'model.state');
    const network = buildNBeatsNetwork(networkConfig(forecaster.options), forecaster.options.seed);
    try {
      setWeightsFromJSON(network, (json as Record<string, unknown>)['weights'], 'model.weights');
    } catch (error) {
      network.dispose();
      throw error;
    }
    forecaster.install(network, fittedState);
    return forecaster;
  }

  /** model.json + weights.bin (tfjs layers format, custom layers included) and nbeats.json (options, scaler, state). */
  async toFiles(): Promise<Record<string, Uint8Array | string>> {
    const fitted = this.require('toFiles');
    const files = await modelToFiles(fitted.network);
    files[NBEATS_STATE_FILE] = JSON.stringify({ kind: KIND, version: VERSION, options: this.options, state: stateToJSON(fitted) });
    return files;
  }

  /** Reads what `toFiles` wrote; `readFile` gets paths relative to the model folder. */
  static async fromFiles(readFile: (relativePath: string) => Uint8Array): Promise<NBeatsForecaster> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(readFile(NBEATS_STATE_FILE)).toString('utf8'));
    } catch (cause) {
      if (cause instanceof ForecastError) throw cause;
      throw new ForecastError('INVALID_JSON', NBEATS_STATE_FILE, `cannot be read as JSON (${String(cause)})`);
    }
    const { options, state } = readHeader(parsed);
    const forecaster = new NBeatsForecaster(options);
    const fittedState = stateFromJSON(state, forecaster.options.lookback, `${NBEATS_STATE_FILE}.state`);
    const network = await tf.loadLayersModel(modelFilesLoadHandler(readFile, 'N-BEATS model'));
    forecaster.install(network, fittedState);
    return forecaster;
  }

  /** Frees the network's tensors; the forecaster is unfitted afterwards. */
  dispose(): void {
    this.fitted?.network.dispose();
    this.fitted = undefined;
    this.lastDecomposition = undefined;
  }

  /** The tfjs model (for inspection, e.g. the doubly residual taps); undefined before fit. */
  get network(): tf.LayersModel | undefined {
    return this.fitted?.network;
  }

  private install(network: tf.LayersModel, state: NBeatsFittedState): void {
    this.dispose();
    let inspector: tf.LayersModel | null = null;
    if (this.options.stacks === 'interpretable') {
      const taps = networkTaps(network, networkConfig(this.options));
      inspector = tf.model({ inputs: network.inputs, outputs: [network.outputs[0], ...taps.stackForecasts] });
    }
    this.fitted = { ...state, network, inspector };
  }

  /** Runs the network (or the inspector) on input windows; each output flattened row-major. */
  private run(fitted: Fitted, windows: WindowSet, inspect: boolean): Float32Array[] {
    return tf.tidy(() => {
      const x = tf.tensor2d(windows.inputs, [windows.count, this.options.lookback]);
      const model = inspect && fitted.inspector !== null ? fitted.inspector : fitted.network;
      const outputs = model.predict(x);
      return (Array.isArray(outputs) ? outputs : [outputs]).map((output) => output.dataSync() as Float32Array);
    });
  }

  /** One output row (channel-major, scaled, relative to `level`) -> the first `horizon` steps on the original scale. */
  private toForecast(fitted: Fitted, row: Float32Array, level: number, horizon: number): Forecast {
    const trained = this.options.horizon;
    const channel = (index: number): Float64Array =>
      fitted.scaler.inverseTransform(
        Float64Array.from(row.subarray(index * trained, index * trained + horizon), (value) => value + level),
      );
    const forecast: Forecast = { mean: channel(0) };
    if (this.options.quantiles.length > 0) {
      forecast.quantiles = Object.fromEntries(this.options.quantiles.map((level, index) => [quantileKey(level), channel(index + 1)]));
    }
    return forecast;
  }

  private checkHorizon(horizon: number, parameter: string): void {
    if (!Number.isSafeInteger(horizon) || horizon < 1) {
      throw new ForecastError('INVALID_ARGUMENT', parameter, `must be a positive integer, got ${horizon}`);
    }
    if (horizon > this.options.horizon) {
      throw new ForecastError(
        'INVALID_ARGUMENT',
        parameter,
        `${horizon} exceeds the trained horizon ${this.options.horizon}; N-BEATS forecasts at most the horizon it was trained for`,
      );
    }
  }

  private require(method: string): Fitted {
    if (this.fitted === undefined) throw new NotFittedError('NBeatsForecaster', method);
    return this.fitted;
  }
}

function readHeader(json: unknown): { options: NBeatsOptions; state: unknown } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ForecastError('INVALID_JSON', 'model', 'must be a JSON object');
  }
  const record = json as Record<string, unknown>;
  if (record['kind'] !== KIND) throw new ForecastError('INVALID_JSON', 'model.kind', `must be ${JSON.stringify(KIND)}, got ${JSON.stringify(record['kind'])}`);
  if (record['version'] !== VERSION) throw new ForecastError('INVALID_JSON', 'model.version', `must be ${VERSION}, got ${JSON.stringify(record['version'])}`);
  if (typeof record['options'] !== 'object' || record['options'] === null) {
    throw new ForecastError('INVALID_JSON', 'model.options', 'must be a JSON object');
  }
  return { options: record['options'] as NBeatsOptions, state: record['state'] };
}
