import type { RawColumns } from '../training/series-scalers';
import { fillTargetWindows } from '../training/target-windows';
import type { WindowNormalization } from '../training/window-normalization';

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
  // The target goes first at each history step, the past covariates after it.
  const { targets, levels } = fillTargetWindows(inputs.target, origins, history, { lookback, horizon, withTargets, normalization, stride: features });
  origins.forEach((origin, row) => {
    for (let step = 0; step < lookback; step++) {
      const at = (row * lookback + step) * features + 1;
      inputs.past.forEach((column, j) => (history[at + j] = column[origin - lookback + step]));
    }
    if (future !== null) {
      let at = row * futureWidth;
      for (let step = 0; step < horizon; step++) {
        for (const column of inputs.future) future[at++] = column[origin + step];
      }
    }
  });
  return { count, history, future, targets, levels };
}
