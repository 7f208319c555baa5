import {
  ForecastError,
  NotFittedError,
  assertValidSeries,
  futureTimes,
  inferTimeAxis,
  quantileKey,
  rollingOrigins,
  type Covariates,
  type Forecast,
  type Forecaster,
  type ForecasterJson,
  type TimeSeries,
} from '@tethys/forecasting';
import { modelFilesLoadHandler, modelToFiles, tf, type ModelFileReader } from '@tethys/tf-runtime';
import { assertSameCovariateNames, readCovariates } from './covariate-columns';
import { buildLstmNetwork, type LstmNetworkSpec } from './lstm-network';
import { lstmOptionsToJSON, resolveLstmOptions, type LstmForecasterOptions, type ResolvedLstmOptions } from './lstm-options';
import {
  LSTM_FORMAT_ONE_SERIES,
  LSTM_FORMAT_SERIES_LIST,
  lstmStateToJSON,
  parseLstmState,
  record,
  weightsFromJSON,
  weightsToJSON,
  type LstmSeriesStateJson,
  type LstmStateJson,
} from './lstm-state-json';
import { buildWindows } from './lstm-windows';
import { trainNetwork, windowInputs, type TrainingSummary } from './train-network';
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
import { fitScalerSets, scaleColumns, scalerSetFromJSON, scalerSetToJSON, type RawColumns, type ScalerSet } from '../training/series-scalers';
import { splitWindows } from '../training/window-batches';
import { toSeriesScale } from '../training/window-normalization';

const KIND = 'lstm';
/** The file toFiles writes beside model.json and weights.bin. */
export const LSTM_STATE_FILE = 'lstm-forecaster.json';

/** One fitted series: its name, scalers and saved tail. */
interface FittedLstmSeries {
  name: string;
  scalers: ScalerSet;
  saved: LstmSeriesStateJson;
}

interface FittedLstm {
  network: tf.LayersModel;
  series: FittedLstmSeries[];
  /** Everything but the weights, as saved. */
  saved: LstmStateJson;
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
  fit(series: SeriesInput, covariates?: CovariatesInput): Promise<this> {
    return this.fitAsync(series, covariates);
  }

  /**
   * Trains on one series or several (windows of all series shuffled together;
   * covariates: one entry per series, the same names in each). Each series'
   * last `validationFraction` is held out for early stopping, and scalers see
   * only the training parts (per series, or pooled with scaling 'global').
   */
  async fitAsync(series: SeriesInput, covariates?: CovariatesInput): Promise<this> {
    const { lookback, horizon, validationFraction, scaling, windowNormalization } = this.options;
    const prepared = seriesEntries(series, covariates).map((entry) => {
      const length = entry.series.values.length;
      return { entry, columns: readCovariates(entry.covariates, length, horizon, entry.covariatesParameter), split: chronologicalSplit(length, lookback, horizon, validationFraction, entry.parameter) };
    });
    const [first] = prepared;
    for (const { columns } of prepared) {
      assertSameCovariateNames('past', first.columns.pastNames, columns.pastNames);
      assertSameCovariateNames('future', first.columns.futureNames, columns.futureNames);
    }
    const raw = prepared.map(({ entry, columns }): RawColumns => ({ target: entry.series.values, past: columns.past, future: columns.future }));
    const scalers = fitScalerSets(raw.map((columns, index) => ({ ...columns, end: prepared[index].split.trainEnd })), scaling);
    const scaled = raw.map((columns, index) => scaleColumns(scalers[index], columns));
    const windows = splitWindows(
      prepared.map(({ split }) => split),
      (index, origins) => buildWindows(scaled[index], origins, lookback, horizon, true, windowNormalization),
    );
    this.dispose();
    const network = buildLstmNetwork(this.networkSpec(first.columns.past.length, first.columns.future.length));
    let training: TrainingSummary;
    try {
      training = await trainNetwork(network, windows.train, windows.validation, this.options);
    } catch (error) {
      network.dispose();
      throw error;
    }
    const timesKept = Math.max(lookback, 2);
    const fitted = prepared.map(({ entry, columns }, index): FittedLstmSeries => {
      const { name, times, values } = entry.series;
      const length = values.length;
      const saved: LstmSeriesStateJson = {
        scalers: scalerSetToJSON(scalers[index]),
        tail: {
          name,
          times: times.slice(-timesKept),
          values: Array.from(values.subarray(length - lookback)),
          past: columns.past.map((column) => Array.from(column.subarray(length - lookback))),
          futureAhead: columns.future.map((column) => Array.from(column.subarray(length, length + horizon))),
        },
      };
      return { name, scalers: scalers[index], saved };
    });
    this.state = {
      network,
      series: fitted,
      saved: {
        covariates: { past: first.columns.pastNames, future: first.columns.futureNames },
        series: fitted.map((entry) => entry.saved),
        training,
      },
    };
    return this;
  }

