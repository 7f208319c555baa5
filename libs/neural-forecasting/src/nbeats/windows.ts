import { ForecastError } from '@tethys/forecasting';

/** Input/target windows stacked row by row: `inputs[i * lookback + j]`, `targets[i * horizon + h]`. */
export interface WindowSet {
  count: number;
  inputs: Float32Array;
  targets: Float32Array;
  /** Per window, the value subtracted from its inputs and targets (0 without level normalisation). */
  levels: Float32Array;
}

/**
 * The windows whose forecast origin o (first target index) is each of
 * `origins`: input values[o - L .. o - 1], target values[o .. o + H - 1]
 * (`horizon` 0 builds inputs only). With `relativeToLast` both are taken
 * relative to the window's last input value values[o - 1], so the network
 * sees shapes rather than levels and a trend continues past the training range.
 */
export function buildWindows(
  values: ArrayLike<number>,
  lookback: number,
  horizon: number,
  origins: readonly number[],
  relativeToLast: boolean,
): WindowSet {
  const count = origins.length;
  const inputs = new Float32Array(count * lookback);
  const targets = new Float32Array(count * horizon);
  const levels = new Float32Array(count);
  origins.forEach((origin, row) => {
    const level = relativeToLast ? values[origin - 1] : 0;
    levels[row] = level;
    for (let j = 0; j < lookback; j++) inputs[row * lookback + j] = values[origin - lookback + j] - level;
    for (let h = 0; h < horizon; h++) targets[row * horizon + h] = values[origin + h] - level;
  });
  return { count, inputs, targets, levels };
}

function range(first: number, last: number): number[] {
  return first > last ? [] : Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/**
 * Chronological split of a series of `length` points into training and
 * validation origins. The validation part is the last `fraction` of the
 * series: its windows' targets lie there, and training targets end before it,
 * so early stopping never scores a target the optimiser saw.
 */
export function splitOrigins(
  length: number,
  lookback: number,
  horizon: number,
  fraction: number,
): { train: number[]; validation: number[] } {
  const needed = lookback + horizon;
  if (length < needed) {
    throw new ForecastError(
      'INVALID_SERIES',
      'series',
      `has ${length} observations; N-BEATS needs at least lookback + horizon = ${needed} to make one training window`,
    );
  }
  if (fraction === 0) return { train: range(lookback, length - horizon), validation: [] };
  const validationStart = Math.min(Math.floor(length * (1 - fraction)), length - horizon);
  const train = range(lookback, validationStart - horizon);
  const validation = range(Math.max(lookback, validationStart), length - horizon);
  if (train.length === 0 || validation.length === 0) {
    throw new ForecastError(
      'INVALID_SERIES',
      'series',
      `has ${length} observations: too short to hold out the last ${fraction} for validation and still train ` +
        `(lookback ${lookback}, horizon ${horizon}); pass a longer series or validationFraction: 0`,
    );
  }
  return { train, validation };
}
