import { createRng } from '@tethys/data';
import { createTimeSeries, type TimeSeries } from '@tethys/forecasting';

/** 10 + 3 sin(2 pi t / 12) plus N(0, noise^2), seeded: a clean monthly-seasonal series. */
export function seasonalSeries(length: number, seed: number, noise = 0.1): TimeSeries {
  const rng = createRng(seed);
  const values = Array.from({ length }, (_, t) => 10 + 3 * Math.sin((2 * Math.PI * t) / 12) + rng.normal(0, noise));
  return createTimeSeries('seasonal', values);
}

/** Mean absolute error between forecasts and the actuals they cover (series positions from `origins`). */
export function meanAbsoluteError(forecasts: readonly Float64Array[], actuals: Float64Array, origins: readonly number[]): number {
  let sum = 0;
  let count = 0;
  forecasts.forEach((forecast, index) => {
    forecast.forEach((value, step) => {
      sum += Math.abs(value - actuals[origins[index] + step]);
      count += 1;
    });
  });
  return sum / count;
}
