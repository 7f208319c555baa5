import {
  createTimeSeries,
  ForecastError,
  futureTimes,
  inferTimeAxis,
  NotFittedError,
  quantileKey,
  StandardScaler,
  type Covariates,
  type Forecast,
  type Forecaster,
  type ForecasterJson,
  type HistoricalForecastOptions,
  type TimeSeries,
} from '@tethys/forecasting';
import { modelFilesLoadHandler, modelToFiles, tf } from '@tethys/tf-runtime';
import { parseTftState, TFT_STATE_FILE, type ParsedTftState, type TftState } from './tft-state';
import { buildTftNetwork, findTftLayer, type TftNetwork } from './tft-network';
import { resolveTftOptions, type ResolvedTftOptions, type TftOptions } from './tft-options';
import { buildWindows, type WindowSource } from './tft-windows';
import { trainTft, type TrainingHistory } from './train-tft';

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

interface FittedModel {
  state: TftState;
  network: TftNetwork;
  targetScaler: StandardScaler;
  pastScalers: StandardScaler[];
  futureScalers: StandardScaler[];
}

const TARGET = 'target';
const RELATIVE_TIME = 'relative_time';

/**
 * Temporal Fusion Transformer (Lim et al. 2021) behind the shared Forecaster
 * interface: static, known-future and observed-past covariates, direct
 * multi-horizon quantile forecasts. Training is asynchronous: `fit` is
 * `fitAsync` and returns a promise. Covariates are aligned with the
 * series by position; `future` arrays must reach `horizon` steps past the
 * end of the series for `predict(horizon)`.
 */
export class TftForecaster implements Forecaster {
  readonly options: ResolvedTftOptions;
  private fitted: FittedModel | undefined;
  private lastInterpretation: TftInterpretation | undefined;

  constructor(options: TftOptions) {
    this.options = resolveTftOptions(options);
  }

  /** The shared interface's fit: tfjs trains asynchronously, so this is `fitAsync`. */
  fit(series: TimeSeries, covariates?: Covariates): Promise<this> {
    return this.fitAsync(series, covariates);
  }

  async fitAsync(series: TimeSeries, covariates: Covariates = {}): Promise<this> {
    const checked = createTimeSeries(series.name, series.values, series.times);
    const { lookback, horizon, validationFraction } = this.options;
    const n = checked.values.length;
    const cov = normaliseCovariates(covariates, n, 'covariates');
    const windowCount = n - lookback - horizon + 1;
    const validationStart = validationFraction > 0 ? n - Math.max(horizon, Math.round(n * validationFraction)) : n;
    const origins = Array.from({ length: Math.max(0, windowCount) }, (_, k) => lookback + k);
    const trainOrigins = origins.filter((origin) => origin + horizon <= validationStart);
    const validationOrigins = validationFraction > 0 ? origins.filter((origin) => origin >= validationStart) : [];
    if (trainOrigins.length === 0 || (validationFraction > 0 && validationOrigins.length === 0)) {
      throw new ForecastError(
        'INVALID_SERIES',
        'series.values',
        `${n} points are too few for lookback ${lookback} + horizon ${horizon}` +
          (validationFraction > 0 ? ` with validationFraction ${validationFraction} (need training and validation windows)` : ''),
      );
    }
    // Scalers see the fitted values only (known-future values past the series end are not training data).
    const targetScaler = new StandardScaler().fit(checked.values);
    const pastScalers = Object.values(cov.past).map((values) => new StandardScaler().fit(values.subarray(0, n)));
    const futureScalers = Object.values(cov.future).map((values) => new StandardScaler().fit(values.subarray(0, n)));
    const network = this.buildNetwork(cov);
    const state: TftState = {
      series: { name: checked.name, times: checked.times, values: Array.from(checked.values) },
      covariates: {
        past: mapValues(cov.past, (values) => Array.from(values)),
        future: mapValues(cov.future, (values) => Array.from(values)),
        static: { ...cov.static },
      },
      history: { epochsRun: 0, bestEpoch: 0, trainLoss: [], validationLoss: [] },
    };
    const fitted: FittedModel = { state, network, targetScaler, pastScalers, futureScalers };
    const source = this.windowSource(fitted, checked.values, cov);
    const train = buildWindows(source, trainOrigins, lookback, horizon, true);
    const validation = validationOrigins.length > 0 ? buildWindows(source, validationOrigins, lookback, horizon, true) : undefined;
    this.dispose();
    state.history = trainTft(network, train, validation, this.options);
    this.fitted = fitted;
    this.lastInterpretation = undefined;
    return this;
  }

