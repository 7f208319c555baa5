/** Tunable choices of the feature pipeline (saved with it). */
export interface FeaturePipelineOptions {
  /** Length of the look-back window for the velocity features, in minutes. */
  velocityWindowMinutes: number;
  /**
   * Users with fewer training transactions than this are treated as unknown
   * (global profile, `user_known` = 0); a user's category needs this many
   * transactions for its own amount statistics.
   */
  minUserHistory: number;
}

export const DEFAULT_FEATURE_PIPELINE_OPTIONS: Readonly<FeaturePipelineOptions> = {
  velocityWindowMinutes: 60,
  minUserHistory: 5,
};

/** Fills defaults and checks ranges; throws a RangeError naming the option. */
export function resolveFeaturePipelineOptions(options: Partial<FeaturePipelineOptions> = {}): FeaturePipelineOptions {
  if (options === null || typeof options !== 'object') {
    throw new RangeError('TransactionFeaturePipeline options must be an object');
  }
  for (const key of Object.keys(options)) {
    if (!(key in DEFAULT_FEATURE_PIPELINE_OPTIONS)) throw new RangeError(`unknown option "${key}"`);
  }
  const resolved: FeaturePipelineOptions = {
    velocityWindowMinutes: options.velocityWindowMinutes ?? DEFAULT_FEATURE_PIPELINE_OPTIONS.velocityWindowMinutes,
    minUserHistory: options.minUserHistory ?? DEFAULT_FEATURE_PIPELINE_OPTIONS.minUserHistory,
  };
  if (!Number.isFinite(resolved.velocityWindowMinutes) || resolved.velocityWindowMinutes <= 0) {
    throw new RangeError(`velocityWindowMinutes must be a finite number > 0, got ${resolved.velocityWindowMinutes}`);
  }
  if (!Number.isInteger(resolved.minUserHistory) || resolved.minUserHistory < 1) {
    throw new RangeError(`minUserHistory must be an integer >= 1, got ${resolved.minUserHistory}`);
  }
  return resolved;
}
