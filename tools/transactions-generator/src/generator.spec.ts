import { BURST_SIZE, BURST_WINDOW_SECONDS, FAR_FROM_HOME_MIN_KM, LARGE_AMOUNT_FACTOR, ODD_HOURS } from './anomalies';
import { toCsv } from './csv';
import { generateTransactions, type GeneratedTransactions } from './generator';
import { haversineKm } from '@tethys/finance-math';
import { RARE_CATEGORIES } from './model/categories';
import type { GeneratorParams } from './params';
import { ANOMALY_TYPES, type GeneratedTransaction } from './transaction';

const params: GeneratorParams = {
  seed: 7,
  users: 120,
  startDate: '2024-03-01',
  days: 60,
  anomalyRates: { large_amount: 0.005, burst: 0.006, odd_hour_far_from_home: 0.004, new_category: 0.004 },
};
const totalRate = 0.019;

let result: GeneratedTransactions;
let csv: string;
beforeAll(() => {
  result = generateTransactions(params);
  csv = toCsv(result.rows);
});

function byUser(rows: readonly GeneratedTransaction[]): Map<string, GeneratedTransaction[]> {
  const map = new Map<string, GeneratedTransaction[]>();
  for (const row of rows) {
    const list = map.get(row.userId) ?? [];
    list.push(row);
    map.set(row.userId, list);
  }
  return map;
}

function homeOf(userId: string): { lat: number; lon: number } {
  const user = result.users.find((u) => u.userId === userId);
  if (!user) throw new Error(`no user ${userId}`);
  return { lat: user.homeLatitude, lon: user.homeLongitude };
}

