import { ForecastError } from '@tethys/forecasting';
import type { NBeatsStackKind } from './network';

export interface NBeatsOptions {
  /** Input window length L (the paper uses 2H..7H). */
  lookback: number;
  /** Steps forecast at once (the largest horizon `predict` accepts). */
  horizon: number;
  /** 'generic' (one stack of trend-agnostic blocks) or 'interpretable' (trend + seasonality stacks); default 'generic'. */
  stacks?: NBeatsStackKind;
  /** Blocks per stack; default 3. */
  blocksPerStack?: number;
  /** Units of each fully connected layer; default 128 (the paper: 512 generic, 256/2048 interpretable). */
  layerWidth?: number;
  /** Fully connected ReLU layers per block; default 4 (as in the paper). */
  hiddenLayers?: number;
  /** Degree of the trend polynomial; default 2 (the paper: 2 or 3). */
  trendDegree?: number;
  /** Interpretable only: blocks of one stack share weights, as in the paper; default true. */
  shareWeights?: boolean;
  /** Maximum passes over the training windows; default 100. */
  epochs?: number;
  /** Windows per gradient step; default 64. */
  batchSize?: number;
  /** Adam learning rate; default 1e-3. */
  learningRate?: number;
  /**
   * Take every window relative to its last input value (subtracted from
   * inputs and targets, added back to the forecast and to the trend part),
   * so levels outside the training range are forecast as well; default true.
   * false feeds the standardised values as they are, as in the paper.
   */
  relativeToLast?: boolean;
  /** Epochs without a better validation loss before stopping; default 10. */
  patience?: number;
  /** Chronological share of the series held out for early stopping (0 = none); default 0.2. */
  validationFraction?: number;
  /** Quantile levels in (0, 1) forecast besides the point forecast; default none. */
  quantiles?: readonly number[];
  /** Seed of every random draw (initial weights, batch order); default 0. */
  seed?: number;
}

export type ResolvedNBeatsOptions = Required<Omit<NBeatsOptions, 'quantiles'>> & { quantiles: number[] };

function invalid(parameter: string, detail: string): ForecastError {
  return new ForecastError('INVALID_ARGUMENT', `options.${parameter}`, detail);
}

function positiveInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(parameter, `must be a positive integer, got ${value}`);
  return value;
}

function nonNegativeInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(parameter, `must be a non-negative integer, got ${value}`);
  return value;
}

/** Sorted, distinct levels strictly inside (0, 1). */
export function resolveLevels(levels: readonly number[] | undefined): number[] {
  const sorted = [...(levels ?? [])].sort((a, b) => a - b);
  sorted.forEach((level, index) => {
    if (!(level > 0 && level < 1)) throw invalid('quantiles', `levels must lie strictly between 0 and 1, got ${level}`);
    if (index > 0 && sorted[index - 1] === level) throw invalid('quantiles', `level ${level} is listed twice`);
  });
  return sorted;
}

/** Fills defaults and rejects bad values with the option named. */
export function resolveNBeatsOptions(options: NBeatsOptions): ResolvedNBeatsOptions {
  if (typeof options !== 'object' || options === null) throw invalid('', 'options must be an object');
  const stacks = options.stacks ?? 'generic';
  if (stacks !== 'generic' && stacks !== 'interpretable') {
    throw invalid('stacks', `must be 'generic' or 'interpretable', got ${JSON.stringify(stacks)}`);
  }
  const learningRate = options.learningRate ?? 1e-3;
  if (!(learningRate > 0 && Number.isFinite(learningRate))) throw invalid('learningRate', `must be a positive number, got ${learningRate}`);
  const validationFraction = options.validationFraction ?? 0.2;
  if (!(validationFraction >= 0 && validationFraction < 1)) {
    throw invalid('validationFraction', `must lie in [0, 1), got ${validationFraction}`);
  }
  return {
    lookback: positiveInteger(options.lookback, 'lookback'),
    horizon: positiveInteger(options.horizon, 'horizon'),
    stacks,
    blocksPerStack: positiveInteger(options.blocksPerStack ?? 3, 'blocksPerStack'),
    layerWidth: positiveInteger(options.layerWidth ?? 128, 'layerWidth'),
    hiddenLayers: positiveInteger(options.hiddenLayers ?? 4, 'hiddenLayers'),
    trendDegree: nonNegativeInteger(options.trendDegree ?? 2, 'trendDegree'),
    shareWeights: options.shareWeights ?? true,
    relativeToLast: options.relativeToLast ?? true,
    epochs: positiveInteger(options.epochs ?? 100, 'epochs'),
    batchSize: positiveInteger(options.batchSize ?? 64, 'batchSize'),
    learningRate,
    patience: positiveInteger(options.patience ?? 10, 'patience'),
    validationFraction,
    quantiles: resolveLevels(options.quantiles),
    seed: nonNegativeInteger(options.seed ?? 0, 'seed'),
  };
}
