import { z } from 'zod';
import { FEATURE_NAMES } from './feature-names';

/**
 * The fitted pipeline as plain JSON. Objects are built with a fixed key order,
 * users are sorted by id, categories and merchants are sorted vocabularies and
 * per-user counts/merchant sets refer to them by index, so `JSON.stringify` of
 * a state is deterministic. Amount statistics are on log1p(amount).
 */
export const FEATURE_PIPELINE_STATE_FORMAT = 'tethys.transaction-feature-pipeline';
export const FEATURE_PIPELINE_STATE_VERSION = 1;
export const HOURS_PER_DAY = 24;

const count = z.number().int().nonnegative();
const finite = z.number();
const positive = z.number().positive();

const amountStatsSchema = z.strictObject({ count, centre: finite, scale: positive });

const categoryAmountStatsSchema = z.strictObject({ category: z.number().int().nonnegative(), count, centre: finite, scale: positive });

const hourCountsSchema = z.array(count).length(HOURS_PER_DAY);

const userProfileSchema = z.strictObject({
  userId: z.string().min(1),
  amount: amountStatsSchema,
  /** Only categories with at least minUserHistory transactions; sorted by category index. */
  categoryAmounts: z.array(categoryAmountStatsSchema),
  homeLatitude: z.number().min(-90).max(90),
  homeLongitude: z.number().min(-180).max(180),
  hourCounts: hourCountsSchema,
  /** Aligned with `categories`. */
  categoryCounts: z.array(count),
  /** Sorted indices into `merchants`. */
  merchants: z.array(z.number().int().nonnegative()),
});

const globalProfileSchema = z.strictObject({
  amount: amountStatsSchema,
  categoryAmounts: z.array(categoryAmountStatsSchema),
  hourCounts: hourCountsSchema,
  categoryCounts: z.array(count),
  /** Imputed distance feature for unknown users: median log1p(km from home) over known users' training rows. */
  typicalDistanceLogKm: z.number().nonnegative(),
});

export const featurePipelineStateSchema = z.strictObject({
  format: z.literal(FEATURE_PIPELINE_STATE_FORMAT),
  version: z.literal(FEATURE_PIPELINE_STATE_VERSION),
  options: z.strictObject({
    velocityWindowMinutes: positive,
    minUserHistory: z.number().int().min(1),
  }),
  settings: z.strictObject({
    amountScaleFloor: positive,
    hourSmoothing: positive,
    categorySmoothing: positive,
    secondsSincePreviousCapSeconds: positive,
  }),
  featureNames: z.array(z.string()),
  categories: z.array(z.string().min(1)),
  merchants: z.array(z.string()),
  global: globalProfileSchema,
  users: z.array(userProfileSchema),
});

export type AmountStats = z.infer<typeof amountStatsSchema>;
export type CategoryAmountStats = z.infer<typeof categoryAmountStatsSchema>;
export type UserProfileState = z.infer<typeof userProfileSchema>;
export type GlobalProfileState = z.infer<typeof globalProfileSchema>;
export type FeaturePipelineState = z.infer<typeof featurePipelineStateSchema>;

/** A saved pipeline state that is malformed or inconsistent; `path` names the offending field. */
export class FeaturePipelineStateError extends Error {
  override readonly name = 'FeaturePipelineStateError';
  constructor(
    message: string,
    readonly path: string,
  ) {
    super(message);
  }
}

/** Validates the shape (zod) and the cross-references (indices, lengths, ordering). */
export function parseFeaturePipelineState(input: unknown): FeaturePipelineState {
  const result = featurePipelineStateSchema.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0];
    const path = issue.path.map(String).join('.') || '(root)';
    const detail = issue.code === 'unrecognized_keys' ? `unknown key "${issue.keys[0]}"` : issue.message;
    throw new FeaturePipelineStateError(`invalid feature pipeline state at ${path}: ${detail}`, path);
  }
  checkConsistency(result.data);
  return result.data;
}

function checkConsistency(state: FeaturePipelineState): void {
  const fail = (path: string, message: string): never => {
    throw new FeaturePipelineStateError(`invalid feature pipeline state at ${path}: ${message}`, path);
  };
  if (state.featureNames.join(',') !== FEATURE_NAMES.join(',')) {
    fail('featureNames', `saved features [${state.featureNames.join(', ')}] differ from this version's [${FEATURE_NAMES.join(', ')}]`);
  }
  assertStrictlySorted(state.categories, 'categories', fail);
  assertStrictlySorted(state.merchants, 'merchants', fail);
  const categoryCount = state.categories.length;
  const checkCategoryAmounts = (list: readonly CategoryAmountStats[], path: string) => {
    list.forEach((entry, i) => {
      if (entry.category >= categoryCount) fail(`${path}.${i}.category`, `index ${entry.category} out of range`);
      if (i > 0 && entry.category <= list[i - 1].category) fail(`${path}.${i}.category`, 'not sorted');
    });
  };
  if (state.global.categoryCounts.length !== categoryCount) {
    fail('global.categoryCounts', `expected ${categoryCount} entries, got ${state.global.categoryCounts.length}`);
  }
  checkCategoryAmounts(state.global.categoryAmounts, 'global.categoryAmounts');
  state.users.forEach((user, u) => {
    const path = `users.${u}`;
    if (u > 0 && user.userId <= state.users[u - 1].userId) fail(`${path}.userId`, 'users must be sorted by unique userId');
    if (user.categoryCounts.length !== categoryCount) {
      fail(`${path}.categoryCounts`, `expected ${categoryCount} entries, got ${user.categoryCounts.length}`);
    }
    checkCategoryAmounts(user.categoryAmounts, `${path}.categoryAmounts`);
    user.merchants.forEach((m, i) => {
      if (m >= state.merchants.length) fail(`${path}.merchants.${i}`, `index ${m} out of range`);
      if (i > 0 && m <= user.merchants[i - 1]) fail(`${path}.merchants.${i}`, 'not sorted');
    });
  });
}

function assertStrictlySorted(values: readonly string[], path: string, fail: (path: string, message: string) => never): void {
  for (let i = 1; i < values.length; i++) {
    if (!(values[i - 1] < values[i])) fail(`${path}.${i}`, 'must be sorted and unique');
  }
}
