import { ForecastError, StandardScaler, type StandardScalerJson } from '@tethys/forecasting';
import type { ScalerSetJson } from '../training/series-scalers';
import type { TrainingSummary } from './train-network';

/** The end of one fitted series, what predict() forecasts from. */
export interface LstmTailJson {
  name: string;
  /** The last max(lookback, 2) times: enough to infer the time step of predict's times. */
  times: string[];
  values: number[];
  past: number[][];
  /** Known-future covariates for the trained horizon after the fitted series. */
  futureAhead: number[][];
}

/** One fitted series: its scalers and its tail. */
export interface LstmSeriesStateJson {
  scalers: ScalerSetJson;
  tail: LstmTailJson;
}

/** The fitted state besides the network weights, as plain JSON. */
export interface LstmStateJson {
  covariates: { past: string[]; future: string[] };
  /** One entry per fitted series, in the order given to fit. */
  series: LstmSeriesStateJson[];
  training: TrainingSummary;
}

/** Format 1 holds one series (`scalers`, `tail`: unchanged from single-series models); format 2 a `series` list. */
export const LSTM_FORMAT_ONE_SERIES = 1;
export const LSTM_FORMAT_SERIES_LIST = 2;

export function lstmStateToJSON(state: LstmStateJson): { version: number; state: Record<string, unknown> } {
  const { series, ...rest } = state;
  if (series.length === 1) return { version: LSTM_FORMAT_ONE_SERIES, state: { covariates: rest.covariates, ...series[0], training: rest.training } };
  return { version: LSTM_FORMAT_SERIES_LIST, state: { covariates: rest.covariates, series, training: rest.training } };
}

export function record(value: unknown, path: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ForecastError('INVALID_JSON', path, 'must be a JSON object');
  }
  return value as Record<string, unknown>;
}

function finiteNumbers(value: unknown, path: string): number[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'number' || !Number.isFinite(item))) {
    throw new ForecastError('INVALID_JSON', path, 'must be a list of finite numbers');
  }
  return value as number[];
}

function strings(value: unknown, path: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw new ForecastError('INVALID_JSON', path, 'must be a list of strings');
  }
  return value as string[];
}

function listOf<T>(value: unknown, path: string, read: (item: unknown, path: string) => T): T[] {
  if (!Array.isArray(value)) throw new ForecastError('INVALID_JSON', path, 'must be a list');
  return value.map((item, index) => read(item, `${path}[${index}]`));
}

function integer(value: unknown, path: string): number {
  if (!Number.isSafeInteger(value)) throw new ForecastError('INVALID_JSON', path, 'must be an integer');
  return value as number;
}

function parseSeriesState(
  json: Record<string, unknown>,
  path: string,
  names: { past: string[]; future: string[] },
  lookback: number,
  horizon: number,
): LstmSeriesStateJson {
  const { past, future } = names;
  const scalers = record(json.scalers, `${path}.scalers`);
  const scaler = (value: unknown, at: string): StandardScalerJson => {
    try {
      return StandardScaler.fromJSON(value).toJSON();
    } catch (error) {
      throw new ForecastError('INVALID_JSON', at, (error as Error).message);
    }
  };
  const tail = record(json.tail, `${path}.tail`);
  const values = finiteNumbers(tail.values, `${path}.tail.values`);
  if (values.length !== lookback) {
    throw new ForecastError('INVALID_JSON', `${path}.tail.values`, `must hold lookback = ${lookback} values, got ${values.length}`);
  }
  const pastTail = listOf(tail.past, `${path}.tail.past`, finiteNumbers);
  const futureAhead = listOf(tail.futureAhead, `${path}.tail.futureAhead`, finiteNumbers);
  if (pastTail.length !== past.length || pastTail.some((column) => column.length !== lookback)) {
    throw new ForecastError('INVALID_JSON', `${path}.tail.past`, `must hold ${past.length} columns of ${lookback} values`);
  }
  if (futureAhead.length !== future.length || futureAhead.some((column) => column.length !== horizon)) {
    throw new ForecastError('INVALID_JSON', `${path}.tail.futureAhead`, `must hold ${future.length} columns of ${horizon} values`);
  }
  const parsedScalers = {
    target: scaler(scalers.target, `${path}.scalers.target`),
    past: listOf(scalers.past, `${path}.scalers.past`, scaler),
    future: listOf(scalers.future, `${path}.scalers.future`, scaler),
  };
  if (parsedScalers.past.length !== past.length || parsedScalers.future.length !== future.length) {
    throw new ForecastError('INVALID_JSON', `${path}.scalers`, 'must hold one scaler per covariate');
  }
  const name = tail.name;
  if (typeof name !== 'string') throw new ForecastError('INVALID_JSON', `${path}.tail.name`, 'must be a string');
  return { scalers: parsedScalers, tail: { name, times: strings(tail.times, `${path}.tail.times`), values, past: pastTail, futureAhead } };
}

