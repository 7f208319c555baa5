export { generateTransactions, type GeneratedTransactions, type UserSummary } from './generator';
export { CSV_COLUMNS, formatTimestamp, toCsv } from './csv';
export {
  generatorParamsSchema,
  loadGeneratorParams,
  parseGeneratorParams,
  type GeneratorParams,
} from './params';
export { ANOMALY_TYPES, type AnomalyType, type GeneratedTransaction } from './transaction';
export {
  BURST_SIZE,
  BURST_WINDOW_SECONDS,
  FAR_FROM_HOME_MIN_KM,
  LARGE_AMOUNT_FACTOR,
  LARGE_AMOUNT_REGULAR_MERCHANT_SHARE,
  NEW_CATEGORY_RARE_SHARE,
  ODD_HOURS,
} from './anomalies';
export { ALL_CATEGORIES, NORMAL_CATEGORIES, RARE_CATEGORIES, type MerchantCategory } from './model/categories';
export { CITIES, type City } from './model/cities';
export { buildGenerationSummary } from './summary';
export { CSV_FILE, SUMMARY_FILE, writeGeneratedTransactions } from './write-output';
export { runCli } from './run-cli';
