/**
 * # Synthetic labelled card transactions: the generative model
 *
 * No labelled card-transaction data is reachable from this project, so the
 * anomaly trainer learns from this seeded simulation. Every random draw comes
 * from `createRng(params.seed)` (forked per purpose and per user), so the same
 * params give byte-identical output on every machine.
 *
 * **Time.** `days` whole days from `startDate` 00:00:00Z, one-second
 * resolution. Hours are treated as the users' local hours (local = UTC), a
 * deliberate simplification: "02:00" in the data means 2 a.m. for that user.
 *
 * **Merchants.** Eight real city centres (New York, Chicago, Toronto, San
 * Francisco, London, Paris, Berlin, Madrid). Each city has 24 named branches per
 * in-person category, scattered around its centre (Normal, sd 7 km per axis);
 * online categories (utilities, online_retail, travel, gambling,
 * crypto_exchange, wire_transfer) have a global list of shops and are located
 * at the buyer's billing (home) address.
 *
 * **Users** (`users` of them, ids `u0001`...). Each user draws:
 * - a home city (weighted by population share) and a home point around its
 *   centre (Normal, sd 6 km per axis);
 * - an income factor exp(N(0, 0.4)) clipped to [0.35, 3.5];
 * - a daily activity rate exp(N(log 1.15, 0.45)) clipped to [0.25, 4]
 *   (weekends x1.15); the day's count is Poisson;
 * - an hour-of-day mixture of three Normal bumps (day workers, 90%: morning
 *   ~8h, lunch ~12:45, evening ~19h; night-shift workers, 10%: ~22:30, ~03h,
 *   ~08h), means and weights jittered per user, wrapped around midnight;
 * - a set of preferred categories out of the 12 normal ones (groceries always,
 *   the others with a per-category adoption probability, at least 4; travel,
 *   electronics and clothing adoption and weight grow with sqrt(income)) with
 *   log-normal weights;
 * - per category a log-normal amount: median = base median x income^elasticity
 *   x exp(N(0, 0.25)), log-sd = base log-sd x U(0.8, 1.2) (groceries ~35,
 *   restaurants ~24, electronics ~220, travel ~380; cash in multiples of 20);
 * - per category 2-4 regular merchants: the branches nearest home (in-person)
 *   or random shops (online); 85% of in-person purchases at home go to a
 *   regular, the rest to any branch in the home city;
 * - trips: 30% never travel, the rest exp(N(log 2, 0.6)) trips a year of 2-6
 *   days to another city (70% on the same continent), where in-person
 *   purchases happen at that city's merchants and restaurants/travel are
 *   favoured.
 *
 * **Anomalies** (labelled `is_anomaly` = 1 with `anomaly_type`), added on top
 * of the normal history for uniformly chosen users; `anomalyRates` are the
 * target fractions of output rows per type:
 * - `large_amount`: a category the user uses, usual hour, amount 8-25 x the
 *   user's median for that category, half of them at a regular merchant (the
 *   rest at another merchant of that category in the home city);
 * - `burst`: card testing, 4-8 online_retail charges at random online shops
 *   within 10 minutes (first half 1-15, the rest 40-400); every row labelled;
 * - `odd_hour_far_from_home`: local hour in [02:00, 05:00), at least 300 km
 *   from home (60% a merchant in another city, 40% a random point 300-3000 km
 *   away), amount 1-3 x a usual draw for an in-person category the user uses;
 * - `new_category`: a category the user never uses: 75% a rare category only
 *   anomalies use (jewelry, gambling, crypto_exchange, wire_transfer; large by
 *   nature), otherwise an unused normal category at 2-5 x its typical amount.
 *
 * Rows are sorted by timestamp (ties: user id, then generation order) and
 * numbered `t0000001`... in that order.
 */
import { createRng } from '@tethys/data';
import { generateAnomalies } from './anomalies';
import { buildMerchantCatalogue } from './model/merchants';
import { CITIES } from './model/cities';
import { sampleUserProfile, userIdFor, type UserProfile } from './model/users';
import { generateNormalActivity } from './normal-activity';
import { parseGeneratorParams, type GeneratorParams } from './params';
import { ANOMALY_TYPES, type AnomalyType, type DraftTransaction, type GeneratedTransaction } from './transaction';

