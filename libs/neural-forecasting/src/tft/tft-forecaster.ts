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
import { fitScalerSets, scalerSetFromJSON, scalerSetToJSON, type ScalerSet } from '../training/series-scalers';
import { splitWindows } from '../training/window-batches';
import { addWindowLevel, toSeriesScale } from '../training/window-normalization';
import { parseTftState, TFT_STATE_FILE, tftStateToJSON, type ParsedTftState, type TftSeriesState, type TftState } from './tft-state';
import { buildTftNetwork, findTftLayer, type TftNetwork } from './tft-network';
import { resolveTftOptions, type ResolvedTftOptions, type TftOptions } from './tft-options';
import { buildWindows, type WindowSource } from './tft-windows';
import { batchInputs, trainTft, type TrainingHistory } from './train-tft';

/** Variable importance and attention of the last `predict` (see TftForecaster.interpret). */
export interface TftInterpretation {
  /** Static selection weights by covariate name (sum 1); absent without static covariates. */
  staticWeights?: Record<string, number>;
  /** Past-step selection weights averaged over the lookback: 'target', past covariates, known covariates, 'relative_time' (sum 1). */
  pastVariableWeights: Record<string, number>;
  /** Future-step selection weights averaged over the horizon: known covariates and 'relative_time' (sum 1). */
  futureVariableWeights: Record<string, number>;
  /** attention[h][p]: weight forecast step h+1 puts on window position p (0..lookback+horizon-1; lookback = the first forecast step); rows sum to 1, zero after position lookback+h. */
  attention: number[][];
}

/** One fitted series: its data (what predict continues, the default covariates) and scalers. */
interface FittedSeries {
  name: string;
  times: string[];
  values: Float64Array;
  covariates: NormalisedCovariates;
  scalers: ScalerSet;
}

interface FittedModel {
  series: FittedSeries[];
  history: TrainingHistory;
  network: TftNetwork;
}

const TARGET = 'target';
const RELATIVE_TIME = 'relative_time';
const NO_COVARIATES: NormalisedCovariates = { past: {}, future: {}, static: {} };

/**
 * Temporal Fusion Transformer (Lim et al. 2021) behind the shared Forecaster
 * interface: static, known-future and observed-past covariates, direct
 * multi-horizon quantile forecasts. Training is asynchronous: `fit` is
 * `fitAsync` and returns a promise. Covariates are aligned with the
 * series by position; `future` arrays must reach `horizon` steps past the
 * end of the series for `predict(horizon)`. Several series train one model
 * together, each with its own covariates (the same names) and static values.
 */
export class TftForecaster implements Forecaster {
  readonly options: ResolvedTftOptions;
  private fitted: FittedModel | undefined;
  private lastInterpretation: TftInterpretation | undefined;

  constructor(options: TftOptions) {
    this.options = resolveTftOptions(options);
  }

  /** The shared interface's fit: tfjs trains asynchronously, so this is `fitAsync`. */
  fit(series: SeriesInput, covariates?: CovariatesInput): Promise<this> {
    return this.fitAsync(series, covariates);
  }

