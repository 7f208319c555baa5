import { HOURS_PER_DAY, type AmountStats, type CategoryAmountStats, type FeaturePipelineState } from './state';

/**
 * Lookup tables derived from a state for fast transforms: smoothed hour and
 * category rarities precomputed per profile, Maps keyed by user id, category
 * and merchant. Always rebuilt from the state, so a loaded pipeline transforms
 * exactly like the one that was saved.
 */
export interface CompiledProfile {
  readonly amountCentre: number;
  readonly amountScale: number;
  /** Category index -> amount stats, only where there was enough data. */
  readonly categoryAmounts: ReadonlyMap<number, AmountStats>;
  /** -log p(hour), 24 entries. */
  readonly hourRarity: Float64Array;
  /** -log p(category) per known category; `unseenCategoryRarity` for categories outside the vocabulary. */
  readonly categoryRarity: Float64Array;
  readonly unseenCategoryRarity: number;
  /** 1 where the profile has used the category. */
  readonly categorySeen: Uint8Array;
}

export interface CompiledUser extends CompiledProfile {
  readonly homeLatitude: number;
  readonly homeLongitude: number;
  readonly merchants: ReadonlySet<number>;
}

export interface CompiledPipeline {
  readonly categoryIndex: ReadonlyMap<string, number>;
  readonly merchantIndex: ReadonlyMap<string, number>;
  readonly global: CompiledProfile;
  readonly typicalDistanceLogKm: number;
  readonly users: ReadonlyMap<string, CompiledUser>;
  readonly velocityWindowMs: number;
  readonly secondsSincePreviousCapSeconds: number;
}

export function compilePipeline(state: FeaturePipelineState): CompiledPipeline {
  const { hourSmoothing, categorySmoothing } = state.settings;
  const compileProfile = (profile: {
    amount: AmountStats;
    categoryAmounts: readonly CategoryAmountStats[];
    hourCounts: readonly number[];
    categoryCounts: readonly number[];
  }): CompiledProfile => {
    const { rarity, unseen } = categoryRarities(profile.categoryCounts, categorySmoothing);
    return {
      amountCentre: profile.amount.centre,
      amountScale: profile.amount.scale,
      categoryAmounts: new Map(profile.categoryAmounts.map((c) => [c.category, c])),
      hourRarity: hourRarities(profile.hourCounts, hourSmoothing),
      categoryRarity: rarity,
      unseenCategoryRarity: unseen,
      categorySeen: Uint8Array.from(profile.categoryCounts, (n) => (n > 0 ? 1 : 0)),
    };
  };
  const users = new Map<string, CompiledUser>();
  for (const user of state.users) {
    users.set(user.userId, {
      ...compileProfile(user),
      homeLatitude: user.homeLatitude,
      homeLongitude: user.homeLongitude,
      merchants: new Set(user.merchants),
    });
  }
  return {
    categoryIndex: new Map(state.categories.map((c, i) => [c, i])),
    merchantIndex: new Map(state.merchants.map((m, i) => [m, i])),
    global: compileProfile(state.global),
    typicalDistanceLogKm: state.global.typicalDistanceLogKm,
    users,
    velocityWindowMs: state.options.velocityWindowMinutes * 60_000,
    secondsSincePreviousCapSeconds: state.settings.secondsSincePreviousCapSeconds,
  };
}

/**
 * -log p(hour): each count is spread 1/4, 1/2, 1/4 over its hour and the two
 * neighbours (midnight wraps), then a pseudo-count is added to every bin, so
 * 13:05 after a history of 12:55s is not "never seen".
 */
export function hourRarities(counts: readonly number[], pseudoCount: number): Float64Array {
  let total = 0;
  for (const n of counts) total += n;
  const denominator = total + HOURS_PER_DAY * pseudoCount;
  const rarity = new Float64Array(HOURS_PER_DAY);
  for (let h = 0; h < HOURS_PER_DAY; h++) {
    const previous = counts[(h + HOURS_PER_DAY - 1) % HOURS_PER_DAY];
    const next = counts[(h + 1) % HOURS_PER_DAY];
    const spread = 0.25 * previous + 0.5 * counts[h] + 0.25 * next;
    rarity[h] = -Math.log((spread + pseudoCount) / denominator);
  }
  return rarity;
}

/** -log of Laplace-smoothed category frequencies, with one extra slot for categories never seen. */
export function categoryRarities(
  counts: readonly number[],
  pseudoCount: number,
): { rarity: Float64Array; unseen: number } {
  let total = 0;
  for (const n of counts) total += n;
  const denominator = total + (counts.length + 1) * pseudoCount;
  return {
    rarity: Float64Array.from(counts, (n) => -Math.log((n + pseudoCount) / denominator)),
    unseen: -Math.log(pseudoCount / denominator),
  };
}
