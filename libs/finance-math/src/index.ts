export {
  interquartileRange,
  median,
  medianAbsoluteDeviation,
  quantile,
  quantileSorted,
} from './statistics/robust';

export { countPositives } from './metrics/binary-inputs';
export { rocAuc, rocCurve, type RocCurve } from './metrics/roc';
export {
  averagePrecision,
  precisionRecallCurve,
  type PrecisionRecallCurve,
} from './metrics/precision-recall';
export { precisionAtK } from './metrics/precision-at-k';
export {
  confusionAtThreshold,
  thresholdSweep,
  type ConfusionCounts,
} from './metrics/confusion';
export { bestF1Threshold } from './metrics/best-f1';
export { destinationPoint, EARTH_RADIUS_KM, haversineKm, offsetKm } from './geo/geo';
export * from './performance';
export * from './risk';
export * from './portfolio';
export * from './factors';
export * from './allocation';
