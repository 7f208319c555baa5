import { FEATURE_NAMES } from './feature-names';
import { haversineKm, median, medianAbsoluteDeviation } from '@tethys/finance-math';
import type { FeaturePipelineOptions } from './options';
import {
  FEATURE_PIPELINE_STATE_FORMAT,
  FEATURE_PIPELINE_STATE_VERSION,
  HOURS_PER_DAY,
  type AmountStats,
  type CategoryAmountStats,
  type FeaturePipelineState,
  type UserProfileState,
} from './state';
import { hourOfDay } from './time';
import { assertValidTransaction, type Transaction } from './transaction';

/**
 * Fixed modelling choices, saved in the state so a loaded pipeline keeps them
 * even if these defaults change later.
 */
export const FEATURE_SETTINGS = {
  /** Floor for the MAD of log1p(amount): a user who always pays the same price must not get a zero scale. */
  amountScaleFloor: 0.1,
  /** Pseudo-count per hour bin, added after spreading each count over its neighbouring hours. */
  hourSmoothing: 0.5,
  /** Laplace pseudo-count per category (plus one slot for categories never seen). */
  categorySmoothing: 1,
  /** seconds_since_previous_user_tx is capped here (a week); a user's first transaction in a batch gets the cap. */
  secondsSincePreviousCapSeconds: 7 * 24 * 3600,
} as const;

// Alias: global lookups are very slow inside jest's vm sandbox (see geo.ts).
const { log1p } = Math;

/** Per-row columns of the history, as typed arrays. */
interface HistoryColumns {
  readonly userKey: Int32Array;
  readonly categoryOf: Int32Array;
  readonly merchantOf: Int32Array;
  readonly hourOf: Uint8Array;
  readonly logAmount: Float64Array;
}

/**
 * Learns the per-user and global profiles from training history. Rows are
 * grouped once by (user, category) with a counting sort, so every statistic
 * reads a contiguous slice. All statistics are order-independent: the same
 * history in any order gives the same state.
 */
export function fitFeatureState(history: readonly Transaction[], options: FeaturePipelineOptions): FeaturePipelineState {
  if (!Array.isArray(history)) throw new TypeError('fit: history must be an array of transactions');
  const n = history.length;
  if (n === 0) throw new RangeError('fit: history is empty; need at least one transaction');
  for (let i = 0; i < n; i++) assertValidTransaction(history[i], i, 'fit');

  const userIds = sortedUnique(history, (tx) => tx.userId);
  const categories = sortedUnique(history, (tx) => tx.merchantCategory);
  const merchants = sortedUnique(history, (tx) => tx.merchant);
  const columns = historyColumns(history, userIds, categories, merchants);
  const categoryCount = categories.length;
  const minCount = options.minUserHistory;

  // Global profile: rows grouped by category.
  const byCategory = groupRows(columns.categoryOf, categoryCount);
  const globalLog = gather(columns.logAmount, byCategory.order);
  const global = {
    amount: robustStats(globalLog),
    categoryAmounts: categoryAmountStats(globalLog, byCategory.start, 0, minCount),
    hourCounts: hourCounts(columns.hourOf, byCategory.order, 0, n),
    categoryCounts: Array.from({ length: categoryCount }, (_, c) => byCategory.start[c + 1] - byCategory.start[c]),
    typicalDistanceLogKm: 0,
  };

  // Users: rows grouped by (user, category); a user's rows are one contiguous run.
  const pairKey = new Int32Array(n);
  for (let i = 0; i < n; i++) pairKey[i] = columns.userKey[i] * categoryCount + columns.categoryOf[i];
  const byUser = groupRows(pairKey, userIds.length * categoryCount);
  const userLog = gather(columns.logAmount, byUser.order);
  const latitude = gather(Float64Array.from(history, (tx) => tx.latitude), byUser.order);
  const longitude = gather(Float64Array.from(history, (tx) => tx.longitude), byUser.order);
  const distances = new Float64Array(n);
  let distanceCount = 0;

  const users: UserProfileState[] = [];
  for (let u = 0; u < userIds.length; u++) {
    const begin = byUser.start[u * categoryCount];
    const end = byUser.start[(u + 1) * categoryCount];
    // Thin histories give unstable profiles: those users fall back to the global profile.
    if (end - begin < minCount) continue;
    const homeLatitude = median(latitude.subarray(begin, end));
    const homeLongitude = median(longitude.subarray(begin, end));
    for (let j = begin; j < end; j++) {
      distances[distanceCount++] = log1p(haversineKm(homeLatitude, homeLongitude, latitude[j], longitude[j]));
    }
    const seenMerchants = new Set<number>();
    for (let j = begin; j < end; j++) seenMerchants.add(columns.merchantOf[byUser.order[j]]);
    users.push({
      userId: userIds[u],
      amount: robustStats(userLog.subarray(begin, end)),
      categoryAmounts: categoryAmountStats(userLog, byUser.start, u * categoryCount, minCount, categoryCount),
      homeLatitude,
      homeLongitude,
      hourCounts: hourCounts(columns.hourOf, byUser.order, begin, end),
      categoryCounts: Array.from(
        { length: categoryCount },
        (_, c) => byUser.start[u * categoryCount + c + 1] - byUser.start[u * categoryCount + c],
      ),
      merchants: [...seenMerchants].sort((a, b) => a - b),
    });
  }
  if (distanceCount > 0) global.typicalDistanceLogKm = median(distances.subarray(0, distanceCount));

  return {
    format: FEATURE_PIPELINE_STATE_FORMAT,
    version: FEATURE_PIPELINE_STATE_VERSION,
    options: { velocityWindowMinutes: options.velocityWindowMinutes, minUserHistory: options.minUserHistory },
    settings: { ...FEATURE_SETTINGS },
    featureNames: [...FEATURE_NAMES],
    categories,
    merchants,
    global,
    users,
  };
}

