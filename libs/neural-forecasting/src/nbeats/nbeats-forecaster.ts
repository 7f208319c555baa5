import {
  assertValidSeries,
  ForecastError,
  futureTimes,
  inferTimeAxis,
  NotFittedError,
  quantileKey,
  rollingOrigins,
  type Covariates,
  type Forecast,
  type Forecaster,
  type ForecasterJson,
  type TimeSeries,
} from '@tethys/forecasting';
import { modelFilesLoadHandler, modelToFiles, tf } from '@tethys/tf-runtime';
import { chronologicalSplit } from '../training/chronological-split';
import { assertTrainedHorizon, readStateFile } from '../training/model-checks';
import {
  seriesEntries,
  selectFittedSeries,
  type CovariatesInput,
  type NeuralHistoricalOptions,
  type SeriesInput,
  type SeriesSelector,
} from '../training/series-input';
import { fitScalerSets } from '../training/series-scalers';
import { splitWindows } from '../training/window-batches';
import { toSeriesScale } from '../training/window-normalization';
import {
  NBEATS_FORMAT_ONE_SERIES,
  NBEATS_FORMAT_SERIES_LIST,
  stateFromJSON,
  stateToJSON,
  type NBeatsFittedState,
  type NBeatsSeriesState,
} from './model-state';
import { buildNBeatsNetwork, networkTaps, type NBeatsNetworkConfig } from './network';
import { resolveNBeatsOptions, type NBeatsOptions, type ResolvedNBeatsOptions } from './options';
import { trainNetwork, type TrainingHistory } from './train';
import { setWeightsFromJSON, weightsToJSON } from './weights-json';
import { buildWindows, type WindowSet } from './windows';

const KIND = 'nbeats';
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

/** N-BEATS is univariate: covariates are refused (each entry of a multi-series fit), never silently dropped. */
function refuseCovariates(covariates: CovariatesInput | undefined): void {
  const list: readonly (Covariates | undefined)[] = Array.isArray(covariates) ? covariates : [covariates as Covariates | undefined];
  for (const entry of list) {
    const used = Object.entries(entry ?? {}).filter(([, group]) => group !== undefined && Object.keys(group as object).length > 0);
    if (used.length > 0) {
      throw new ForecastError('UNSUPPORTED_COVARIATES', 'covariates', `N-BEATS is univariate; got ${used.map(([kind]) => kind).join(', ')} covariates`);
    }
  }
}

/**
 * N-BEATS (Oreshkin et al., ICLR 2020) behind the shared Forecaster interface:
 * a deep stack of fully connected blocks with doubly residual stacking,
 * forecasting all `horizon` steps at once from the last `lookback` values.
 * 'generic' uses learnt linear bases; 'interpretable' a polynomial trend stack
 * then a Fourier seasonality stack, whose parts `decompose()` returns.
 * Values are standardised with a scaler fitted on each series' training part
 * (before its validation split) and saved with the model; several series
 * train one model together. Training is asynchronous: `fit` is `fitAsync`
 * and returns a promise.
 */
export class NBeatsForecaster implements Forecaster {
  readonly options: ResolvedNBeatsOptions;
  private fitted: Fitted | undefined;
  private lastDecomposition: NBeatsDecomposition | undefined;

  constructor(options: NBeatsOptions) {
    this.options = resolveNBeatsOptions(options);
  }

  /** The shared interface's fit: tfjs trains asynchronously, so this is `fitAsync`. */
  fit(series: SeriesInput, covariates?: CovariatesInput): Promise<this> {
    return this.fitAsync(series, covariates);
  }

  /**
   * Trains on one series or several (windows of all series shuffled
   * together), each with a chronological validation split for early stopping
   * and a scaler fitted on its training part (or one pooled scaler with
   * scaling 'global'); replaces any earlier fit.
   */
  async fitAsync(series: SeriesInput, covariates?: CovariatesInput): Promise<this> {
    refuseCovariates(covariates);
    const { lookback, horizon, validationFraction, windowNormalization, scaling } = this.options;
    const entries = seriesEntries(series, undefined).map((entry) => ({
      ...entry,
      split: chronologicalSplit(entry.series.values.length, lookback, horizon, validationFraction, entry.parameter),
    }));
    const scalers = fitScalerSets(entries.map(({ series: { values }, split }) => ({ target: values, past: [], future: [], end: split.trainEnd })), scaling);
    const scaled = entries.map((entry, index) => scalers[index].target.transform(entry.series.values));
    const windows = splitWindows(
      entries.map(({ split }) => split),
      (index, origins) => buildWindows(scaled[index], lookback, horizon, origins, windowNormalization),
    );
    const network = buildNBeatsNetwork(networkConfig(this.options), this.options.seed);
    let history: TrainingHistory;
    try {
      history = await trainNetwork(network, windows.train, windows.validation, { ...this.options, levels: this.options.quantiles });
    } catch (error) {
      network.dispose();
      throw error;
    }
    this.install(network, {
      series: entries.map(({ series: { name, times, values } }, index) => ({
        name,
        scaler: scalers[index].target,
        axis: inferTimeAxis(times),
        lastWindow: values.slice(values.length - lookback),
      })),
      history,
    });
    return this;
  }

