import type { CompiledPipeline, CompiledProfile } from './compiled-profiles';
import { FEATURE_INDEX, FEATURE_NAMES } from './feature-names';
import { haversineKm } from '@tethys/finance-math';
import { hourOfDay } from './time';
import { assertValidTransaction, type Transaction } from './transaction';

/** Row-major feature matrix: value (r, c) is `data[r * cols + c]`. */
export interface FeatureMatrix {
  rows: number;
  cols: number;
  data: Float64Array;
  names: string[];
}

const COLS = FEATURE_NAMES.length;
// Alias: global lookups are very slow inside jest's vm sandbox (see geo.ts).
const { log1p, min } = Math;
// Column offsets as plain numbers (the hot loop indexes with these).
const AMOUNT_LOG = FEATURE_INDEX.amount_log;
const AMOUNT_Z_USER = FEATURE_INDEX.amount_robust_z_user;
const AMOUNT_Z_USER_CATEGORY = FEATURE_INDEX.amount_robust_z_user_category;
const HOUR_RARITY = FEATURE_INDEX.hour_rarity_user;
const CATEGORY_RARITY = FEATURE_INDEX.category_rarity_user;
const CATEGORY_NEW = FEATURE_INDEX.category_new_for_user;
const MERCHANT_NEW = FEATURE_INDEX.merchant_new_for_user;
const DISTANCE = FEATURE_INDEX.distance_from_home_log_km;
const VELOCITY_COUNT = FEATURE_INDEX.velocity_count_window;
const VELOCITY_AMOUNT = FEATURE_INDEX.velocity_amount_window;
const SINCE_PREVIOUS = FEATURE_INDEX.seconds_since_previous_user_tx_log;
const USER_KNOWN = FEATURE_INDEX.user_known;

/**
 * Computes the feature matrix for `txs`, rows in the given order.
 *
 * Profile features compare each transaction with its user's fitted profile
 * (or the global one for unknown users). Velocity features
 * (velocity_count_window, velocity_amount_window,
 * seconds_since_previous_user_tx_log) look only at the same user's other
 * transactions *in this batch*: to score a new transaction in context, pass
 * it together with the user's recent transactions.
 */
export function transformTransactions(model: CompiledPipeline, txs: readonly Transaction[]): FeatureMatrix {
  if (!Array.isArray(txs)) throw new TypeError('transform: txs must be an array of transactions');
  const n = txs.length;
  const data = new Float64Array(n * COLS);
  const logAmount = new Float64Array(n);
  for (let r = 0; r < n; r++) {
    const tx = txs[r];
    assertValidTransaction(tx, r, 'transform');
    logAmount[r] = log1p(tx.amount);
    writeProfileFeatures(model, tx, logAmount[r], data, r * COLS);
  }
  writeVelocityFeatures(model, txs, logAmount, data);
  return { rows: n, cols: COLS, data, names: [...FEATURE_NAMES] };
}

function writeProfileFeatures(
  model: CompiledPipeline,
  tx: Transaction,
  logAmount: number,
  data: Float64Array,
  offset: number,
): void {
  const user = model.users.get(tx.userId);
  const profile: CompiledProfile = user ?? model.global;
  const category = model.categoryIndex.get(tx.merchantCategory);

  data[offset + AMOUNT_LOG] = logAmount;
  data[offset + AMOUNT_Z_USER] = (logAmount - profile.amountCentre) / profile.amountScale;
  // Category amount stats: the user's own, else everyone's for the category, else the user's overall.
  const categoryStats =
    category === undefined
      ? undefined
      : (profile.categoryAmounts.get(category) ?? model.global.categoryAmounts.get(category));
  data[offset + AMOUNT_Z_USER_CATEGORY] = categoryStats
    ? (logAmount - categoryStats.centre) / categoryStats.scale
    : (logAmount - profile.amountCentre) / profile.amountScale;
  data[offset + HOUR_RARITY] = profile.hourRarity[hourOfDay(tx.timestamp)];
  data[offset + CATEGORY_RARITY] =
    category === undefined ? profile.unseenCategoryRarity : profile.categoryRarity[category];
  data[offset + CATEGORY_NEW] = category === undefined || profile.categorySeen[category] === 0 ? 1 : 0;

  const merchant = model.merchantIndex.get(tx.merchant);
  if (user) {
    data[offset + MERCHANT_NEW] = merchant === undefined || !user.merchants.has(merchant) ? 1 : 0;
    data[offset + DISTANCE] = log1p(
      haversineKm(user.homeLatitude, user.homeLongitude, tx.latitude, tx.longitude),
    );
    data[offset + USER_KNOWN] = 1;
  } else {
    // Unknown user: "new" means new to everyone; distance has no home, so it is imputed with the typical value.
    data[offset + MERCHANT_NEW] = merchant === undefined ? 1 : 0;
    data[offset + DISTANCE] = model.typicalDistanceLogKm;
    data[offset + USER_KNOWN] = 0;
  }
}

/**
 * Groups the batch by user (counting sort), orders each user's rows by
 * (timestamp, position) and walks them with a sliding window.
 */
function writeVelocityFeatures(
  model: CompiledPipeline,
  txs: readonly Transaction[],
  logAmount: Float64Array,
  data: Float64Array,
): void {
  const n = txs.length;
  const userKey = new Int32Array(n);
  const time = new Float64Array(n);
  const keys = new Map<string, number>();
  for (let r = 0; r < n; r++) {
    const tx = txs[r];
    let key = keys.get(tx.userId);
    if (key === undefined) {
      key = keys.size;
      keys.set(tx.userId, key);
    }
    userKey[r] = key;
    time[r] = tx.timestamp;
  }
  const start = new Int32Array(keys.size + 1);
  for (let r = 0; r < n; r++) start[userKey[r] + 1]++;
  for (let u = 0; u < keys.size; u++) start[u + 1] += start[u];
  const next = start.slice(0, keys.size);
  const order = new Int32Array(n);
  for (let r = 0; r < n; r++) order[next[userKey[r]]++] = r;

  const cap = model.secondsSincePreviousCapSeconds;
  const window = model.velocityWindowMs;
  const byTimeThenPosition = (a: number, b: number) => time[a] - time[b] || a - b;
  for (let u = 0; u < keys.size; u++) {
    const begin = start[u];
    const end = start[u + 1];
    order.subarray(begin, end).sort(byTimeThenPosition);
    let left = begin;
    for (let k = begin; k < end; k++) {
      const r = order[k];
      const t = time[r];
      // Window (t - window, t]: this user's earlier rows less than `window` ms before.
      while (time[order[left]] <= t - window) left++;
      // Summed directly (windows hold a handful of rows), so a row's value does not depend
      // on what else is in the batch: scoring a row with its recent context or inside a
      // large batch gives the same bits.
      let amountSum = 0;
      for (let j = left; j < k; j++) amountSum += logAmount[order[j]];
      const offset = r * COLS;
      data[offset + VELOCITY_COUNT] = k - left;
      data[offset + VELOCITY_AMOUNT] = amountSum;
      const gapSeconds = k === begin ? cap : min(cap, (t - time[order[k - 1]]) / 1000);
      data[offset + SINCE_PREVIOUS] = log1p(gapSeconds);
    }
  }
}