  /** Epoch losses of the last fit (validation loss = the monitored loss). */
  get history(): TrainingHistory {
    return this.require('history').state.history;
  }

  predict(horizon: number): Forecast {
    const fitted = this.require('predict');
    this.checkHorizon(horizon, 'horizon');
    const { series } = fitted.state;
    const cov = covariatesOf(fitted.state);
    const n = series.values.length;
    Object.entries(cov.future).forEach(([name, values]) => {
      if (values.length < n + horizon) {
        throw new ForecastError('LENGTH_MISMATCH', `covariates.future.${name}`, `has ${values.length} values; predict(${horizon}) needs ${n + horizon} (${horizon} past the fitted series)`);
      }
    });
    const [forecast] = this.forecastAt(fitted, Float64Array.from(series.values), cov, [n], horizon, true);
    const axis = inferTimeAxis(series.times);
    if (axis !== null) forecast.times = futureTimes(axis, horizon);
    return forecast;
  }

  /**
   * Rolling-origin forecasts in one batched network call, without refitting.
   * `covariates` (aligned with `series`, at least as long) default to the
   * ones given to fit, which then must cover `series`.
   */
  historicalForecasts(series: TimeSeries, options: HistoricalForecastOptions, covariates?: Covariates): Forecast[] {
    const fitted = this.require('historicalForecasts');
    const checked = createTimeSeries(series.name, series.values, series.times);
    this.checkHorizon(options.horizon, 'options.horizon');
    const stride = options.stride ?? 1;
    if (!Number.isInteger(stride) || stride < 1) throw new ForecastError('INVALID_ARGUMENT', 'options.stride', `must be a positive integer, got ${stride}`);
    const start = typeof options.start === 'number' ? options.start : checked.times.indexOf(options.start);
    if (!Number.isInteger(start) || start < this.options.lookback || start > checked.values.length) {
      throw new ForecastError('INVALID_ARGUMENT', 'options.start', `must be a time or index in [lookback ${this.options.lookback}, ${checked.values.length}], got ${String(options.start)}`);
    }
    const n = checked.values.length;
    const cov = covariates === undefined ? covariatesOf(fitted.state) : normaliseCovariates(covariates, n, 'covariates');
    this.checkSameNames(fitted, cov);
    for (const [kind, group] of [['past', cov.past], ['future', cov.future]] as const) {
      Object.entries(group).forEach(([name, values]) => {
        if (values.length < n) throw new ForecastError('LENGTH_MISMATCH', `covariates.${kind}.${name}`, `has ${values.length} values; the series has ${n}`);
      });
    }
    const origins: number[] = [];
    for (let origin = start; origin + options.horizon <= n; origin += stride) origins.push(origin);
    const forecasts = this.forecastAt(fitted, checked.values, cov, origins, options.horizon, false);
    forecasts.forEach((forecast, k) => (forecast.times = checked.times.slice(origins[k], origins[k] + options.horizon)));
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
    const cov = covariatesOf(state);
    const network = forecaster.buildNetwork(cov);
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
    forecaster.fitted = forecaster.fittedFrom(saved, network);
    return forecaster;
  }

  /** `model.json` + `weights.bin` (tfjs layers format) and `tft-forecaster.json` (options, data, scalers). */
  async toFiles(): Promise<Record<string, Uint8Array | string>> {
    const fitted = this.require('toFiles');
    return { ...(await modelToFiles(fitted.network.model)), [TFT_STATE_FILE]: JSON.stringify(this.stateJson(fitted)) };
  }

  static async fromFiles(readFile: (relativePath: string) => Uint8Array): Promise<TftForecaster> {
    let json: unknown;
    try {
      json = JSON.parse(Buffer.from(readFile(TFT_STATE_FILE)).toString('utf8'));
    } catch (cause) {
      throw new ForecastError('INVALID_JSON', TFT_STATE_FILE, `is not valid JSON (${String(cause)})`);
    }
    const saved = parseTftState(json, TFT_STATE_FILE);
    const model = await tf.loadLayersModel(modelFilesLoadHandler(readFile, 'TftForecaster files'));
    const forecaster = new TftForecaster(saved.options);
    forecaster.fitted = forecaster.fittedFrom(saved, { model, layer: findTftLayer(model) });
    return forecaster;
  }