  /** Forecast of the `horizon` (<= trained horizon) steps after the fitted series (`series` picks one after a multi-series fit). */
  predict(horizon: number, series?: SeriesSelector): Forecast {
    const fitted = this.require('predict');
    assertTrainedHorizon(horizon, this.options.horizon, 'horizon');
    const { lookback, windowNormalization } = this.options;
    const target = selectFittedSeries(fitted.series, series, undefined, 'series');
    const window = buildWindows(target.scaler.transform(target.lastWindow), lookback, 0, [lookback], windowNormalization);
    const [output, ...stacks] = this.run(fitted, window, fitted.inspector !== null);
    const level = window.levels[0];
    const forecast = this.toForecast(target, output, level, horizon);
    if (fitted.inspector !== null) {
      const { scale } = target.scaler.toJSON();
      // The window level and the scaler mean belong to the trend, so trend + seasonality = mean.
      this.lastDecomposition = {
        trend: toSeriesScale(stacks[0].subarray(0, horizon), level, target.scaler),
        seasonality: Float64Array.from(stacks[1].subarray(0, horizon), (value) => value * scale),
      };
    }
    if (target.axis !== null) forecast.times = futureTimes(target.axis, horizon);
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

  /**
   * Rolling-origin forecasts without refitting: all windows in one batched
   * network call. After a multi-series fit the scaler is that of
   * `options.fittedSeries`, else of the fitted series named like `series`
   * (with scaling 'global' the shared one). Covariates are refused.
   */
  historicalForecasts(series: TimeSeries, options: NeuralHistoricalOptions, covariates?: Covariates): Forecast[] {
    const fitted = this.require('historicalForecasts');
    refuseCovariates(covariates);
    assertValidSeries(series, 'series');
    assertTrainedHorizon(options.horizon, this.options.horizon, 'options.horizon');
    const { lookback } = this.options;
    const origins = rollingOrigins(series, options, lookback);
    const scaling = this.options.scaling === 'global' ? fitted.series[0] : selectFittedSeries(fitted.series, options.fittedSeries, series.name, 'options.fittedSeries');
    const scaled = scaling.scaler.transform(series.values);
    const windows = buildWindows(scaled, lookback, 0, origins, this.options.windowNormalization);
    const [output] = this.run(fitted, windows, false);
    const width = output.length / origins.length;
    return origins.map((origin, row) => ({
      times: series.times.slice(origin, origin + options.horizon),
      ...this.toForecast(scaling, output.subarray(row * width, (row + 1) * width), windows.levels[row], options.horizon),
    }));
  }

  /** Training losses per epoch and the epoch whose weights were kept. */
  get history(): TrainingHistory {
    return this.require('history').history;
  }

  /** Options, scaler, fitted state and the weights (base64 float32) as plain JSON. */
  toJSON(): ForecasterJson {
    const fitted = this.require('toJSON');
    const { version, state } = stateToJSON(fitted);
    return { kind: KIND, version, options: this.options, state, weights: weightsToJSON(fitted.network) };
  }

  static fromJSON(json: unknown): NBeatsForecaster {
    const { options, state, version } = readHeader(json);
    const forecaster = new NBeatsForecaster(options);
    const fittedState = stateFromJSON(state, version, forecaster.options.lookback, 'model.state');
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
    const { version, state } = stateToJSON(fitted);
    files[NBEATS_STATE_FILE] = JSON.stringify({ kind: KIND, version, options: this.options, state });
    return files;
  }

  /** Reads what `toFiles` wrote; `readFile` gets paths relative to the model folder. */
  static async fromFiles(readFile: (relativePath: string) => Uint8Array): Promise<NBeatsForecaster> {
    const parsed = readStateFile(readFile, NBEATS_STATE_FILE);
    const { options, state, version } = readHeader(parsed);
    const forecaster = new NBeatsForecaster(options);
    const fittedState = stateFromJSON(state, version, forecaster.options.lookback, `${NBEATS_STATE_FILE}.state`);
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
  private toForecast(series: NBeatsSeriesState, row: Float32Array, level: number, horizon: number): Forecast {
    const trained = this.options.horizon;
    const channel = (index: number): Float64Array => toSeriesScale(row.subarray(index * trained, index * trained + horizon), level, series.scaler);
    const forecast: Forecast = { mean: channel(0) };
    if (this.options.quantiles.length > 0) {
      forecast.quantiles = Object.fromEntries(this.options.quantiles.map((level, index) => [quantileKey(level), channel(index + 1)]));
    }
    return forecast;
  }

  private require(method: string): Fitted {
    if (this.fitted === undefined) throw new NotFittedError('NBeatsForecaster', method);
    return this.fitted;
  }
}

function readHeader(json: unknown): { options: NBeatsOptions; state: unknown; version: number } {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ForecastError('INVALID_JSON', 'model', 'must be a JSON object');
  }
  const record = json as Record<string, unknown>;
  if (record['kind'] !== KIND) throw new ForecastError('INVALID_JSON', 'model.kind', `must be ${JSON.stringify(KIND)}, got ${JSON.stringify(record['kind'])}`);
  const version = record['version'];
  if (version !== NBEATS_FORMAT_ONE_SERIES && version !== NBEATS_FORMAT_SERIES_LIST) {
    throw new ForecastError('INVALID_JSON', 'model.version', `must be ${NBEATS_FORMAT_ONE_SERIES} or ${NBEATS_FORMAT_SERIES_LIST}, got ${JSON.stringify(version)}`);
  }
  if (typeof record['options'] !== 'object' || record['options'] === null) {
    throw new ForecastError('INVALID_JSON', 'model.options', 'must be a JSON object');
  }
  return { options: record['options'] as NBeatsOptions, state: record['state'], version };
}
