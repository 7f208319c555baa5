export {
  AnomalyDetector,
  ANOMALY_DETECTOR_KIND,
  DETECTOR_FILES,
  loadAnomalyDetector,
  type FeatureContribution,
  type LoadedAnomalyDetector,
  type TransactionExplanation,
  type TransactionScore,
} from './detector';
export { evaluateDetections, type DetectionEvaluation, type EvaluationOptions } from './evaluation';
export { evaluateLabelledCsv, type LabelledCsvEvaluation } from './evaluate-labelled-csv';
export * from './features';
export { anomalyTrainerParamsSchema, loadAnomalyTrainerParams, type AnomalyTrainerParams } from './params';
export { trainAnomalyDetector, type AnomalyTrainingMetrics, type AnomalyTrainingResult } from './train';
export {
  readLabelledTransactionsCsv,
  readTransactionsCsv,
  TRANSACTION_COLUMNS,
  type LabelledTransaction,
} from './transactions-csv';