/** Checks the saved state (format 1 or 2) against the options it must match; names the first bad field. */
export function parseLstmState(json: unknown, version: number, lookback: number, horizon: number): LstmStateJson {
  const state = record(json, 'model.state');
  const covariates = record(state.covariates, 'model.state.covariates');
  const names = {
    past: strings(covariates.past, 'model.state.covariates.past'),
    future: strings(covariates.future, 'model.state.covariates.future'),
  };
  const series =
    version === LSTM_FORMAT_ONE_SERIES
      ? [parseSeriesState(state, 'model.state', names, lookback, horizon)]
      : listOf(state.series, 'model.state.series', (item, path) => parseSeriesState(record(item, path), path, names, lookback, horizon));
  if (series.length === 0) throw new ForecastError('INVALID_JSON', 'model.state.series', 'must hold at least one series');
  const training = record(state.training, 'model.state.training');
  return {
    covariates: names,
    series,
    training: {
      epochsRun: integer(training.epochsRun, 'model.state.training.epochsRun'),
      bestEpoch: integer(training.bestEpoch, 'model.state.training.bestEpoch'),
      trainLoss: finiteNumbers(training.trainLoss, 'model.state.training.trainLoss'),
      validationLoss: finiteNumbers(training.validationLoss, 'model.state.training.validationLoss'),
    },
  };
}

/** Float32 weights as base64 (exact) and their shapes, so toJSON is self-contained. */
export interface WeightsJson {
  shapes: number[][];
  float32Base64: string;
}

export function weightsToJSON(weights: readonly { shape: number[]; values: Float32Array }[]): WeightsJson {
  const total = weights.reduce((sum, weight) => sum + weight.values.length, 0);
  const flat = new Float32Array(total);
  let offset = 0;
  for (const weight of weights) {
    flat.set(weight.values, offset);
    offset += weight.values.length;
  }
  return {
    shapes: weights.map((weight) => [...weight.shape]),
    float32Base64: Buffer.from(flat.buffer, flat.byteOffset, flat.byteLength).toString('base64'),
  };
}

export function weightsFromJSON(json: unknown, expectedShapes: readonly number[][]): Float32Array[] {
  const weights = record(json, 'model.state.weights');
  const shapes = listOf(weights.shapes, 'model.state.weights.shapes', (item, path) => finiteNumbers(item, path));
  const same =
    shapes.length === expectedShapes.length &&
    shapes.every((shape, index) => shape.length === expectedShapes[index].length && shape.every((d, k) => d === expectedShapes[index][k]));
  if (!same) {
    throw new ForecastError('INVALID_JSON', 'model.state.weights.shapes', 'do not match the network the options describe');
  }
  if (typeof weights.float32Base64 !== 'string') {
    throw new ForecastError('INVALID_JSON', 'model.state.weights.float32Base64', 'must be a base64 string');
  }
  const bytes = Buffer.from(weights.float32Base64, 'base64');
  const sizes = shapes.map((shape) => shape.reduce((product, d) => product * d, 1));
  const total = sizes.reduce((sum, size) => sum + size, 0);
  if (bytes.byteLength !== total * 4) {
    throw new ForecastError('INVALID_JSON', 'model.state.weights.float32Base64', `holds ${bytes.byteLength} bytes, expected ${total * 4}`);
  }
  const flat = new Float32Array(total);
  new Uint8Array(flat.buffer).set(bytes);
  let offset = 0;
  return sizes.map((size) => {
    const values = flat.slice(offset, offset + size);
    offset += size;
    return values;
  });
}
