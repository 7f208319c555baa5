import { ForecastError, type Scaler } from '@tethys/forecasting';

/**
 * Per-window (instance) normalisation of the target, on top of the series
 * scaler: each window's lookback and targets are shifted by a statistic of
 * its own lookback, and the network's outputs (every quantile) are shifted
 * back by the same amount. The network then sees shapes rather than levels,
 * so a trending series forecast past the range its scaler saw in training is
 * not pushed into saturated activations (RevIN-like, shift only: the scaled
 * series can cross zero, so dividing by a window statistic is not safe).
 *
 * - 'none': values as the series scaler leaves them.
 * - 'last-value': minus the window's last observed value.
 * - 'window-mean': minus the mean of the lookback.
 */
export type WindowNormalization = 'none' | 'last-value' | 'window-mean';

const WINDOW_NORMALIZATIONS: readonly WindowNormalization[] = ['none', 'last-value', 'window-mean'];

/** Checks a windowNormalization option (undefined -> `fallback`), naming the parameter when bad. */
export function resolveWindowNormalization(
  value: unknown,
  fallback: WindowNormalization = 'none',
  parameter = 'options.windowNormalization',
): WindowNormalization {
  const mode = value ?? fallback;
  if (!WINDOW_NORMALIZATIONS.includes(mode as WindowNormalization)) {
    throw new ForecastError('INVALID_ARGUMENT', parameter, `must be one of ${WINDOW_NORMALIZATIONS.map((m) => `'${m}'`).join(', ')}, got ${JSON.stringify(mode)}`);
  }
  return mode as WindowNormalization;
}

/**
 * The level subtracted from the window whose forecast origin (first target
 * index) is `origin`: a statistic of values[origin - lookback .. origin - 1]
 * only, so it never looks at the targets. 0 for 'none'.
 */
export function windowLevel(values: ArrayLike<number>, origin: number, lookback: number, mode: WindowNormalization): number {
  switch (mode) {
    case 'none':
      return 0;
    case 'last-value':
      return values[origin - 1];
    case 'window-mean': {
      let sum = 0;
      for (let t = origin - lookback; t < origin; t++) sum += values[t];
      return sum / lookback;
    }
  }
}

/** The inverse: network outputs (relative to the window) back on the series scaler's scale. */
export function addWindowLevel(relative: ArrayLike<number>, level: number): Float64Array {
  return Float64Array.from(relative, (value) => value + level);
}

/**
 * Network outputs for one window back on the series' original scale: the
 * window's level first (float64, as it was subtracted), then the series scaler.
 */
export function toSeriesScale(relative: ArrayLike<number>, level: number, scaler: Pick<Scaler, 'inverseTransform'>): Float64Array {
  return scaler.inverseTransform(addWindowLevel(relative, level));
}
