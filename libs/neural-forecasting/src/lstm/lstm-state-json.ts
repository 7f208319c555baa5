import { ForecastError, StandardScaler, type StandardScalerJson } from '@tethys/forecasting';
import type { TrainingSummary } from './train-network';

/** The fitted state besides the network weights, as plain JSON. */
export interface LstmStateJson {
  covariates: { past: string[]; future: string[] };
  scalers: { target: StandardScalerJson; past: StandardScalerJson[]; future: StandardScalerJson[] };
  /** The end of the fitted series, what predict() forecasts from. */
  tail: {
    name: string;
    /** The last max(lookback, 2) times: enough to infer the time step of predict's times. */
    times: string[];
    values: number[];
    past: number[][];
    /** Known-future covariates for the trained horizon after the fitted series. */
    futureAhead: number[][];
  };
  training: TrainingSummary;
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

/** Checks the saved state's shape against the options it must match; names the first bad field. */
export function parseLstmState(json: unknown, lookback: number, horizon: number): LstmStateJson {
  const state = record(json, 'model.state');
  const covariates = record(state.covariates, 'model.state.covariates');
  const past = strings(covariates.past, 'model.state.covariates.past');
  const future = strings(covariates.future, 'model.state.covariates.future');
  const scalers = record(state.scalers, 'model.state.scalers');
  const scaler = (value: unknown, path: string): StandardScalerJson => {
    try {
      return StandardScaler.fromJSON(value).toJSON();
    } catch (error) {
      throw new ForecastError('INVALID_JSON', path, (error as Error).message);
    }
  };
  const tail = record(state.tail, 'model.state.tail');
  const values = finiteNumbers(tail.values, 'model.state.tail.values');
  if (values.length !== lookback) {
    throw new ForecastError('INVALID_JSON', 'model.state.tail.values', `must hold lookback = ${lookback} values, got ${values.length}`);
  }
  const pastTail = listOf(tail.past, 'model.state.tail.past', finiteNumbers);
  const futureAhead = listOf(tail.futureAhead, 'model.state.tail.futureAhead', finiteNumbers);
  if (pastTail.length !== past.length || pastTail.some((column) => column.length !== lookback)) {
    throw new ForecastError('INVALID_JSON', 'model.state.tail.past', `must hold ${past.length} columns of ${lookback} values`);
  }
  if (futureAhead.length !== future.length || futureAhead.some((column) => column.length !== horizon)) {
    throw new ForecastError('INVALID_JSON', 'model.state.tail.futureAhead', `must hold ${future.length} columns of ${horizon} values`);
  }
  const parsedScalers = {
    target: scaler(scalers.target, 'model.state.scalers.target'),
    past: listOf(scalers.past, 'model.state.scalers.past', scaler),
    future: listOf(scalers.future, 'model.state.scalers.future', scaler),
  };
  if (parsedScalers.past.length !== past.length || parsedScalers.future.length !== future.length) {
    throw new ForecastError('INVALID_JSON', 'model.state.scalers', 'must hold one scaler per covariate');
  }
  const training = record(state.training, 'model.state.training');
  const name = tail.name;
  if (typeof name !== 'string') throw new ForecastError('INVALID_JSON', 'model.state.tail.name', 'must be a string');
  return {
    covariates: { past, future },
    scalers: parsedScalers,
    tail: { name, times: strings(tail.times, 'model.state.tail.times'), values, past: pastTail, futureAhead },
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
