import { ForecastError } from '@tethys/forecasting';

/** The forecast origins o (first target index) first, first + 1, ..., last; empty when first > last. */
export function originRange(first: number, last: number): number[] {
  return first > last ? [] : Array.from({ length: last - first + 1 }, (_, index) => first + index);
}

/** Where one series splits into training and validation windows. */
export interface ChronologicalSplit {
  /** First index of the validation part (the series length without validation): scalers fit on [0, trainEnd). */
  trainEnd: number;
  /** Origins whose targets end before `trainEnd`. */
  train: number[];
  /** Origins whose targets lie in [trainEnd, length); empty without validation. */
  validation: number[];
}

/**
 * The chronological split every forecaster uses: the last
 * round(validationFraction * length) observations are held out; training
 * windows end before them and validation windows forecast inside them, so
 * early stopping never scores a target the optimiser saw. `parameter` names
 * the series in errors (`series`, or `series[2]` of a multi-series fit).
 */
export function chronologicalSplit(
  length: number,
  lookback: number,
  horizon: number,
  validationFraction: number,
  parameter: string,
): ChronologicalSplit {
  if (length < lookback + horizon) {
    throw new ForecastError(
      'INVALID_SERIES',
      parameter,
      `has ${length} observations; the model needs at least lookback + horizon = ${lookback + horizon} to make one training window`,
    );
  }
  const validationLength = Math.round(validationFraction * length);
  const trainEnd = length - validationLength;
  const train = originRange(lookback, trainEnd - horizon);
  if (train.length === 0) {
    throw new ForecastError(
      'INVALID_SERIES',
      parameter,
      `has ${length} observations: too short to hold out the last ${validationLength} for validation and still train ` +
        `(lookback ${lookback}, horizon ${horizon}); pass a longer series or validationFraction: 0`,
    );
  }
  if (validationLength > 0 && validationLength < horizon) {
    throw new ForecastError(
      'INVALID_ARGUMENT',
      'options.validationFraction',
      `keeps ${validationLength} observations of ${parameter} for validation, fewer than one horizon (${horizon}); raise it or set 0`,
    );
  }
  const validation = validationLength > 0 ? originRange(Math.max(lookback, trainEnd), length - horizon) : [];
  return { trainEnd, train, validation };
}