  /**
   * Trains on one series or several (windows of all series shuffled
   * together; covariates one entry per series). Each series' last
   * `validationFraction` is held out for early stopping, and its scalers see
   * only its training part (or pooled ones with scaling 'global').
   */
  async fitAsync(series: SeriesInput, covariates?: CovariatesInput): Promise<this> {
    const { lookback, horizon, validationFraction, scaling, windowNormalization } = this.options;
    const prepared = seriesEntries(series, covariates).map((entry) => {
      const checked = entry.series; // validated by seriesEntries
      const n = checked.values.length;
      return {
        checked,
        cov: normaliseCovariates(entry.covariates ?? {}, n, entry.covariatesParameter),
        split: chronologicalSplit(n, lookback, horizon, validationFraction, entry.parameter),
        covariatesParameter: entry.covariatesParameter,
      };
    });
    const [first] = prepared;
    prepared.forEach(({ cov, covariatesParameter }) => assertSameNames(first.cov, cov, covariatesParameter, 'as the first series'));
    const scalers = fitScalerSets(
      prepared.map(({ checked, cov, split }) => ({ target: checked.values, past: Object.values(cov.past), future: Object.values(cov.future), end: split.trainEnd })),
      scaling,
    );
    const fittedSeries = prepared.map(({ checked, cov }, index): FittedSeries => ({
      name: checked.name,
      // Copies: the fitted state must not follow later edits of the caller's arrays.
      times: [...checked.times],
      values: checked.values.slice(),
      covariates: cov,
      scalers: scalers[index],
    }));
    const windows = splitWindows(
      prepared.map(({ split }) => split),
      (index, origins) => {
        const { scalers: own, values, covariates: cov } = fittedSeries[index];
        return buildWindows(windowSource(own, values, cov), origins, lookback, horizon, true, windowNormalization);
      },
    );
    this.dispose();
    const network = this.buildNetwork(first.cov);
    let history: TrainingHistory;
    try {
      history = await trainTft(network, windows.train, windows.validation, this.options);
    } catch (error) {
      network.model.dispose();
      throw error;
    }
    this.fitted = { series: fittedSeries, history, network };
    this.lastInterpretation = undefined;
    return this;
  }

  /** Epoch losses of the last fit (validation loss = the monitored loss). */
  get history(): TrainingHistory {
    return this.require('history').history;
  }

  /** The `horizon` steps after a fitted series: the only one, or the one `series` (index or name) picks. */
  predict(horizon: number, series?: SeriesSelector): Forecast {
    const fitted = this.require('predict');
    assertTrainedHorizon(horizon, this.options.horizon, 'horizon');
    const target = selectFittedSeries(fitted.series, series, undefined, 'series');
    const cov = target.covariates;
    const n = target.values.length;
    Object.entries(cov.future).forEach(([name, values]) => {
      if (values.length < n + horizon) {
        throw new ForecastError('LENGTH_MISMATCH', `covariates.future.${name}`, `has ${values.length} values; predict(${horizon}) needs ${n + horizon} (${horizon} past the fitted series)`);
      }
    });
    const [forecast] = this.forecastAt(fitted, target.scalers, target.values, cov, [n], horizon, true);
    const axis = inferTimeAxis(target.times);
    if (axis !== null) forecast.times = futureTimes(axis, horizon);
    return forecast;
  }

  /**
   * Rolling-origin forecasts in one batched network call, without refitting.
   * `covariates` (aligned with `series`, at least as long) default to the
   * ones given to fit for that series, which then must cover `series`. After
   * a multi-series fit, the fitted series is `options.fittedSeries`, else the
   * one named like `series`; with scaling 'global' any series may be passed
   * (with its covariates).
   */
  historicalForecasts(series: TimeSeries, options: NeuralHistoricalOptions, covariates?: Covariates): Forecast[] {
    const fitted = this.require('historicalForecasts');
    assertValidSeries(series, 'series');
    assertTrainedHorizon(options.horizon, this.options.horizon, 'options.horizon');
    const origins = rollingOrigins(series, options, this.options.lookback);
    const n = series.values.length;
    const known =
      options.fittedSeries !== undefined || fitted.series.length === 1 || fitted.series.some((entry) => entry.name === series.name);
    const entry = known || this.options.scaling !== 'global' ? selectFittedSeries(fitted.series, options.fittedSeries, series.name, 'options.fittedSeries') : undefined;
    const scalers = this.options.scaling === 'global' ? fitted.series[0].scalers : entry!.scalers;
    const cov = covariates === undefined ? (entry?.covariates ?? NO_COVARIATES) : normaliseCovariates(covariates, n, 'covariates');
    assertSameNames(fitted.series[0].covariates, cov, 'covariates', 'as in fit');
    for (const [kind, group] of [['past', cov.past], ['future', cov.future]] as const) {
      Object.entries(group).forEach(([name, values]) => {
        if (values.length < n) throw new ForecastError('LENGTH_MISMATCH', `covariates.${kind}.${name}`, `has ${values.length} values; the series has ${n}`);
      });
    }
    const forecasts = this.forecastAt(fitted, scalers, series.values, cov, origins, options.horizon, false);
    forecasts.forEach((forecast, k) => (forecast.times = series.times.slice(origins[k], origins[k] + options.horizon)));
    return forecasts;
  }

