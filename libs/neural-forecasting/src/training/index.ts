export { runTrainingLoop, type LoopSettings, type TrainingRecord, type TrainingTask, type WindowTensors } from './training-loop';
export type { TrainingOptions } from './training-options';
export type { CovariatesInput, NeuralHistoricalOptions, SeriesInput, SeriesSelector } from './series-input';
export type { Scaling } from './series-scalers';
export {
  addWindowLevel,
  resolveWindowNormalization,
  windowLevel,
  type WindowNormalization,
} from './window-normalization';
