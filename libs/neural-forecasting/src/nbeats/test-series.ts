import { createRng } from '@tethys/data';
import { createTimeSeries, mae, type Forecast, type TimeSeries } from '@tethys/forecasting';

/** A noisy monthly-like series: level + slow trend + period-12 sine + small Gaussian noise. */
export function seasonalSeries(length: number, seed: number, noise = 0.1): TimeSeries {
  const rng = createRng(seed);
  const values = Array.from(
    { length },
    (_, t) => 10 + 0.02 * t + 2 * Math.sin((2 * Math.PI * t) / 12) + noise * rng.normal(0, 1),
  );
  return createTimeSeries('seasonal', values);
}

/** Mean MAE of the forecasts against the actuals, and of the trivial "mean of the lookback" forecast. */
export function heldOutErrors(series: TimeSeries, forecasts: Forecast[], lookback: number): { model: number; meanOfLookback: number } {
  let model = 0;
  let baseline = 0;
  for (const forecast of forecasts) {
    const origin = series.times.indexOf(forecast.times![0]);
    const horizon = forecast.mean.length;
    const actual = series.values.slice(origin, origin + horizon);
    const window = series.values.slice(origin - lookback, origin);
    const level = window.reduce((sum, value) => sum + value, 0) / lookback;
    model += mae(actual, forecast.mean);
    baseline += mae(actual, new Float64Array(horizon).fill(level));
  }
  return { model: model / forecasts.length, meanOfLookback: baseline / forecasts.length };
}
