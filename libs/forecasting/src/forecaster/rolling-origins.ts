import { assertPositiveInteger } from '../errors/argument-checks';
import { ForecastError } from '../errors/forecast-error';
import type { TimeSeries } from '../series/time-series';
import type { HistoricalForecastOptions } from './forecaster';

/**
 * The forecast origins of a rolling-origin evaluation: `start`, `start +
 * stride`, ... while a whole `horizon` still fits in `series`. An origin `o`
 * means "forecast from the first `o` observations". `minimumHistory` is the
 * fewest observations the model needs before an origin.
 */
export function rollingOrigins(
  series: TimeSeries,
  options: HistoricalForecastOptions,
  minimumHistory: number,
): number[] {
  const { horizon, stride = 1 } = options;
  assertPositiveInteger(horizon, 'horizon');
  assertPositiveInteger(stride, 'stride');
  if (options.retrain !== undefined && options.retrain !== false) {
    throw new ForecastError('INVALID_ARGUMENT', 'retrain', 'only retrain: false is supported (no refit per origin)');
  }
  const length = series.values.length;
  const start = resolveStart(series, options.start);
  if (start < minimumHistory) {
    throw new ForecastError(
      'INVALID_ARGUMENT',
      'start',
      `origin ${start} leaves ${start} observations before it; this model needs at least ${minimumHistory}`,
    );
  }
  if (start + horizon > length) {
    throw new ForecastError(
      'INVALID_ARGUMENT',
      'start',
      `origin ${start} plus horizon ${horizon} runs past the series' ${length} observations`,
    );
  }
  const origins: number[] = [];
  for (let origin = start; origin + horizon <= length; origin += stride) origins.push(origin);
  return origins;
}

function resolveStart(series: TimeSeries, start: number | string): number {
  if (typeof start === 'string') {
    const index = series.times.indexOf(start);
    if (index === -1) {
      throw new ForecastError('INVALID_ARGUMENT', 'start', `time ${JSON.stringify(start)} is not in the series`);
    }
    return index;
  }
  if (!Number.isSafeInteger(start) || start < 0) {
    throw new ForecastError('INVALID_ARGUMENT', 'start', `must be a non-negative integer index or a time, got ${start}`);
  }
  return start;
}
