import { ForecastError } from '@tethys/forecasting';
import { resolveScaling, type Scaling } from './series-scalers';
import { resolveWindowNormalization, type WindowNormalization } from './window-normalization';

/** The training options every forecaster takes; each model documents its own defaults. */
export interface TrainingOptions {
  /** Maximum passes over the training windows. */
  epochs?: number;
  /** Windows per gradient step. */
  batchSize?: number;
  /** Adam learning rate. */
  learningRate?: number;
  /** Epochs without a better monitored loss before stopping. */
  patience?: number;
  /** Share of each series (its end, chronologically) held out for early stopping; 0 = none. */
  validationFraction?: number;
  /** Seed of every random draw (initial weights, batch order, dropout masks); default 0. */
  seed?: number;
  /** 'per-series' (default) or 'global' standardisation of multi-series fits; see Scaling. */
  scaling?: Scaling;
  /** Per-window shift of the target ('none', 'last-value', 'window-mean'); see WindowNormalization. Default per model. */
  windowNormalization?: WindowNormalization;
}

export type ResolvedTrainingOptions = Required<TrainingOptions>;
/** A model's defaults; windowNormalization defaults to 'none' (what models saved before the option did). */
export type TrainingDefaults = Omit<ResolvedTrainingOptions, 'seed' | 'scaling' | 'windowNormalization'> & { windowNormalization?: WindowNormalization };

function invalid(parameter: string, detail: string): ForecastError {
  return new ForecastError('INVALID_ARGUMENT', `options.${parameter}`, detail);
}

export function positiveInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw invalid(parameter, `must be a positive integer, got ${value}`);
  return value;
}

export function nonNegativeInteger(value: number, parameter: string): number {
  if (!Number.isSafeInteger(value) || value < 0) throw invalid(parameter, `must be a non-negative integer, got ${value}`);
  return value;
}

/** A number in [0, 1) (dropout rates, validation fractions). */
export function unitFraction(value: number, parameter: string): number {
  if (!(Number.isFinite(value) && value >= 0 && value < 1)) throw invalid(parameter, `must lie in [0, 1), got ${value}`);
  return value;
}

/** Sorted, distinct levels strictly inside (0, 1). */
export function sortedLevels(levels: readonly number[], parameter = 'quantiles'): number[] {
  if (!Array.isArray(levels)) throw invalid(parameter, 'must be a list of levels');
  const sorted = [...levels].sort((a, b) => a - b);
  sorted.forEach((level, index) => {
    if (!(typeof level === 'number' && level > 0 && level < 1)) throw invalid(parameter, `levels must lie strictly between 0 and 1, got ${level}`);
    if (index > 0 && level === sorted[index - 1]) throw invalid(parameter, `level ${level} is listed twice`);
  });
  return sorted;
}

/** Refuses a missing or non-object options argument. */
export function assertOptionsObject(options: unknown, needs: string): void {
  if (typeof options !== 'object' || options === null) throw new ForecastError('INVALID_ARGUMENT', 'options', `must be an object with at least ${needs}`);
}

/** The shared training options with the model's defaults filled in, each checked and named when bad. */
export function resolveTrainingOptions(options: TrainingOptions, defaults: TrainingDefaults): ResolvedTrainingOptions {
  const learningRate = options.learningRate ?? defaults.learningRate;
  if (!(Number.isFinite(learningRate) && learningRate > 0)) throw invalid('learningRate', `must be a positive number, got ${learningRate}`);
  const seed = options.seed ?? 0;
  if (!Number.isSafeInteger(seed)) throw invalid('seed', `must be a safe integer, got ${seed}`);
  return {
    epochs: positiveInteger(options.epochs ?? defaults.epochs, 'epochs'),
    batchSize: positiveInteger(options.batchSize ?? defaults.batchSize, 'batchSize'),
    learningRate,
    patience: nonNegativeInteger(options.patience ?? defaults.patience, 'patience'),
    validationFraction: unitFraction(options.validationFraction ?? defaults.validationFraction, 'validationFraction'),
    seed,
    scaling: resolveScaling(options.scaling),
    windowNormalization: resolveWindowNormalization(options.windowNormalization, defaults.windowNormalization ?? 'none'),
  };
}
