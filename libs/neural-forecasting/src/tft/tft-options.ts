import { DEFAULT_QUANTILE_LEVELS, ForecastError } from '@tethys/forecasting';

export interface TftOptions {
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
  /** Most training epochs; default 100. */
  epochs?: number;
  /** Default 32. */
  batchSize?: number;
  /** Adam step size; default 0.005. */
  learningRate?: number;
  /** Epochs without a better validation loss before stopping; default 10. */
  patience?: number;
  /** Share of the fit series (its end) whose windows are held out for early stopping; default 0.2; 0 = none. */
  validationFraction?: number;
  /** Quantile levels; default [0.1, 0.5, 0.9]. */
  quantiles?: number[];
  /** Seeds weights, dropout and batch order; default 0. */
  seed?: number;
}

export type ResolvedTftOptions = Required<TftOptions>;

function positiveInteger(value: number, name: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new ForecastError('INVALID_ARGUMENT', `options.${name}`, `must be a positive integer, got ${value}`);
  }
  return value;
}

export function resolveTftOptions(options: TftOptions): ResolvedTftOptions {
  const resolved: ResolvedTftOptions = {
    lookback: positiveInteger(options.lookback, 'lookback'),
    horizon: positiveInteger(options.horizon, 'horizon'),
    hiddenSize: positiveInteger(options.hiddenSize ?? 16, 'hiddenSize'),
    heads: positiveInteger(options.heads ?? 4, 'heads'),
    dropout: options.dropout ?? 0.1,
    epochs: positiveInteger(options.epochs ?? 100, 'epochs'),
    batchSize: positiveInteger(options.batchSize ?? 32, 'batchSize'),
    learningRate: options.learningRate ?? 0.005,
    patience: positiveInteger(options.patience ?? 10, 'patience'),
    validationFraction: options.validationFraction ?? 0.2,
    quantiles: [...(options.quantiles ?? DEFAULT_QUANTILE_LEVELS)].sort((a, b) => a - b),
    seed: options.seed ?? 0,
  };
  if (resolved.hiddenSize % resolved.heads !== 0) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.heads', `must divide hiddenSize ${resolved.hiddenSize}, got ${resolved.heads}`);
  }
  if (!(resolved.dropout >= 0 && resolved.dropout < 1)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.dropout', `must lie in [0, 1), got ${resolved.dropout}`);
  }
  if (!(resolved.learningRate > 0)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.learningRate', `must be positive, got ${resolved.learningRate}`);
  }
  if (!(resolved.validationFraction >= 0 && resolved.validationFraction < 1)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.validationFraction', `must lie in [0, 1), got ${resolved.validationFraction}`);
  }
  if (!Number.isSafeInteger(resolved.seed)) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.seed', `must be an integer, got ${resolved.seed}`);
  }
  resolved.quantiles.forEach((level, k) => {
    if (!(level > 0 && level < 1) || (k > 0 && level === resolved.quantiles[k - 1])) {
      throw new ForecastError('INVALID_ARGUMENT', 'options.quantiles', `levels must be distinct and strictly between 0 and 1, got ${level}`);
    }
  });
  return resolved;
}
