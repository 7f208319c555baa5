import { ForecastError } from '@tethys/forecasting';

/** What a caller may set; `lookback` and `horizon` are required, the rest have defaults. */
export interface LstmForecasterOptions {
  /** Past steps the encoder reads for each forecast. */
  lookback: number;
  /** Steps the head outputs at once (direct multi-horizon); predict(h) accepts h <= horizon. */
  horizon: number;
  /** LSTM units per layer; default 32. */
  hiddenSize?: number;
  /** Stacked LSTM layers, 1 or 2; default 1. */
  layers?: number;
  /** Dropout rate in [0, 1) between LSTM layers and before the head; default 0. */
  dropout?: number;
  /** Maximum training epochs; default 50. */
  epochs?: number;
  /** Windows per gradient step; default 32. */
  batchSize?: number;
  /** Adam learning rate; default 0.005. */
  learningRate?: number;
  /** Epochs without a better validation loss before stopping; default 5. */
  patience?: number;
  /** Share of the training series (its end, chronologically) kept for early stopping; default 0.1; 0 disables. */
  validationFraction?: number;
  /** Quantile levels (must include 0.5, the reported mean). Absent: a point forecast trained with MSE. */
  quantiles?: readonly number[];
  /** Seed of every random draw (initial weights, batch order, dropout masks); default 0. */
  seed?: number;
}

export interface ResolvedLstmOptions {
  lookback: number;
  horizon: number;
  hiddenSize: number;
  layers: 1 | 2;
  dropout: number;
  epochs: number;
  batchSize: number;
  learningRate: number;
  patience: number;
  validationFraction: number;
  /** Sorted levels, or null for a point forecast. */
  quantiles: number[] | null;
  seed: number;
}

const MEDIAN = 0.5;

function positiveInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be a positive integer, got ${value}`);
  }
  return value;
}

function nonNegativeInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be a non-negative integer, got ${value}`);
  }
  return value;
}

function inRange(value: number, parameter: string, low: number, high: number, detail: string): number {
  if (!(Number.isFinite(value) && value >= low && value < high)) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be ${detail}, got ${value}`);
  }
  return value;
}

function resolveQuantiles(levels: readonly number[] | undefined): number[] | null {
  if (levels === undefined) return null;
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', 'must be a non-empty list of levels');
  }
  const sorted = [...levels].sort((a, b) => a - b);
  sorted.forEach((level, index) => {
    if (!(level > 0 && level < 1)) {
      throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', `levels must lie strictly between 0 and 1, got ${level}`);
    }
    if (index > 0 && level === sorted[index - 1]) {
      throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', `level ${level} is listed twice`);
    }
  });
  // The forecast's mean is the median output, so the head must have one.
  if (!sorted.includes(MEDIAN)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', 'must include 0.5 (the median is reported as the mean)');
  }
  return sorted;
}

/** Defaults filled in and every option checked, naming the bad one. */
export function resolveLstmOptions(options: LstmForecasterOptions): ResolvedLstmOptions {
  if (typeof options !== 'object' || options === null) {
    throw new ForecastError('INVALID_ARGUMENT', 'options', 'must be an object with at least lookback and horizon');
  }
  const layers = positiveInteger(options.layers ?? 1, 'options.layers');
  if (layers > 2) throw new ForecastError('INVALID_ARGUMENT', 'options.layers', `must be 1 or 2, got ${layers}`);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw new ForecastError('INVALID_ARGUMENT', 'options.seed', `must be a safe integer, got ${seed}`);
  const learningRate = options.learningRate ?? 0.005;
  if (!(Number.isFinite(learningRate) && learningRate > 0)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.learningRate', `must be a positive number, got ${learningRate}`);
  }
  return {
    lookback: positiveInteger(options.lookback, 'options.lookback'),
    horizon: positiveInteger(options.horizon, 'options.horizon'),
    hiddenSize: positiveInteger(options.hiddenSize ?? 32, 'options.hiddenSize'),
    layers: layers as 1 | 2,
    dropout: inRange(options.dropout ?? 0, 'options.dropout', 0, 1, 'in [0, 1)'),
    epochs: positiveInteger(options.epochs ?? 50, 'options.epochs'),
    batchSize: positiveInteger(options.batchSize ?? 32, 'options.batchSize'),
    learningRate,
    patience: nonNegativeInteger(options.patience ?? 5, 'options.patience'),
    validationFraction: inRange(options.validationFraction ?? 0.1, 'options.validationFraction', 0, 1, 'in [0, 1)'),
    quantiles: resolveQuantiles(options.quantiles),
    seed,
  };
}

/** The options as plain JSON (what toJSON stores and fromJSON feeds back to resolveLstmOptions). */
export function lstmOptionsToJSON(options: ResolvedLstmOptions): LstmForecasterOptions {
  const { quantiles, ...rest } = options;
  return quantiles === null ? { ...rest } : { ...rest, quantiles: [...quantiles] };
}