  /** Frees the network's tensors. */
  dispose(): void {
    this.fitted?.network.model.dispose();
    this.fitted = undefined;
  }

  private stateJson(fitted: FittedModel): ForecasterJson {
    return {
      kind: 'tft',
      version: 1,
      options: this.options,
      state: fitted.state,
      scalers: { target: fitted.targetScaler.toJSON(), past: fitted.pastScalers.map((s) => s.toJSON()), future: fitted.futureScalers.map((s) => s.toJSON()) },
    };
  }

  private fittedFrom(saved: ParsedTftState, network: TftNetwork): FittedModel {
    return {
      state: saved.state,
      network,
      targetScaler: StandardScaler.fromJSON(saved.scalers.target),
      pastScalers: saved.scalers.past.map((json) => StandardScaler.fromJSON(json)),
      futureScalers: saved.scalers.future.map((json) => StandardScaler.fromJSON(json)),
    };
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

  private windowSource(fitted: FittedModel, target: Float64Array, cov: NormalisedCovariates): WindowSource {
    return {
      target: fitted.targetScaler.transform(target),
      past: Object.values(cov.past).map((values, j) => fitted.pastScalers[j].transform(values)),
      future: Object.values(cov.future).map((values, j) => fitted.futureScalers[j].transform(values)),
      static: Object.values(cov.static),
    };
  }

  private forecastAt(fitted: FittedModel, target: Float64Array, cov: NormalisedCovariates, origins: number[], steps: number, remember: boolean): Forecast[] {
    const { lookback, horizon, quantiles: levels } = this.options;
    const batch = buildWindows(this.windowSource(fitted, target, cov), origins, lookback, horizon, false);
    const { spec } = fitted.network.layer;
    const count = origins.length;
    const outputs = tf.tidy(() => {
      const inputs: tf.Tensor[] = [tf.tensor3d(batch.observed, [count, lookback, spec.observedSize]), tf.tensor3d(batch.known, [count, lookback + horizon, spec.knownSize])];
      if (spec.staticSize > 0) inputs.push(tf.tensor2d(batch.static, [count, spec.staticSize]));
      return fitted.network.layer.forward(inputs, false) as unknown as tf.TensorContainerObject;
    }) as unknown as ReturnType<TftNetwork['layer']['forward']>;
    try {
      const values = outputs.quantiles.dataSync();
      const q = levels.length;
      const medianIndex = levels.indexOf(0.5);
      const forecasts = origins.map((_, w) => {
        const scaled = levels.map((_, k) => Float64Array.from({ length: steps }, (_, h) => values[(w * horizon + h) * q + k]));
        const mean = medianIndex >= 0 ? scaled[medianIndex] : Float64Array.from({ length: steps }, (_, h) => scaled.reduce((sum, level) => sum + level[h], 0) / q);
        const forecast: Forecast = { mean: fitted.targetScaler.inverseTransform(mean), quantiles: {} };
        levels.forEach((level, k) => (forecast.quantiles![quantileKey(level)] = fitted.targetScaler.inverseTransform(scaled[k])));
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
    const cov = covariatesOf(fitted.state);
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

  private checkHorizon(horizon: number, parameter: string): void {
    if (!Number.isInteger(horizon) || horizon < 1 || horizon > this.options.horizon) {
      throw new ForecastError('INVALID_ARGUMENT', parameter, `must be an integer in [1, ${this.options.horizon}] (the trained horizon), got ${horizon}`);
    }
  }

  private checkSameNames(fitted: FittedModel, cov: NormalisedCovariates): void {
    const trained = covariatesOf(fitted.state);
    for (const kind of ['past', 'future', 'static'] as const) {
      const expected = Object.keys(trained[kind]).join(', ');
      const given = Object.keys(cov[kind]).join(', ');
      if (expected !== given) throw new ForecastError('INVALID_ARGUMENT', `covariates.${kind}`, `must name [${expected}] as in fit (in that order), got [${given}]`);
    }
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

function covariatesOf(state: TftState): NormalisedCovariates {
  return {
    past: mapValues(state.covariates.past, (values) => Float64Array.from(values)),
    future: mapValues(state.covariates.future, (values) => Float64Array.from(values)),
    static: { ...state.covariates.static },
  };
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
