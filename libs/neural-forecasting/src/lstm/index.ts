export { LstmForecaster, LSTM_STATE_FILE } from './lstm-forecaster';
export type { LstmForecasterOptions, ResolvedLstmOptions } from './lstm-options';
export type { TrainingSummary } from './train-network';
export { MonotoneQuantileHead, type MonotoneQuantileHeadArgs } from './monotone-quantile-head';
export { SeededDropout, type SeededDropoutArgs } from './seeded-dropout';
