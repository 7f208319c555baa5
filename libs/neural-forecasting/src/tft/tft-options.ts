import { DEFAULT_QUANTILE_LEVELS, ForecastError } from '@tethys/forecasting';
import {
  assertOptionsObject,
  positiveInteger,
  resolveTrainingOptions,
  sortedLevels,
  unitFraction,
  type ResolvedTrainingOptions,
  type TrainingOptions,
} from '../training/training-options';

/**
 * TFT options; `lookback` and `horizon` are required. Training defaults:
 * epochs 100, batchSize 32, learningRate 0.005, patience 10,
 * validationFraction 0.2, seed 0 (weights, dropout and batch order), scaling 'per-series',
 * windowNormalization 'none'.
 */
export interface TftOptions extends TrainingOptions {
  /** Past steps the encoder sees. */
  lookback: number;
  /** Steps the decoder forecasts at once (the largest `predict` horizon). */
  horizon: number;
  /** d_model of every block; default 16. */
  hiddenSize?: number;
  /** Attention heads; must divide hiddenSize; default 4. */
  heads?: number;
  /** Dropout rate in the GRNs and gated skips; default 0.1. */
  dropout?: number;
  /** Quantile levels; default [0.1, 0.5, 0.9]. */
  quantiles?: number[];
}

export interface ResolvedTftOptions extends ResolvedTrainingOptions {
  lookback: number;
  horizon: number;
  hiddenSize: number;
  heads: number;
  dropout: number;
  quantiles: number[];
}

export function resolveTftOptions(options: TftOptions): ResolvedTftOptions {
  assertOptionsObject(options, 'lookback and horizon');
  const resolved: ResolvedTftOptions = {
    lookback: positiveInteger(options.lookback, 'lookback'),
    horizon: positiveInteger(options.horizon, 'horizon'),
    hiddenSize: positiveInteger(options.hiddenSize ?? 16, 'hiddenSize'),
    heads: positiveInteger(options.heads ?? 4, 'heads'),
    dropout: unitFraction(options.dropout ?? 0.1, 'dropout'),
    quantiles: sortedLevels(options.quantiles ?? DEFAULT_QUANTILE_LEVELS),
    ...resolveTrainingOptions(options, { epochs: 100, batchSize: 32, learningRate: 0.005, patience: 10, validationFraction: 0.2 }),
  };
  if (resolved.hiddenSize % resolved.heads !== 0) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.heads', `must divide hiddenSize ${resolved.hiddenSize}, got ${resolved.heads}`);
  }
  if (resolved.quantiles.length === 0) throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', 'must hold at least one level');
  return resolved;
}