  /** Variable selection weights and attention of the last `predict`. */
  interpret(): TftInterpretation {
    this.require('interpret');
    if (this.lastInterpretation === undefined) throw new ForecastError('INVALID_ARGUMENT', 'interpret', 'call predict() first: interpret() explains the last prediction');
    return this.lastInterpretation;
  }

  /** Options, fitted data, scalers, history and the weights (base64 float32) as plain JSON. */
  toJSON(): ForecasterJson {
    const fitted = this.require('toJSON');
    const weights = fitted.network.model.weights.map((weight) => {
      const values = weight.read().dataSync() as Float32Array;
      return { name: weight.originalName, shape: weight.shape as number[], data: Buffer.from(values.buffer, values.byteOffset, values.byteLength).toString('base64') };
    });
    return { ...this.stateJson(fitted), weights };
  }

  static fromJSON(json: unknown): TftForecaster {
    const saved = parseTftState(json, 'json');
    const { options, state, weights } = saved;
    if (weights === undefined) throw new ForecastError('INVALID_JSON', 'json.weights', 'missing: toJSON output carries the weights');
    const forecaster = new TftForecaster(options);
    const network = forecaster.buildNetwork(covariatesOf(state.series[0]));
    const modelWeights = network.model.weights;
    if (modelWeights.length !== weights.length) throw new ForecastError('INVALID_JSON', 'json.weights', `holds ${weights.length} weights; the network has ${modelWeights.length}`);
    const tensors = weights.map((entry, k) => {
      const expected = modelWeights[k];
      if (entry.name !== expected.originalName || entry.shape.join() !== expected.shape.join()) {
        throw new ForecastError('INVALID_JSON', `json.weights[${k}]`, `is ${entry.name} ${JSON.stringify(entry.shape)}; expected ${expected.originalName} ${JSON.stringify(expected.shape)}`);
      }
      const bytes = Buffer.from(entry.data, 'base64');
      return tf.tensor(new Float32Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength)), entry.shape);
    });
    network.model.setWeights(tensors);
    tf.dispose(tensors);
    forecaster.fitted = fittedFrom(saved, network);
    return forecaster;
  }

  /** `model.json` + `weights.bin` (tfjs layers format) and `tft-forecaster.json` (options, data, scalers). */
  async toFiles(): Promise<Record<string, Uint8Array | string>> {
    const fitted = this.require('toFiles');
    return { ...(await modelToFiles(fitted.network.model)), [TFT_STATE_FILE]: JSON.stringify(this.stateJson(fitted)) };
  }

  static async fromFiles(readFile: (relativePath: string) => Uint8Array): Promise<TftForecaster> {
    const saved = parseTftState(readStateFile(readFile, TFT_STATE_FILE), TFT_STATE_FILE);
    const model = await tf.loadLayersModel(modelFilesLoadHandler(readFile, 'TftForecaster files'));
    const forecaster = new TftForecaster(saved.options);
    forecaster.fitted = fittedFrom(saved, { model, layer: findTftLayer(model) });
    return forecaster;
  }

  /** Frees the network's tensors. */
  dispose(): void {
    this.fitted?.network.model.dispose();
    this.fitted = undefined;
  }

  private stateJson(fitted: FittedModel): ForecasterJson {
    const state: TftState = {
      series: fitted.series.map((entry) => ({
        name: entry.name,
        times: entry.times,
        values: Array.from(entry.values),
        covariates: {
          past: mapValues(entry.covariates.past, (values) => Array.from(values)),
          future: mapValues(entry.covariates.future, (values) => Array.from(values)),
          static: { ...entry.covariates.static },
        },
        scalers: scalerSetToJSON(entry.scalers),
      })),
      history: fitted.history,
    };
    return tftStateToJSON(this.options, state);
  }

  private buildNetwork(cov: NormalisedCovariates): TftNetwork {
    const { lookback, horizon, hiddenSize, heads, dropout, quantiles, seed } = this.options;
    return buildTftNetwork({
      lookback,
      horizon,
      observedSize: 1 + Object.keys(cov.past).length,
      knownSize: Object.keys(cov.future).length + 1,
      staticSize: Object.keys(cov.static).length,
      hiddenSize,
      heads,
      dropout,
      quantileCount: quantiles.length,
      seed,
    });
  }

  private forecastAt(fitted: FittedModel, scalers: ScalerSet, target: Float64Array, cov: NormalisedCovariates, origins: number[], steps: number, remember: boolean): Forecast[] {
    const { lookback, horizon, quantiles: levels } = this.options;
    const batch = buildWindows(windowSource(scalers, target, cov), origins, lookback, horizon, false, this.options.windowNormalization);
    const outputs = tf.tidy(() => {
      return fitted.network.layer.forward(batchInputs(batch, fitted.network), false) as unknown as tf.TensorContainerObject;
    }) as unknown as ReturnType<TftNetwork['layer']['forward']>;

    try {
      const values = outputs.quantiles.dataSync();
      const q = levels.length;
      const medianIndex = levels.indexOf(0.5);
      const forecasts = origins.map((_, w) => {
        // Each quantile is relative to the window's level (per-window normalisation).
        const relative = levels.map((_, k) => Float64Array.from({ length: steps }, (_, h) => values[(w * horizon + h) * q + k]));
        const level = batch.levels[w];
        // Without a median the mean averages the quantiles with the level already added back.
        const mean =
          medianIndex >= 0
            ? toSeriesScale(relative[medianIndex], level, scalers.target)
            : scalers.target.inverseTransform(meanOfRows(relative.map((row) => addWindowLevel(row, level))));
        const forecast: Forecast = { mean, quantiles: {} };
        levels.forEach((quantile, k) => (forecast.quantiles![quantileKey(quantile)] = toSeriesScale(relative[k], level, scalers.target)));
        return forecast;
      });
      if (remember) this.lastInterpretation = this.interpretation(fitted, outputs, steps);
      return forecasts;
    } finally {
      tf.dispose(outputs as unknown as tf.TensorContainerObject);
    }
  }

  /** Window 0 of a forward pass as named weights (time-averaged) and attention rows. */
  private interpretation(fitted: FittedModel, outputs: ReturnType<TftNetwork['layer']['forward']>, steps: number): TftInterpretation {
    const { lookback, horizon } = this.options;
    const cov = fitted.series[0].covariates;
    const knownNames = [...Object.keys(cov.future), RELATIVE_TIME];
    const pastNames = [TARGET, ...Object.keys(cov.past), ...knownNames];
    const averaged = (weights: tf.Tensor, names: string[], stepsUsed: number): Record<string, number> => {
      const values = weights.dataSync();
      const width = names.length;
      return Object.fromEntries(names.map((name, j) => {
        let sum = 0;
        for (let t = 0; t < stepsUsed; t++) sum += values[t * width + j];
        return [name, sum / stepsUsed];
      }));
    };
    const span = lookback + horizon;
    const attention = outputs.attention.dataSync();
    const result: TftInterpretation = {
      pastVariableWeights: averaged(outputs.pastWeights, pastNames, lookback),
      futureVariableWeights: averaged(outputs.futureWeights, knownNames, steps),
      attention: Array.from({ length: steps }, (_, h) => Array.from(attention.subarray((lookback + h) * span, (lookback + h + 1) * span))),
    };
    if (outputs.staticWeights !== undefined) result.staticWeights = averaged(outputs.staticWeights, Object.keys(cov.static), 1);
    return result;
  }

  private require(method: string): FittedModel {
    if (this.fitted === undefined) throw new NotFittedError('TftForecaster', method);
    return this.fitted;
  }
}