function sortedUnique(history: readonly Transaction[], key: (tx: Transaction) => string): string[] {
  const seen = new Set<string>();
  for (let i = 0; i < history.length; i++) seen.add(key(history[i]));
  // Code-unit order: the same on every machine and locale.
  return [...seen].sort();
}

function historyColumns(
  history: readonly Transaction[],
  userIds: readonly string[],
  categories: readonly string[],
  merchants: readonly string[],
): HistoryColumns {
  const n = history.length;
  const userIndex = new Map(userIds.map((id, i) => [id, i]));
  const categoryIndex = new Map(categories.map((c, i) => [c, i]));
  const merchantIndex = new Map(merchants.map((m, i) => [m, i]));
  const columns = {
    userKey: new Int32Array(n),
    categoryOf: new Int32Array(n),
    merchantOf: new Int32Array(n),
    hourOf: new Uint8Array(n),
    logAmount: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    const tx = history[i];
    columns.userKey[i] = userIndex.get(tx.userId) as number;
    columns.categoryOf[i] = categoryIndex.get(tx.merchantCategory) as number;
    columns.merchantOf[i] = merchantIndex.get(tx.merchant) as number;
    columns.hourOf[i] = hourOfDay(tx.timestamp);
    columns.logAmount[i] = log1p(tx.amount);
  }
  return columns;
}

/** Counting sort of row indices by a small integer key: group g is order[start[g]..start[g+1]). */
function groupRows(key: Int32Array, groupCount: number): { order: Int32Array; start: Int32Array } {
  const start = new Int32Array(groupCount + 1);
  for (let i = 0; i < key.length; i++) start[key[i] + 1]++;
  for (let g = 0; g < groupCount; g++) start[g + 1] += start[g];
  const next = start.slice(0, groupCount);
  const order = new Int32Array(key.length);
  for (let i = 0; i < key.length; i++) order[next[key[i]]++] = i;
  return { order, start };
}

function gather(values: Float64Array, order: Int32Array): Float64Array {
  const out = new Float64Array(order.length);
  for (let j = 0; j < order.length; j++) out[j] = values[order[j]];
  return out;
}

/** Median and normal-scaled MAD of log1p(amount), the scale floored. */
function robustStats(values: Float64Array): AmountStats {
  const center = median(values);
  const mad = medianAbsoluteDeviation(values, { scale: 'normal', center });
  return { count: values.length, centre: center, scale: mad > FEATURE_SETTINGS.amountScaleFloor ? mad : FEATURE_SETTINGS.amountScaleFloor };
}

/** Stats for each category group with at least `minCount` rows; groups are start[first + c]..start[first + c + 1]. */
function categoryAmountStats(
  groupedLog: Float64Array,
  start: Int32Array,
  first: number,
  minCount: number,
  categoryCount = start.length - 1,
): CategoryAmountStats[] {
  const stats: CategoryAmountStats[] = [];
  for (let c = 0; c < categoryCount; c++) {
    const begin = start[first + c];
    const end = start[first + c + 1];
    if (end - begin < minCount) continue;
    stats.push({ category: c, ...robustStats(groupedLog.subarray(begin, end)) });
  }
  return stats;
}

function hourCounts(hourOf: Uint8Array, order: Int32Array, begin: number, end: number): number[] {
  const counts = new Array<number>(HOURS_PER_DAY).fill(0);
  for (let j = begin; j < end; j++) counts[hourOf[order[j]]]++;
  return counts;
}
