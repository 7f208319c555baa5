// Test-only use of the workspace's transaction generator: it is the only labelled
// transaction data there is. Production code in this package never imports a tool.
import { generateTransactions, type AnomalyType, type GeneratedTransactions } from '@tethys/transactions-generator';
import { createRng } from '@tethys/data';
import { FEATURE_INDEX, type FeatureName } from './feature-names';
import { TransactionFeaturePipeline } from './pipeline';
import type { Transaction } from './transaction';
import type { FeatureMatrix } from './transform';

let generated: GeneratedTransactions;
let matrix: FeatureMatrix;

beforeAll(() => {
  generated = generateTransactions({
    seed: 11,
    users: 30,
    startDate: '2024-02-01',
    days: 30,
    anomalyRates: { large_amount: 0.01, burst: 0.01, odd_hour_far_from_home: 0.01, new_category: 0.01 },
  });
  // Fit on the clean history, as a trainer would on a vetted period; score everything.
  const pipeline = new TransactionFeaturePipeline().fit(generated.rows.filter((r) => !r.isAnomaly));
  matrix = pipeline.transform(generated.rows);
});

function meanOf(rows: number[], feature: FeatureName, transform: (v: number) => number = (v) => v): number {
  let sum = 0;
  for (const r of rows) sum += transform(matrix.data[r * matrix.cols + FEATURE_INDEX[feature]]);
  return sum / rows.length;
}

function rowsOf(type: AnomalyType | null): number[] {
  const rows: number[] = [];
  generated.rows.forEach((row, i) => {
    if (row.anomalyType === type) rows.push(i);
  });
  return rows;
}

describe('features on generated transactions', () => {
  it('are all finite', () => {
    expect(matrix.rows).toBe(generated.rows.length);
    expect(Array.from(matrix.data).every(Number.isFinite)).toBe(true);
  });

  it('separate each anomaly type from normal rows on its own signal', () => {
    const normal = rowsOf(null);
    const large = rowsOf('large_amount');
    const far = rowsOf('odd_hour_far_from_home');
    const newCategory = rowsOf('new_category');
    const burst = rowsOf('burst');
    for (const rows of [large, far, newCategory, burst]) expect(rows.length).toBeGreaterThan(0);

    const abs = Math.abs;
    expect(meanOf(large, 'amount_robust_z_user_category', abs)).toBeGreaterThan(3 * meanOf(normal, 'amount_robust_z_user_category', abs));
    expect(meanOf(large, 'amount_robust_z_user', abs)).toBeGreaterThan(2 * meanOf(normal, 'amount_robust_z_user', abs));
    // log1p(km): >= log1p(300) ~ 5.7 for far rows; normal spending is a few km from home.
    expect(meanOf(far, 'distance_from_home_log_km')).toBeGreaterThan(meanOf(normal, 'distance_from_home_log_km') + 3);
    expect(meanOf(far, 'hour_rarity_user')).toBeGreaterThan(meanOf(normal, 'hour_rarity_user'));
    expect(meanOf(newCategory, 'category_rarity_user')).toBeGreaterThan(meanOf(normal, 'category_rarity_user') + 1.5);
    expect(meanOf(newCategory, 'category_new_for_user')).toBe(1);
    expect(meanOf(burst, 'velocity_count_window')).toBeGreaterThan(meanOf(normal, 'velocity_count_window') + 1);
    expect(meanOf(normal, 'user_known')).toBe(1);
  });
});

describe('at scale', () => {
  it('fits and transforms 80k transactions to finite features', () => {
    const rng = createRng(5);
    const categories = ['groceries', 'restaurants', 'fuel', 'transport', 'online_retail', 'travel'];
    const txs: Transaction[] = Array.from({ length: 80_000 }, (_, i) => {
      const user = rng.int(500);
      return {
        transactionId: `t${i}`,
        userId: `u${String(user).padStart(4, '0')}`,
        timestamp: Date.UTC(2024, 0, 1) + rng.int(120 * 86_400) * 1000,
        amount: Math.exp(rng.normal(3.5, 1)),
        merchant: `m${user % 50}-${rng.int(8)}`,
        merchantCategory: categories[rng.int(categories.length)],
        latitude: 40 + (user % 7) + rng.normal(0, 0.03),
        longitude: -74 + (user % 11) + rng.normal(0, 0.03),
      };
    });
    const m = new TransactionFeaturePipeline().fit(txs).transform(txs);
    expect(m.rows).toBe(80_000);
    expect(m.data.every(Number.isFinite)).toBe(true);
  });
});