interface NormalisedCovariates {
  past: Record<string, Float64Array>;
  future: Record<string, Float64Array>;
  static: Record<string, number>;
}

function mapValues<A, B>(record: Record<string, A>, map: (value: A) => B): Record<string, B> {
  return Object.fromEntries(Object.entries(record).map(([key, value]) => [key, map(value)]));
}

function covariatesOf(state: TftSeriesState): NormalisedCovariates {
  return {
    past: mapValues(state.covariates.past, (values) => Float64Array.from(values)),
    future: mapValues(state.covariates.future, (values) => Float64Array.from(values)),
    static: { ...state.covariates.static },
  };
}

function fittedFrom(saved: ParsedTftState, network: TftNetwork): FittedModel {
  return {
    series: saved.state.series.map((entry) => ({
      name: entry.name,
      times: entry.times,
      values: Float64Array.from(entry.values),
      covariates: covariatesOf(entry),
      scalers: scalerSetFromJSON(entry.scalers),
    })),
    history: saved.state.history,
    network,
  };
}

/** Scaled inputs of one series for the window builder. */
function windowSource(scalers: ScalerSet, target: Float64Array, cov: NormalisedCovariates): WindowSource {
  return {
    target: scalers.target.transform(target),
    past: Object.values(cov.past).map((values, j) => scalers.past[j].transform(values)),
    future: Object.values(cov.future).map((values, j) => scalers.future[j].transform(values)),
    static: Object.values(cov.static),
  };
}