function medianOf(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

describe('generateTransactions: determinism', () => {
  it('gives an identical CSV string for the same params', () => {
    expect(toCsv(generateTransactions({ ...params }).rows)).toBe(csv);
  });

  it('gives a different data set for another seed', () => {
    const other = toCsv(generateTransactions({ ...params, seed: 8 }).rows);
    expect(other).not.toBe(csv);
    expect(other.split('\n')[1]).not.toBe(csv.split('\n')[1]);
  });

  it('keeps existing users unchanged when more users are added (one stream per user)', () => {
    const smaller = generateTransactions({ ...params, users: 10, anomalyRates: { large_amount: 0, burst: 0, odd_hour_far_from_home: 0, new_category: 0 } });
    const normalOfFirstTen = result.rows.filter((r) => !r.isAnomaly && r.userId <= 'u0010');
    const strip = (r: GeneratedTransaction) => [r.userId, r.timestamp, r.amount, r.merchant].join('|');
    expect(smaller.rows.map(strip)).toEqual(normalOfFirstTen.map(strip));
  });
});

describe('generateTransactions: shape', () => {
  it('sorts rows by timestamp and numbers them in that order', () => {
    const start = Date.parse('2024-03-01T00:00:00Z');
    const end = start + params.days * 86_400_000;
    // Collect violations instead of one expect per row: jest's expect is slow in bulk.
    const problems: string[] = [];
    result.rows.forEach((row, i) => {
      if (row.transactionId !== `t${String(i + 1).padStart(7, '0')}`) problems.push(`id ${row.transactionId} at ${i}`);
      if (i > 0 && row.timestamp < result.rows[i - 1].timestamp) problems.push(`unsorted at ${i}`);
      if (row.timestamp < start || row.timestamp >= end) problems.push(`out of range at ${i}`);
      if (row.timestamp % 1000 !== 0) problems.push(`fractional second at ${i}`);
    });
    expect(problems).toEqual([]);
  });

  it('produces a realistic volume: about 1.2 transactions per user-day', () => {
    const perUserDay = result.rows.length / (params.users * params.days);
    expect(perUserDay).toBeGreaterThan(0.8);
    expect(perUserDay).toBeLessThan(2);
    expect(result.users).toHaveLength(params.users);
    expect(new Set(result.rows.map((r) => r.userId)).size).toBe(params.users);
  });

  it('keeps most ordinary spending within a few km of home', () => {
    const normal = result.rows.filter((r) => !r.isAnomaly);
    const near = normal.filter((r) => {
      const home = homeOf(r.userId);
      return haversineKm(home.lat, home.lon, r.latitude, r.longitude) < 15;
    });
    expect(near.length / normal.length).toBeGreaterThan(0.9);
  });

  it('makes groceries small and travel/electronics large', () => {
    const normal = result.rows.filter((r) => !r.isAnomaly);
    const medianFor = (category: string) => medianOf(normal.filter((r) => r.merchantCategory === category).map((r) => r.amount));
    expect(medianFor('groceries')).toBeLessThan(60);
    expect(medianFor('electronics')).toBeGreaterThan(3 * medianFor('groceries'));
    expect(medianFor('travel')).toBeGreaterThan(5 * medianFor('groceries'));
  });

  it('never uses a rare category in normal rows, and includes night-shift users', () => {
    const rare = new Set<string>(RARE_CATEGORIES);
    expect(result.rows.some((r) => !r.isAnomaly && rare.has(r.merchantCategory))).toBe(false);
    expect(result.users.some((u) => u.schedule === 'night_shift')).toBe(true);
  });
});

describe('generateTransactions: anomalies', () => {
  it('labels every anomaly type, consistently', () => {
    for (const type of ANOMALY_TYPES) {
      expect(result.anomalyCounts[type]).toBeGreaterThan(0);
      expect(result.rows.filter((r) => r.anomalyType === type)).toHaveLength(result.anomalyCounts[type]);
    }
    expect(result.rows.filter((r) => r.isAnomaly !== (r.anomalyType !== null))).toEqual([]);
  });

  it('keeps the anomaly fraction at the configured rates', () => {
    const fraction = result.rows.filter((r) => r.isAnomaly).length / result.rows.length;
    expect(fraction).toBeGreaterThan(totalRate - 0.002);
    expect(fraction).toBeLessThan(totalRate + 0.002);
    for (const type of ANOMALY_TYPES) {
      const typeFraction = result.anomalyCounts[type] / result.rows.length;
      expect(Math.abs(typeFraction - params.anomalyRates[type])).toBeLessThan(0.001);
    }
  });

  it('writes no anomalies when every rate is 0', () => {
    const clean = generateTransactions({
      ...params,
      users: 5,
      anomalyRates: { large_amount: 0, burst: 0, odd_hour_far_from_home: 0, new_category: 0 },
    });
    expect(clean.rows.some((r) => r.isAnomaly)).toBe(false);
  });

  it('puts every burst row in a burst of 4-8 online charges within the window', () => {
    const bursts = byUser(result.rows.filter((r) => r.anomalyType === 'burst'));
    let events = 0;
    for (const rows of bursts.values()) {
      // Chain rows closer than the window into events (one user's bursts are days apart).
      let event: GeneratedTransaction[] = [];
      const check = () => {
        if (event.length === 0) return;
        events++;
        expect(event.length).toBeGreaterThanOrEqual(BURST_SIZE.min);
        expect(event.length).toBeLessThanOrEqual(BURST_SIZE.max);
        expect(event[event.length - 1].timestamp - event[0].timestamp).toBeLessThan(BURST_WINDOW_SECONDS * 1000);
        for (const row of event) expect(row.merchantCategory).toBe('online_retail');
      };
      for (const row of rows) {
        if (event.length > 0 && row.timestamp - event[event.length - 1].timestamp >= BURST_WINDOW_SECONDS * 1000) {
          check();
          event = [];
        }
        event.push(row);
      }
      check();
    }
    expect(events).toBeGreaterThanOrEqual(2);
  });

  it('places odd-hour rows at night and far from home', () => {
    const rows = result.rows.filter((r) => r.anomalyType === 'odd_hour_far_from_home');
    for (const row of rows) {
      const hour = new Date(row.timestamp).getUTCHours();
      expect(hour).toBeGreaterThanOrEqual(ODD_HOURS.start);
      expect(hour).toBeLessThan(ODD_HOURS.end);
      const home = homeOf(row.userId);
      expect(haversineKm(home.lat, home.lon, row.latitude, row.longitude)).toBeGreaterThanOrEqual(FAR_FROM_HOME_MIN_KM);
    }
  });

  it('gives new-category rows a category the user never used in normal history', () => {
    const normalCategories = new Map<string, Set<string>>();
    for (const row of result.rows) {
      if (row.isAnomaly) continue;
      const set = normalCategories.get(row.userId) ?? new Set<string>();
      set.add(row.merchantCategory);
      normalCategories.set(row.userId, set);
    }
    const rows = result.rows.filter((r) => r.anomalyType === 'new_category');
    for (const row of rows) {
      expect(normalCategories.get(row.userId)?.has(row.merchantCategory)).toBe(false);
      expect(result.users.find((u) => u.userId === row.userId)?.categories).not.toContain(row.merchantCategory);
    }
    expect(rows.some((r) => (RARE_CATEGORIES as readonly string[]).includes(r.merchantCategory))).toBe(true);
  });

  it('makes large-amount rows many times the user usual amount for that category', () => {
    const rows = result.rows.filter((r) => r.anomalyType === 'large_amount');
    let checked = 0;
    for (const row of rows) {
      const usual = result.rows
        .filter((r) => !r.isAnomaly && r.userId === row.userId && r.merchantCategory === row.merchantCategory)
        .map((r) => r.amount);
      if (usual.length < 5) continue;
      checked++;
      expect(row.amount).toBeGreaterThan((LARGE_AMOUNT_FACTOR.min / 2) * medianOf(usual));
    }
    expect(checked).toBeGreaterThan(rows.length / 2);
  });
});
