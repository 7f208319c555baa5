import { FEATURE_INDEX, FEATURE_NAMES, type FeatureName } from './feature-names';
import { FEATURE_SETTINGS } from './fit';
import { haversineKm } from '@tethys/finance-math';
import { TransactionFeaturePipeline } from './pipeline';
import type { Transaction } from './transaction';
import type { FeatureMatrix } from './transform';

const T0 = Date.parse('2024-01-10T12:00:00Z');
const MINUTE = 60_000;
let counter = 0;

function tx(fields: Partial<Transaction>): Transaction {
  counter++;
  return {
    transactionId: `t${counter}`,
    userId: 'alice',
    timestamp: T0,
    amount: 10,
    merchant: 'Corner Shop',
    merchantCategory: 'groceries',
    latitude: 0,
    longitude: 0,
    ...fields,
  };
}

function value(matrix: FeatureMatrix, row: number, name: FeatureName): number {
  return matrix.data[row * matrix.cols + FEATURE_INDEX[name]];
}

/** Alice: 5 groceries at (0, 0), 12:00 each day, amounts with log1p = 1..5. Bob: 5 fuel, 2 groceries. */
function history(): Transaction[] {
  const alice = [1, 2, 3, 4, 5].map((k, day) =>
    tx({ amount: Math.expm1(k), timestamp: T0 - (day + 1) * 86_400_000 }),
  );
  const bob = [
    ...[30, 40, 50, 60, 70].map((amount, day) =>
      tx({ userId: 'bob', amount, merchant: 'Fuel Stop', merchantCategory: 'fuel', latitude: 10, longitude: 10, timestamp: T0 - day * 3_600_000 }),
    ),
    tx({ userId: 'bob', amount: 20, merchant: 'Bob Market', latitude: 10, longitude: 10 }),
    tx({ userId: 'bob', amount: 22, merchant: 'Bob Market', latitude: 10, longitude: 10 }),
  ];
  const carol = [tx({ userId: 'carol', amount: 99, merchant: 'Rare Shop', merchantCategory: 'jewelry' })];
  return [...alice, ...bob, ...carol];
}

