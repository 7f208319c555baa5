import { windowLevel, type WindowNormalization } from './window-normalization';

/** How the target part of a batch of windows is laid out. */
export interface TargetWindowLayout {
  lookback: number;
  horizon: number;
  /** Whether to build the [count, horizon] targets (not when forecasting past the data). */
  withTargets: boolean;
  normalization: WindowNormalization;
  /**
   * Floats per lookback step in the history buffer; the target goes first at
   * each step, so a stride > 1 leaves room for covariates after it.
   */
  stride: number;
}

/** What the target part of a window batch produces besides the history it writes. */
export interface TargetWindows {
  /** [count, horizon], relative to each window's level; null without `withTargets`. */
  targets: Float32Array | null;
  /** [count]: the level subtracted from each window's lookback and targets (0 with 'none'). */
  levels: Float64Array;
}

/**
 * The target part every model's windows share: for each origin o, the
 * window's level (from values[o - lookback .. o - 1] only), the lookback
 * values[o - lookback .. o - 1] minus that level written into `history` at
 * (row * lookback + step) * stride, and the targets values[o .. o + horizon - 1]
 * minus the same level. The caller guarantees the ranges exist.
 */
export function fillTargetWindows(
  values: ArrayLike<number>,
  origins: readonly number[],
  history: Float32Array,
  layout: TargetWindowLayout,
): TargetWindows {
  const { lookback, horizon, withTargets, normalization, stride } = layout;
  const levels = new Float64Array(origins.length);
  const targets = withTargets ? new Float32Array(origins.length * horizon) : null;
  origins.forEach((origin, row) => {
    const level = windowLevel(values, origin, lookback, normalization);
    levels[row] = level;
    for (let step = 0; step < lookback; step++) history[(row * lookback + step) * stride] = values[origin - lookback + step] - level;
    if (targets !== null) for (let h = 0; h < horizon; h++) targets[row * horizon + h] = values[origin + h] - level;
  });
  return { targets, levels };
}
