import { fillTargetWindows } from '../training/target-windows';
import type { WindowNormalization } from '../training/window-normalization';

/** Input/target windows stacked row by row: `inputs[i * lookback + j]`, `targets[i * horizon + h]`. */
export interface WindowSet {
  count: number;
  inputs: Float32Array;
  targets: Float32Array;
  /** Per window, the value subtracted from its inputs and targets (0 with windowNormalization 'none'). */
  levels: Float64Array;
}

/**
 * The windows whose forecast origin o (first target index) is each of
 * `origins`: input values[o - L .. o - 1], target values[o .. o + H - 1]
 * (`horizon` 0 builds inputs only). Both are taken relative to the window's
 * level (see WindowNormalization; 'last-value' subtracts values[o - 1]), so
 * the network sees shapes rather than levels and a trend continues past the
 * training range.
 */
export function buildWindows(
  values: ArrayLike<number>,
  lookback: number,
  horizon: number,
  origins: readonly number[],
  normalization: WindowNormalization,
): WindowSet {
  const count = origins.length;
  const inputs = new Float32Array(count * lookback);
  const { targets, levels } = fillTargetWindows(values, origins, inputs, { lookback, horizon, withTargets: true, normalization, stride: 1 });
  return { count, inputs, targets: targets!, levels }; // withTargets: never null (empty when horizon is 0)
}