describe('TransactionFeaturePipeline: hand-checked features', () => {
  const pipeline = new TransactionFeaturePipeline().fit(history());

  it('names its columns and returns a row-major matrix in input order', () => {
    const m = pipeline.transform([tx({ amount: 5 }), tx({ amount: 7 })]);
    expect(m.names).toEqual([...FEATURE_NAMES]);
    expect(pipeline.featureNames).toEqual(FEATURE_NAMES);
    expect(m.rows).toBe(2);
    expect(m.cols).toBe(FEATURE_NAMES.length);
    expect(m.data).toHaveLength(2 * FEATURE_NAMES.length);
    expect(value(m, 0, 'amount_log')).toBe(Math.log1p(5));
    expect(value(m, 1, 'amount_log')).toBe(Math.log1p(7));
  });

  it('measures great-circle distance from home in km', () => {
    // One degree of longitude on the equator: 2 pi R / 360.
    expect(haversineKm(0, 0, 0, 1)).toBeCloseTo((2 * Math.PI * 6371.0088) / 360, 6);
    // New York - London, about 5570 km.
    expect(Math.abs(haversineKm(40.7128, -74.006, 51.5074, -0.1278) - 5570)).toBeLessThan(5);
    const m = pipeline.transform([tx({ latitude: 0, longitude: 1 }), tx({})]);
    expect(value(m, 0, 'distance_from_home_log_km')).toBeCloseTo(Math.log1p(111.19508), 5);
    expect(value(m, 1, 'distance_from_home_log_km')).toBe(0);
  });

  it('computes the robust z of log1p(amount) against the user (median 3, MAD 1 x 1.4826)', () => {
    const m = pipeline.transform([tx({ amount: Math.expm1(6) }), tx({ amount: Math.expm1(3) })]);
    expect(value(m, 0, 'amount_robust_z_user')).toBeCloseTo(3 / 1.482602218505602, 10);
    expect(value(m, 1, 'amount_robust_z_user')).toBeCloseTo(0, 10);
    // All of Alice's history is groceries: her category stats equal her overall stats.
    expect(value(m, 0, 'amount_robust_z_user_category')).toBeCloseTo(3 / 1.482602218505602, 10);
  });

  it('falls back to the global category stats when the user has too few rows in the category', () => {
    // Bob has 2 groceries (< 5): groceries stats come from everyone (Alice's 5 + Bob's 2).
    const groceries = [1, 2, 3, 4, 5].map((k) => k).concat([Math.log1p(20), Math.log1p(22)]).sort((a, b) => a - b);
    const centre = groceries[3];
    const deviations = groceries.map((v) => Math.abs(v - centre)).sort((a, b) => a - b);
    const scale = deviations[3] * 1.482602218505602;
    const m = pipeline.transform([tx({ userId: 'bob', amount: 100, latitude: 10, longitude: 10 })]);
    expect(value(m, 0, 'amount_robust_z_user_category')).toBeCloseTo((Math.log1p(100) - centre) / scale, 10);
  });

  it('floors the amount scale for users who always pay the same', () => {
    const same = [1, 2, 3, 4, 5].map((d) => tx({ userId: 'dave', amount: 9.99, timestamp: T0 - d * 86_400_000 }));
    const m = new TransactionFeaturePipeline().fit(same).transform([tx({ userId: 'dave', amount: Math.expm1(Math.log1p(9.99) + 0.5) })]);
    expect(value(m, 0, 'amount_robust_z_user')).toBeCloseTo(0.5 / FEATURE_SETTINGS.amountScaleFloor, 8);
  });

  it('flags new categories and new merchants for the user, with smoothed rarity', () => {
    const m = pipeline.transform([
      tx({}),
      tx({ merchant: 'Another Shop' }),
      tx({ merchantCategory: 'fuel', merchant: 'Fuel Stop' }),
      tx({ merchantCategory: 'crypto_exchange', merchant: 'CoinVault' }),
    ]);
    expect([0, 1, 2, 3].map((r) => value(m, r, 'category_new_for_user'))).toEqual([0, 0, 1, 1]);
    // 'Fuel Stop' is Bob's merchant: still new for Alice.
    expect([0, 1, 2, 3].map((r) => value(m, r, 'merchant_new_for_user'))).toEqual([0, 1, 1, 1]);
    // Vocabulary: fuel, groceries, jewelry (3) + 1 unseen slot, pseudo-count 1: Alice has 5 groceries.
    const denominator = 5 + 4;
    expect(value(m, 0, 'category_rarity_user')).toBeCloseTo(-Math.log(6 / denominator), 12);
    expect(value(m, 2, 'category_rarity_user')).toBeCloseTo(-Math.log(1 / denominator), 12);
    expect(value(m, 3, 'category_rarity_user')).toBeCloseTo(-Math.log(1 / denominator), 12);
  });

  it('scores hours against the smoothed hour histogram', () => {
    // Alice's 5 rows are all at 12:xx: bin 12 gets 2.5, bins 11 and 13 get 1.25, plus 0.5 each.
    const m = pipeline.transform([tx({ timestamp: T0 + 30 * MINUTE }), tx({ timestamp: T0 + 60 * MINUTE }), tx({ timestamp: T0 - 9 * 3_600_000 })]);
    const denominator = 5 + 24 * 0.5;
    expect(value(m, 0, 'hour_rarity_user')).toBeCloseTo(-Math.log(3 / denominator), 12);
    expect(value(m, 1, 'hour_rarity_user')).toBeCloseTo(-Math.log(1.75 / denominator), 12);
    expect(value(m, 2, 'hour_rarity_user')).toBeCloseTo(-Math.log(0.5 / denominator), 12);
  });

  it('counts the same user earlier transactions in the window, within the batch only', () => {
    const minutes = [75, 0, 30, 10, 70];
    const batch = minutes.map((m) => tx({ timestamp: T0 + m * MINUTE, amount: m + 1 }));
    // Another user's rows in between must not count.
    batch.splice(2, 0, tx({ userId: 'bob', timestamp: T0 + 20 * MINUTE }), tx({ userId: 'bob', timestamp: T0 + 25 * MINUTE }));
    const m = new TransactionFeaturePipeline({ velocityWindowMinutes: 60 }).fit(history()).transform(batch);
    const byMinute = new Map(minutes.map((minute) => [minute, batch.findIndex((t) => t.userId === 'alice' && t.timestamp === T0 + minute * MINUTE)]));
    const count = (minute: number) => value(m, byMinute.get(minute) as number, 'velocity_count_window');
    const sum = (minute: number) => value(m, byMinute.get(minute) as number, 'velocity_amount_window');
    const gap = (minute: number) => value(m, byMinute.get(minute) as number, 'seconds_since_previous_user_tx_log');
    // Window (t - 60 min, t]: at 70 the row at 10 is exactly 60 min old and drops out.
    expect([0, 10, 30, 70, 75].map(count)).toEqual([0, 1, 2, 1, 2]);
    expect(sum(0)).toBe(0);
    expect(sum(30)).toBeCloseTo(Math.log1p(1) + Math.log1p(11), 12);
    expect(sum(75)).toBeCloseTo(Math.log1p(31) + Math.log1p(71), 12);
    expect(gap(0)).toBeCloseTo(Math.log1p(FEATURE_SETTINGS.secondsSincePreviousCapSeconds), 12);
    expect(gap(10)).toBeCloseTo(Math.log1p(600), 12);
    expect(gap(75)).toBeCloseTo(Math.log1p(300), 12);
    const bobSecond = batch.findIndex((t) => t.userId === 'bob' && t.timestamp === T0 + 25 * MINUTE);
    expect(value(m, bobSecond, 'velocity_count_window')).toBe(1);
  });

  it('gives a row the same velocity features alone with its context as inside a larger batch', () => {
    const context = [tx({ timestamp: T0 }), tx({ timestamp: T0 + 5 * MINUTE, amount: 33 })];
    const noise = Array.from({ length: 50 }, (_, i) => tx({ userId: `x${i}`, timestamp: T0 + i * MINUTE, amount: 1000 + i }));
    const alone = pipeline.transform(context);
    const mixed = pipeline.transform([...noise, ...context]);
    const cols = alone.cols;
    expect(Array.from(mixed.data.subarray((noise.length + 1) * cols))).toEqual(Array.from(alone.data.subarray(cols)));
  });
});

