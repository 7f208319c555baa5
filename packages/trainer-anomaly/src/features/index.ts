export { TransactionFeaturePipeline } from './pipeline';
export type { Transaction } from './transaction';
export {
  DEFAULT_FEATURE_PIPELINE_OPTIONS,
  resolveFeaturePipelineOptions,
  type FeaturePipelineOptions,
} from './options';
export { FEATURE_INDEX, FEATURE_NAMES, type FeatureName } from './feature-names';
export type { FeatureMatrix } from './transform';
export { FEATURE_SETTINGS } from './fit';
export {
  FEATURE_PIPELINE_STATE_FORMAT,
  FEATURE_PIPELINE_STATE_VERSION,
  FeaturePipelineStateError,
  featurePipelineStateSchema,
  parseFeaturePipelineState,
  type FeaturePipelineState,
} from './state';
