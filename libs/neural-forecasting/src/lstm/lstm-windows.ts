import type { RawColumns } from '../training/series-scalers';
import { windowLevel, type WindowNormalization } from '../training/window-normalization';

/** Scaled model inputs aligned by position; `future` may run past the target. */
export type ScaledInputs = RawColumns;

/** The flat float32 buffers of a batch of windows, ready for tf.tensor. */
export interface WindowBatch {
  count: number;
  /** [count, lookback, 1 + past.length]: target then past covariates at each step. */
  history: Float32Array;
  /** [count, horizon * future.length], step-major (step h, then covariate k); null without future covariates. */
  future: Float32Array | null;
  /** [count, horizon] targets; null when not asked for (forecasting past the data). */
  targets: Float32Array | null;
  /** [count]: the level subtracted from each window's target history and targets (0 with 'none'). */
  levels: Float64Array;
}

/**
 * One window per origin `o`: history from [o - lookback, o), future
 * covariates and targets from [o, o + horizon). The caller guarantees the
 * ranges exist (o >= lookback; o + horizon within the arrays it needs).
 */
export function buildWindows(
  inputs: ScaledInputs,
  origins: readonly number[],
  lookback: number,
  horizon: number,
  withTargets: boolean,
  normalization: WindowNormalization = 'none',
): WindowBatch {
  const count = origins.length;
  const features = 1 + inputs.past.length;
  const history = new Float32Array(count * lookback * features);
  const futureWidth = horizon * inputs.future.length;
  const future = futureWidth > 0 ? new Float32Array(count * futureWidth) : null;
  const targets = withTargets ? new Float32Array(count * horizon) : null;
  const levels = new Float64Array(count);
  origins.forEach((origin, row) => {
    const level = windowLevel(inputs.target, origin, lookback, normalization);
    levels[row] = level;
    let offset = row * lookback * features;
    for (let t = origin - lookback; t < origin; t++) {
      history[offset++] = inputs.target[t] - level;
      for (const column of inputs.past) history[offset++] = column[t];
    }
    if (future !== null) {
      let at = row * futureWidth;
      for (let step = 0; step < horizon; step++) {
        for (const column of inputs.future) future[at++] = column[origin + step];
      }
    }
    if (targets !== null) {
      for (let step = 0; step < horizon; step++) targets[row * horizon + step] = inputs.target[origin + step] - level;
    }
  });
  return { count, history, future, targets, levels };
}
