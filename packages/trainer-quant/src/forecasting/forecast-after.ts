import { createTimeSeries, futureTimes, inferTimeAxis, type Forecast, type TimeSeries } from '@tethys/forecasting';
import { LstmForecaster, type SeriesSelector } from '@tethys/neural-forecasting';
import { isNeuralForecaster, type AnyForecaster } from './models';

/** ISO date-time (or date) plus whole days, in the same shape as `time`. */
function addDays(time: string, days: number): string {
  const dateOnly = /^\d{4}-\d{2}-\d{2}$/.test(time);
  const shifted = new Date(Date.parse(dateOnly ? `${time}T00:00:00Z` : time) + days * 86_400_000).toISOString();
  return dateOnly ? shifted.slice(0, 10) : shifted;
}

/** `horizon` times strictly after `times`: the regular axis when there is one, else +1 per step (numbers) or +1 day (dates). */
function placeholderTimes(times: readonly string[], horizon: number): string[] {
  const axis = inferTimeAxis(times);
  if (axis !== null) return futureTimes(axis, horizon);
  const last = times[times.length - 1];
  const numeric = Number(last);
  return Array.from({ length: horizon }, (_, k) => (Number.isFinite(numeric) ? String(numeric + k + 1) : addDays(last, k + 1)));
}

/**
 * The `horizon` steps after `history`, from a trained model without refitting.
 *
 * LstmForecaster has `forecastAfter`. The other forecasters only forecast
 * after their fitted series (`predict`) or at origins inside a series
 * (`historicalForecasts`), so `history` is extended by `horizon` placeholder
 * steps (the last value repeated) and forecast from origin = its length: by
 * the Forecaster contract a forecast at origin o reads only data before o,
 * so the placeholders are never used. ExponentialSmoothing additionally
 * requires `history` to start where its training series started.
 * The forecast's times continue the history's regular time axis, and are
 * omitted when the history's times are irregular.
 *
 * A neural model applies the scalers of fitted series `fittedSeries`
 * (default 0: train-forecast fits the artifact's own series first, then any
 * companion series), whatever `history` is called.
 */
export function forecastAfter(model: AnyForecaster, history: TimeSeries, horizon: number, fittedSeries: SeriesSelector = 0): Forecast {
  if (model instanceof LstmForecaster) return model.forecastAfter(history, horizon, undefined, fittedSeries);
  const length = history.values.length;
  const values = new Float64Array(length + horizon);
  values.set(history.values);
  values.fill(history.values[length - 1], length);
  const extended = createTimeSeries(history.name, values, [...history.times, ...placeholderTimes(history.times, horizon)]);
  const origin = { start: length, horizon, stride: horizon };
  const [forecast] = isNeuralForecaster(model) ? model.historicalForecasts(extended, { ...origin, fittedSeries }) : model.historicalForecasts(extended, origin);
  const axis = inferTimeAxis(history.times);
  const { times: _placeholders, ...rest } = forecast;
  return axis === null ? rest : { ...rest, times: futureTimes(axis, horizon) };
}
