import { ForecastError } from '@tethys/forecasting';
import type { NBeatsStackKind } from './network';
import {
  assertOptionsObject,
  nonNegativeInteger,
  positiveInteger,
  resolveTrainingOptions,
  sortedLevels,
  type TrainingOptions,
} from '../training/training-options';
import type { WindowNormalization } from '../training/window-normalization';

/**
 * N-BEATS options; `lookback` and `horizon` are required. Training defaults:
 * epochs 100, batchSize 64, learningRate 1e-3, patience 10,
 * validationFraction 0.2, seed 0, scaling 'per-series', windowNormalization
 * 'last-value'.
 */
export interface NBeatsOptions extends TrainingOptions {
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
  /**
   * The older name of `windowNormalization` (models saved before it): true =
   * 'last-value', false = 'none'. Pass one of the two, not both.
   */
  relativeToLast?: boolean;
  /** Quantile levels in (0, 1) forecast besides the point forecast; default none. */
  quantiles?: readonly number[];
}

/** Every option filled in; `relativeToLast` is folded into `windowNormalization`. */
export type ResolvedNBeatsOptions = Required<Omit<NBeatsOptions, 'quantiles' | 'relativeToLast'>> & { quantiles: number[] };

/**
 * N-BEATS takes windows relative to their last value by default (the level is
 * subtracted from inputs and targets and added back to the forecast and the
 * trend part), so levels outside the training range are forecast as well;
 * 'none' feeds the standardised values as they are, as in the paper.
 */
function defaultNormalization(options: NBeatsOptions): WindowNormalization {
  const legacy = options.relativeToLast;
  if (legacy === undefined) return 'last-value';
  if (typeof legacy !== 'boolean') throw new ForecastError('INVALID_ARGUMENT', 'options.relativeToLast', `must be a boolean, got ${JSON.stringify(legacy)}`);
  if (options.windowNormalization !== undefined) {
    throw new ForecastError('INVALID_ARGUMENT', 'options.relativeToLast', 'is the older name of windowNormalization; pass only one of them');
  }
  return legacy ? 'last-value' : 'none';
}

/** Fills defaults and rejects bad values with the option named. */
export function resolveNBeatsOptions(options: NBeatsOptions): ResolvedNBeatsOptions {
  assertOptionsObject(options, 'lookback and horizon');
  const stacks = options.stacks ?? 'generic';
  if (stacks !== 'generic' && stacks !== 'interpretable') {
    throw new ForecastError('INVALID_ARGUMENT', 'options.stacks', `must be 'generic' or 'interpretable', got ${JSON.stringify(stacks)}`);
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
    quantiles: sortedLevels(options.quantiles ?? []), // sorted, distinct, strictly inside (0, 1)
    ...resolveTrainingOptions(options, {
      epochs: 100,
      batchSize: 64,
      learningRate: 1e-3,
      patience: 10,
      validationFraction: 0.2,
      windowNormalization: defaultNormalization(options),
    }),
  };
}