/** What tests and tools need to know about a user (the full profile stays internal). */
export interface UserSummary {
  readonly userId: string;
  readonly homeCity: string;
  readonly homeLatitude: number;
  readonly homeLongitude: number;
  readonly incomeFactor: number;
  readonly dailyRate: number;
  readonly schedule: 'day' | 'night_shift';
  /** The normal categories this user spends in; anything else is a `new_category` anomaly. */
  readonly categories: readonly string[];
}

export interface GeneratedTransactions {
  readonly params: GeneratorParams;
  /** Sorted by timestamp; transaction ids follow that order. */
  readonly rows: readonly GeneratedTransaction[];
  readonly users: readonly UserSummary[];
  /** Labelled rows per anomaly type (a burst counts each of its rows). */
  readonly anomalyCounts: Readonly<Record<AnomalyType, number>>;
}

/** Generates the whole labelled data set in memory (validates `params` first). */
export function generateTransactions(params: GeneratorParams): GeneratedTransactions {
  const valid = parseGeneratorParams(params);
  const root = createRng(valid.seed);
  const range = { startMs: Date.parse(`${valid.startDate}T00:00:00Z`), days: valid.days };
  const catalogue = buildMerchantCatalogue(root.fork('catalogue'), CITIES);

  const profiles: UserProfile[] = [];
  const drafts: DraftTransaction[] = [];
  for (let i = 0; i < valid.users; i++) {
    const userId = userIdFor(i);
    // One stream per user: changing the user count leaves existing users unchanged.
    const userRng = root.fork(`user:${userId}`);
    const profile = sampleUserProfile(userRng, userId, CITIES, catalogue);
    profiles.push(profile);
    for (const row of generateNormalActivity(userRng, profile, CITIES, catalogue, range)) drafts.push(row);
  }

  const normalCount = drafts.length;
  const totalRate = ANOMALY_TYPES.reduce((sum, type) => sum + valid.anomalyRates[type], 0);
  const expectedTotal = normalCount / (1 - totalRate);
  const context = { users: profiles, cities: CITIES, catalogue, range };
  for (const type of ANOMALY_TYPES) {
    const target = Math.round(valid.anomalyRates[type] * expectedTotal);
    for (const row of generateAnomalies(root.fork(`anomaly:${type}`), type, target, context)) drafts.push(row);
  }

  const rows = sortAndNumber(drafts);
  const anomalyCounts = Object.fromEntries(ANOMALY_TYPES.map((t) => [t, 0])) as Record<AnomalyType, number>;
  for (const row of rows) if (row.anomalyType) anomalyCounts[row.anomalyType]++;
  return { params: valid, rows, users: profiles.map(summariseUser), anomalyCounts };
}

function sortAndNumber(drafts: readonly DraftTransaction[]): GeneratedTransaction[] {
  const order = Array.from(drafts.keys());
  order.sort((a, b) => {
    const x = drafts[a];
    const y = drafts[b];
    if (x.timestamp !== y.timestamp) return x.timestamp - y.timestamp;
    if (x.userId !== y.userId) return x.userId < y.userId ? -1 : 1;
    return a - b;
  });
  const width = Math.max(7, String(drafts.length).length);
  return order.map((index, position) => {
    const row = drafts[index];
    return {
      transactionId: `t${String(position + 1).padStart(width, '0')}`,
      ...row,
      isAnomaly: row.anomalyType !== null,
    };
  });
}

function summariseUser(profile: UserProfile): UserSummary {
  return {
    userId: profile.userId,
    homeCity: profile.city.name,
    homeLatitude: profile.homeLatitude,
    homeLongitude: profile.homeLongitude,
    incomeFactor: profile.incomeFactor,
    dailyRate: profile.dailyRate,
    schedule: profile.schedule,
    categories: profile.habits.map((h) => h.category),
  };
}