  /** The `horizon` (<= the trained horizon) steps after the fitted series; after a multi-series fit `series` (index or name) picks it. */
  predict(horizon: number, series?: SeriesSelector): Forecast {
    const state = this.require('predict');
    assertTrainedHorizon(horizon, this.options.horizon, 'horizon');
    const { lookback } = this.options;
    const fitted = selectFittedSeries(state.series, series, undefined, 'series');
    const { tail } = fitted.saved;
    // The known-future values sit after `lookback` placeholder steps, where the window reads them.
    const padding = new Float64Array(lookback);
    const inputs: RawColumns = {
      target: Float64Array.from(tail.values),
      past: tail.past.map((column) => Float64Array.from(column)),
      future: tail.futureAhead.map((column) => concat(padding, Float64Array.from(column))),
    };
    const [forecast] = this.forecastOrigins(state, fitted.scalers, inputs, [lookback], horizon);
    const axis = inferTimeAxis(tail.times);
    return axis === null ? forecast : { times: futureTimes(axis, horizon), ...forecast };
  }

  /**
   * Forecasts the `horizon` steps after `history` with the fitted weights
   * (no refit): for a series other than the fitted one, or newer data.
   * Future covariates must reach the trained horizon past `history`'s end.
   * `fittedSeries` picks whose scalers apply (see historicalForecasts).
   */
  forecastAfter(history: TimeSeries, horizon: number, covariates?: Covariates, fittedSeries?: SeriesSelector): Forecast {
    const state = this.require('forecastAfter');
    assertValidSeries(history, 'history');
    assertTrainedHorizon(horizon, this.options.horizon, 'horizon');
    const length = history.values.length;
    if (length < this.options.lookback) {
      throw new ForecastError('INVALID_SERIES', 'history', `has ${length} observations; the model reads lookback = ${this.options.lookback}`);
    }
    const inputs = this.rawInputs(state, history, covariates, this.options.horizon);
    const [forecast] = this.forecastOrigins(state, this.scalersFor(state, history, fittedSeries), inputs, [length], horizon);
    const axis = inferTimeAxis(history.times);
    return axis === null ? forecast : { times: futureTimes(axis, horizon), ...forecast };
  }

  /**
   * Rolling-origin forecasts without refitting, all windows in one network
   * call. Covariates, when the model has them, are aligned with `series`;
   * future columns must reach (trained horizon - options.horizon) steps past it.
   * After a multi-series fit the scalers are those of `options.fittedSeries`,
   * else of the fitted series named like `series` (with scaling 'global' the
   * shared ones, for any series).
   */
  historicalForecasts(series: TimeSeries, options: NeuralHistoricalOptions, covariates?: Covariates): Forecast[] {
    const state = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    assertTrainedHorizon(options.horizon, this.options.horizon, 'options.horizon');
    const origins = rollingOrigins(series, options, this.options.lookback);
    const inputs = this.rawInputs(state, series, covariates, this.options.horizon - options.horizon);
    const scalers = this.scalersFor(state, series, options.fittedSeries);
    return this.forecastOrigins(state, scalers, inputs, origins, options.horizon).map((forecast, index) => ({
      times: series.times.slice(origins[index], origins[index] + options.horizon),
      ...forecast,
    }));
  }

