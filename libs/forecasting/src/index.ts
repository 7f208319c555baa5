// Series
export { createTimeSeries, sliceSeries, assertValidSeries, type TimeSeries } from './series/time-series';
export { readSeriesCsv, type ReadSeriesCsvOptions, type SeriesCsvFormat } from './series/read-series-csv';
export { inferTimeAxis, futureTimes, type TimeAxis } from './series/time-axis';

// Errors
export { ForecastError, NotFittedError, type ForecastErrorCode } from './errors/forecast-error';

// Scalers
export type { Scaler, ScalerJson, StandardScalerJson, MinMaxScalerJson } from './scalers/scaler';
export { inverseTransformForecast } from './scalers/scaler';
export { StandardScaler } from './scalers/standard-scaler';
export { MinMaxScaler, type MinMaxScalerOptions } from './scalers/min-max-scaler';
export { scalerFromJSON } from './scalers/scaler-from-json';

// The shared forecasting interface
export type {
  Covariates,
  Forecast,
  Forecaster,
  ForecasterJson,
  HistoricalForecastOptions,
} from './forecaster/forecaster';
export { DEFAULT_QUANTILE_LEVELS, quantileKey, gaussianQuantiles } from './forecaster/quantile-levels';
export { rollingOrigins } from './forecaster/rolling-origins';
export {
  describeFittedSeries,
  fittedSeriesFromJSON,
  timesAfterFit,
  type FittedSeries,
} from './forecaster/fitted-series';

// Baselines
export { NaiveForecaster, type NaiveOptions } from './baselines/naive';
export { SeasonalNaiveForecaster, type SeasonalNaiveOptions } from './baselines/seasonal-naive';
export { DriftForecaster, type DriftOptions } from './baselines/drift';
export {
  ExponentialSmoothing,
  type ExponentialSmoothingOptions,
  type EtsIntervalMethod,
} from './ets/exponential-smoothing';
export type { EtsParameters, EtsSeasonal, EtsTrend } from './ets/ets-model';
export { baselineFromJSON, type BaselineForecaster, type BaselineKind } from './baselines/baseline-from-json';

// Metrics
export { mae, rmse, smape, mase, pinballLoss, intervalCoverage, intervalWidth } from './metrics/metrics';

// Numerical building blocks other forecasters may reuse
export { minimizeNelderMead, type NelderMeadOptions, type NelderMeadResult } from './optim/nelder-mead';