describe('TransactionFeaturePipeline: unknown users', () => {
  const pipeline = new TransactionFeaturePipeline().fit(history());
  const state = pipeline.toJSON();

  it('uses the global profile and user_known = 0 for users never seen', () => {
    const m = pipeline.transform([tx({ userId: 'zoe', amount: 50, latitude: 48, longitude: 2 }), tx({})]);
    expect(value(m, 0, 'user_known')).toBe(0);
    expect(value(m, 1, 'user_known')).toBe(1);
    expect(value(m, 0, 'amount_robust_z_user')).toBeCloseTo(
      (Math.log1p(50) - state.global.amount.centre) / state.global.amount.scale,
      12,
    );
    expect(value(m, 0, 'distance_from_home_log_km')).toBe(state.global.typicalDistanceLogKm);
    // "Corner Shop" and groceries are known to the population: not new for an unknown user.
    expect(value(m, 0, 'merchant_new_for_user')).toBe(0);
    expect(value(m, 0, 'category_new_for_user')).toBe(0);
  });

  it('treats users below minUserHistory as unknown (carol has 1 row)', () => {
    expect(state.users.map((u) => u.userId)).toEqual(['alice', 'bob']);
    const m = pipeline.transform([tx({ userId: 'carol', merchantCategory: 'jewelry', merchant: 'Rare Shop' })]);
    expect(value(m, 0, 'user_known')).toBe(0);
    const lenient = new TransactionFeaturePipeline({ minUserHistory: 1 }).fit(history());
    expect(value(lenient.transform([tx({ userId: 'carol' })]), 0, 'user_known')).toBe(1);
  });

  it('keeps every feature finite, also for extreme inputs', () => {
    const m = pipeline.transform([
      tx({ userId: 'nobody', amount: 0, merchantCategory: 'never-seen', merchant: '' }),
      tx({ amount: 1e12, latitude: -90, longitude: 180, timestamp: -1 }),
    ]);
    expect(Array.from(m.data).every(Number.isFinite)).toBe(true);
  });
});

describe('TransactionFeaturePipeline: lifecycle and validation', () => {
  it('refuses to transform before fit', () => {
    const pipeline = new TransactionFeaturePipeline();
    expect(pipeline.isFitted).toBe(false);
    expect(() => pipeline.transform([tx({})])).toThrow(/not fitted/);
    expect(() => pipeline.toJSON()).toThrow(/not fitted/);
    pipeline.fit(history());
    expect(pipeline.isFitted).toBe(true);
  });

  it.each([
    [{ velocityWindowMinutes: 0 }, /velocityWindowMinutes/],
    [{ velocityWindowMinutes: Number.NaN }, /velocityWindowMinutes/],
    [{ minUserHistory: 0 }, /minUserHistory/],
    [{ minUserHistory: 2.5 }, /minUserHistory/],
    [{ minHistory: 3 } as never, /unknown option "minHistory"/],
  ])('rejects options %j with a RangeError naming the option', (options, message) => {
    expect(() => new TransactionFeaturePipeline(options)).toThrow(RangeError);
    expect(() => new TransactionFeaturePipeline(options)).toThrow(message);
  });

  it('uses documented defaults', () => {
    expect(new TransactionFeaturePipeline().options).toEqual({ velocityWindowMinutes: 60, minUserHistory: 5 });
  });

  it('rejects bad transactions, naming position, id and field', () => {
    const pipeline = new TransactionFeaturePipeline().fit(history());
    expect(() => pipeline.transform([tx({}), tx({ transactionId: 'bad1', amount: -3 })])).toThrow(
      /transform: transaction 1 \(bad1\): amount must be a finite number >= 0/,
    );
    expect(() => pipeline.transform([tx({ latitude: 91 })])).toThrow(/latitude must be in \[-90, 90\]/);
    expect(() => new TransactionFeaturePipeline().fit([])).toThrow(/history is empty/);
    expect(() => new TransactionFeaturePipeline().fit([tx({ timestamp: Number.NaN })])).toThrow(/fit: .*timestamp/);
  });
});