  /** Options, scalers, the fitted tail and the weights (float32, base64): fromJSON rebuilds identical forecasts. */
  toJSON(): ForecasterJson {
    const state = this.require('toJSON');
    const weights = state.network.getWeights().map((weight) => ({ shape: weight.shape, values: weight.dataSync() as Float32Array }));
    const saved = lstmStateToJSON(state.saved);
    return {
      kind: KIND,
      version: saved.version,
      options: lstmOptionsToJSON(this.options),
      state: { ...saved.state, weights: weightsToJSON(weights) },
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
    const saved = lstmStateToJSON(state.saved);
    const json = { kind: KIND, version: saved.version, options: lstmOptionsToJSON(this.options), state: saved.state };
    return { ...(await modelToFiles(state.network)), [LSTM_STATE_FILE]: JSON.stringify(json) };
  }

  static async fromFiles(readFile: ModelFileReader): Promise<LstmForecaster> {
    const { forecaster, saved } = LstmForecaster.readJson(readStateFile(readFile, LSTM_STATE_FILE));
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
    if (model.version !== LSTM_FORMAT_ONE_SERIES && model.version !== LSTM_FORMAT_SERIES_LIST) {
      throw new ForecastError(
        'INVALID_JSON',
        'model.version',
        `this code reads versions ${LSTM_FORMAT_ONE_SERIES} and ${LSTM_FORMAT_SERIES_LIST}, got ${JSON.stringify(model.version)}`,
      );
    }
    const forecaster = new LstmForecaster(record(model.options, 'model.options') as unknown as LstmForecasterOptions);
    const state = record(model.state, 'model.state');
    return { forecaster, saved: parseLstmState(state, model.version, forecaster.options.lookback, forecaster.options.horizon), state };
  }

  private restore(network: tf.LayersModel, saved: LstmStateJson): void {
    this.state = {
      network,
      series: saved.series.map((entry) => ({ name: entry.tail.name, scalers: scalerSetFromJSON(entry.scalers), saved: entry })),
      saved,
    };
  }

  private networkSpec(pastFeatures: number, futureFeatures: number): LstmNetworkSpec {
    const { lookback, horizon, hiddenSize, layers, dropout, quantiles, seed } = this.options;
    return { lookback, horizon, hiddenSize, layers, dropout, pastFeatures, futureFeatures, quantiles: quantiles?.length ?? 0, seed };
  }

  /** The scalers for forecasting `series`: the shared ones with scaling 'global', else the selected fitted series'. */
  private scalersFor(state: FittedLstm, series: TimeSeries, selector: SeriesSelector | undefined): ScalerSet {
    if (this.options.scaling === 'global') return state.series[0].scalers;
    return selectFittedSeries(state.series, selector, series.name, 'options.fittedSeries').scalers;
  }

  private rawInputs(state: FittedLstm, series: TimeSeries, covariates: Covariates | undefined, futureReach: number): RawColumns {
    const columns = readCovariates(covariates, series.values.length, Math.max(futureReach, 0));
    assertSameCovariateNames('past', state.saved.covariates.past, columns.pastNames);
    assertSameCovariateNames('future', state.saved.covariates.future, columns.futureNames);
    return { target: series.values, past: columns.past, future: columns.future };
  }

  /** Scales, windows every origin, runs the network once, and maps the first `horizon` steps back. */
  private forecastOrigins(state: FittedLstm, scalers: ScalerSet, raw: RawColumns, origins: readonly number[], horizon: number): Forecast[] {
    const scaled = scaleColumns(scalers, raw);
    const windows = buildWindows(scaled, origins, this.options.lookback, this.options.horizon, false, this.options.windowNormalization);
    const trainedHorizon = this.options.horizon;
    const output = tf.tidy(() => {
      return (state.network.predict(windowInputs(windows, this.options)) as tf.Tensor).dataSync() as Float32Array;
    });
    const levels = this.options.quantiles;
    const perStep = levels?.length ?? 1;
    return origins.map((_, row) => {
      const column = (level: number): Float64Array => {
        const relative = Float64Array.from({ length: horizon }, (_, step) => output[(row * trainedHorizon + step) * perStep + level]);
        return toSeriesScale(relative, windows.levels[row], scalers.target);
      };
      if (levels === null) return { mean: column(0) };
      const quantiles = Object.fromEntries(levels.map((level, index) => [quantileKey(level), column(index)]));
      return { mean: quantiles[quantileKey(0.5)].slice(), quantiles };
    });
  }

  private require(method: string): FittedLstm {
    if (this.state === undefined) throw new NotFittedError('LstmForecaster', method);
    return this.state;
  }
}

function concat(first: Float64Array, second: Float64Array): Float64Array {
  const joined = new Float64Array(first.length + second.length);
  joined.set(first);
  joined.set(second, first.length);
  return joined;
}
