import type { Forecast } from '../forecaster/forecaster';

/**
 * An affine, increasing map fitted on training values only, saved with the
 * model (`toJSON`) so a reloaded model scales new data exactly as in training.
 */
export interface Scaler {
  readonly fitted: boolean;
  fit(values: ArrayLike<number>): this;
  transform(values: ArrayLike<number>): Float64Array;
  inverseTransform(values: ArrayLike<number>): Float64Array;
  toJSON(): ScalerJson;
}

export type ScalerJson = StandardScalerJson | MinMaxScalerJson;

export interface StandardScalerJson {
  kind: 'standard';
  mean: number;
  scale: number;
}

export interface MinMaxScalerJson {
  kind: 'min_max';
  featureRange: [number, number];
  dataMin: number;
  dataMax: number;
}

/**
 * A forecast made on the scaled values, back on the original scale. Both
 * scalers are increasing, so quantiles stay in order.
 */
export function inverseTransformForecast(forecast: Forecast, scaler: Scaler): Forecast {
  const result: Forecast = { mean: scaler.inverseTransform(forecast.mean) };
  if (forecast.times !== undefined) result.times = [...forecast.times];
  if (forecast.quantiles !== undefined) {
    result.quantiles = Object.fromEntries(
      Object.entries(forecast.quantiles).map(([level, values]) => [level, scaler.inverseTransform(values)]),
    );
  }
  return result;
}
