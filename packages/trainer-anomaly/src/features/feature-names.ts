/**
 * The feature columns, in matrix order. Changing this list changes the saved
 * state's `featureNames`, so an old pipeline is refused instead of silently
 * producing shifted columns.
 */
export const FEATURE_NAMES = [
  /** log1p(amount). */
  'amount_log',
  /** (log1p(amount) - user median) / user MAD (normal-scaled, floored). */
  'amount_robust_z_user',
  /** The same against the user's own statistics for this category (fallbacks: global category, then user). */
  'amount_robust_z_user_category',
  /** -log of the user's smoothed probability of this hour of day (UTC hour). */
  'hour_rarity_user',
  /** -log of the user's Laplace-smoothed frequency of this category. */
  'category_rarity_user',
  /** 1 when the user never used this category in training. */
  'category_new_for_user',
  /** 1 when the user never paid this merchant in training. */
  'merchant_new_for_user',
  /** log1p(haversine km from the user's home = median training location). */
  'distance_from_home_log_km',
  /** The same user's earlier transactions in the batch within the velocity window. */
  'velocity_count_window',
  /** Sum of log1p(amount) of those transactions. */
  'velocity_amount_window',
  /** log1p(seconds since the same user's previous transaction in the batch), capped. */
  'seconds_since_previous_user_tx_log',
  /** 1 when the user had at least minUserHistory training transactions. */
  'user_known',
] as const;

export type FeatureName = (typeof FEATURE_NAMES)[number];

/** Column index of each feature. */
export const FEATURE_INDEX: Readonly<Record<FeatureName, number>> = Object.fromEntries(
  FEATURE_NAMES.map((name, i) => [name, i]),
) as Record<FeatureName, number>;
