// The forecasting stage of the quant trainer: params, held-out evaluation, training and artifact loading.
export {
  forecastParamsSchema,
  loadForecastParams,
  type ForecastParams,
  type ForecastSeriesParams,
  type LstmSettings,
  type NBeatsSettings,
  type TftSettings,
} from './forecast-params';
export { equalWeightReturns, loadParamsSeries, realisedVolatility, type ParamsSeries } from './series-sources';
export {
  BASELINE_KINDS,
  MODEL_KINDS,
  NEURAL_KINDS,
  buildBaseline,
  buildNeural,
  fitForecaster,
  isNeuralKind,
  type AnyForecaster,
  type ModelKind,
  type NeuralKind,
} from './models';
export { evaluateForecaster, scoreForecasts, testStartIndex, type Evaluation, type ForecastMetrics, type TestSplit } from './evaluate';
export { forecastAfter } from './forecast-after';
export {
  FORECASTER_ARTIFACT_KIND,
  FORECASTER_INDEX_FILE,
  artifactSeries,
  loadForecaster,
  type ArtifactModel,
  type ForecasterIndex,
  type LoadedForecaster,
} from './forecaster-artifact';
export {
  TRAIN_FORECAST_MODELS,
  formatScoreTable,
  trainForecast,
  type ModelScore,
  type SeriesResult,
  type TrainForecastResult,
} from './train-forecast';
