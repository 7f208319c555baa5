import {
  assertOptionsObject,
  positiveInteger,
  resolveTrainingOptions,
  sortedLevels,
  unitFraction,
  type ResolvedTrainingOptions,
  type TrainingOptions,
} from '../training/training-options';
import { ForecastError } from '@tethys/forecasting';

/**
 * What a caller may set; `lookback` and `horizon` are required. Training
 * defaults: epochs 50, batchSize 32, learningRate 0.005, patience 5,
 * validationFraction 0.1, seed 0, scaling 'per-series', windowNormalization 'none'.
 */
export interface LstmForecasterOptions extends TrainingOptions {
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
  /** Quantile levels (must include 0.5, the reported mean). Absent: a point forecast trained with MSE. */
  quantiles?: readonly number[];
}

export interface ResolvedLstmOptions extends ResolvedTrainingOptions {
  lookback: number;
  horizon: number;
  hiddenSize: number;
  layers: 1 | 2;
  dropout: number;
  /** Sorted levels, or null for a point forecast. */
  quantiles: number[] | null;
}

const MEDIAN = 0.5;

function resolveQuantiles(levels: readonly number[] | undefined): number[] | null {
  if (levels === undefined) return null;
  if (!Array.isArray(levels) || levels.length === 0) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', 'must be a non-empty list of levels');
  }
  const sorted = sortedLevels(levels);
  // The forecast's mean is the median output, so the head must have one.
  if (!sorted.includes(MEDIAN)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', 'must include 0.5 (the median is reported as the mean)');
  }
  return sorted;
}

/** Defaults filled in and every option checked, naming the bad one. */
export function resolveLstmOptions(options: LstmForecasterOptions): ResolvedLstmOptions {
  assertOptionsObject(options, 'lookback and horizon');
  const layers = positiveInteger(options.layers ?? 1, 'layers');
  if (layers > 2) throw new ForecastError('INVALID_ARGUMENT', 'options.layers', `must be 1 or 2, got ${layers}`);
  return {
    lookback: positiveInteger(options.lookback, 'lookback'),
    horizon: positiveInteger(options.horizon, 'horizon'),
    hiddenSize: positiveInteger(options.hiddenSize ?? 32, 'hiddenSize'),
    layers: layers as 1 | 2,
    dropout: unitFraction(options.dropout ?? 0, 'dropout'),
    quantiles: resolveQuantiles(options.quantiles),
    ...resolveTrainingOptions(options, { epochs: 50, batchSize: 32, learningRate: 0.005, patience: 5, validationFraction: 0.1 }),
  };
}

/** The options as plain JSON (what toJSON stores and fromJSON feeds back to resolveLstmOptions). */
export function lstmOptionsToJSON(options: ResolvedLstmOptions): LstmForecasterOptions {
  const { quantiles, ...rest } = options;
  return quantiles === null ? { ...rest } : { ...rest, quantiles: [...quantiles] };
}