/** Covariates must carry the same names in the same order as the model's (`reference`). */
function assertSameNames(reference: NormalisedCovariates, cov: NormalisedCovariates, parameter: string, detail: string): void {
  for (const kind of ['past', 'future', 'static'] as const) {
    const expected = Object.keys(reference[kind]).join(', ');
    const given = Object.keys(cov[kind]).join(', ');
    if (expected !== given) throw new ForecastError('INVALID_ARGUMENT', `${parameter}.${kind}`, `must name [${expected}] ${detail} (in that order), got [${given}]`);
  }
}

/** Checks names, lengths and finiteness; past arrays cover the series, future ones at least the series. */
function normaliseCovariates(covariates: Covariates, n: number, parameter: string): NormalisedCovariates {
  const check = (kind: 'past' | 'future', reserved: string): Record<string, Float64Array> =>
    Object.fromEntries(
      Object.entries(covariates[kind] ?? {}).map(([name, values]) => {
        const path = `${parameter}.${kind}.${name}`;
        if (name === reserved) throw new ForecastError('INVALID_ARGUMENT', path, `the name "${reserved}" is reserved`);
        if (values.length < n) throw new ForecastError('LENGTH_MISMATCH', path, `has ${values.length} values; the series has ${n}`);
        const bad = Array.prototype.findIndex.call(values, (value: number) => !Number.isFinite(value));
        if (bad >= 0) throw new ForecastError('NON_FINITE', path, `value ${bad} is not finite`);
        return [name, Float64Array.from(values)];
      }),
    );
  const staticValues = covariates.static ?? {};
  Object.entries(staticValues).forEach(([name, value]) => {
    if (!Number.isFinite(value)) throw new ForecastError('NON_FINITE', `${parameter}.static.${name}`, `must be finite, got ${value}`);
  });
  return { past: check('past', TARGET), future: check('future', RELATIVE_TIME), static: { ...staticValues } };
}

/** Step-wise mean of equal-length rows (summed in row order). */
function meanOfRows(rows: readonly Float64Array[]): Float64Array {
  return Float64Array.from({ length: rows[0].length }, (_, h) => rows.reduce((sum, row) => sum + row[h], 0) / rows.length);
}
