import type { Rng } from '@tethys/data';
import { intBetween, pick, roundTo, sampleWeightedIndex } from './distributions';
import { destinationPoint, haversineKm } from '@tethys/finance-math';
import {
  CATEGORY_SPECS,
  NORMAL_CATEGORIES,
  RARE_CATEGORIES,
  type MerchantCategory,
  type NormalCategory,
} from './model/categories';
import type { City } from './model/cities';
import { merchantBrands, merchantsFor, type MerchantCatalogue } from './model/merchants';
import type { CategoryHabit, UserProfile } from './model/users';
import { finishAmount, placeOf, sampleSecondOfDay, type TimeRange } from './normal-activity';
import { MS_PER_DAY, MS_PER_SECOND, SECONDS_PER_DAY, type AnomalyType, type DraftTransaction } from './transaction';

/** large_amount: the amount is this many times the user's median for the category. */
export const LARGE_AMOUNT_FACTOR = { min: 8, max: 25 } as const;
/** large_amount: share placed at one of the user's regular merchants (the rest: another merchant of the category). */
export const LARGE_AMOUNT_REGULAR_MERCHANT_SHARE = 0.5;
/** burst (card testing): this many online purchases... */
export const BURST_SIZE = { min: 4, max: 8 } as const;
/** ...all within this many seconds of the first one. */
export const BURST_WINDOW_SECONDS = 600;
/** odd_hour_far_from_home: local hour in [start, end). */
export const ODD_HOURS = { start: 2, end: 5 } as const;
/** odd_hour_far_from_home: at least this far from home. */
export const FAR_FROM_HOME_MIN_KM = 300;
/** Share of new_category anomalies that use a rare category (the rest: a normal category the user never uses). */
export const NEW_CATEGORY_RARE_SHARE = 0.75;

/** In-person categories a fraudster abroad at night would use, in order of preference. */
const FAR_AWAY_CATEGORIES: readonly NormalCategory[] = [
  'cash_withdrawal',
  'electronics',
  'restaurants',
  'entertainment',
  'clothing',
  'fuel',
];

export interface AnomalyContext {
  readonly users: readonly UserProfile[];
  readonly cities: readonly City[];
  readonly catalogue: MerchantCatalogue;
  readonly range: TimeRange;
}

/** Rows of one anomaly type, until at least `targetRows` rows exist (a burst may overshoot by a few). */
export function generateAnomalies(
  rng: Rng,
  type: AnomalyType,
  targetRows: number,
  context: AnomalyContext,
): DraftTransaction[] {
  const rows: DraftTransaction[] = [];
  while (rows.length < targetRows) {
    const user = context.users[rng.int(context.users.length)];
    switch (type) {
      case 'large_amount':
        rows.push(largeAmount(rng, user, context));
        break;
      case 'burst':
        rows.push(...burst(rng, user, context));
        break;
      case 'odd_hour_far_from_home':
        rows.push(oddHourFarFromHome(rng, user, context));
        break;
      case 'new_category':
        rows.push(newCategory(rng, user, context));
        break;
    }
  }
  return rows;
}

function randomDayStart(rng: Rng, range: TimeRange): number {
  return range.startMs + rng.int(range.days) * MS_PER_DAY;
}

function draft(
  user: UserProfile,
  type: AnomalyType,
  timestamp: number,
  amount: number,
  category: MerchantCategory,
  place: { merchant: string; latitude: number; longitude: number },
): DraftTransaction {
  return {
    userId: user.userId,
    timestamp,
    amount,
    merchant: place.merchant,
    merchantCategory: category,
    latitude: roundTo(place.latitude, 4),
    longitude: roundTo(place.longitude, 4),
    anomalyType: type,
  };
}

/**
 * A category the user does use, at a usual hour and place, for many times the
 * usual amount; half at a regular merchant, so the amount is the signal.
 */
function largeAmount(rng: Rng, user: UserProfile, context: AnomalyContext): DraftTransaction {
  const habit = user.habits[sampleWeightedIndex(rng, user.habits.map((h) => h.weight))];
  const factor = rng.uniform(LARGE_AMOUNT_FACTOR.min, LARGE_AMOUNT_FACTOR.max);
  const amount = finishAmount(habit.category, Math.exp(habit.logMedian) * factor);
  const timestamp = randomDayStart(rng, context.range) + sampleSecondOfDay(rng, user.hourComponents) * MS_PER_SECOND;
  const merchant =
    rng.next() < LARGE_AMOUNT_REGULAR_MERCHANT_SHARE
      ? pick(rng, habit.regularMerchants)
      : pick(rng, merchantsFor(context.catalogue, user.city.name, habit.category));
  return draft(user, 'large_amount', timestamp, amount, habit.category, placeOf(merchant, user));
}

/** Card testing: a few small charges, then medium ones, at different online shops within minutes. */
function burst(rng: Rng, user: UserProfile, context: AnomalyContext): DraftTransaction[] {
  const size = intBetween(rng, BURST_SIZE.min, BURST_SIZE.max);
  const periodSeconds = context.range.days * SECONDS_PER_DAY;
  const startSecond = rng.int(periodSeconds - BURST_WINDOW_SECONDS);
  const offsets = Array.from({ length: size }, () => rng.int(BURST_WINDOW_SECONDS)).sort((a, b) => a - b);
  const merchants = merchantsFor(context.catalogue, user.city.name, 'online_retail');
  const smallCount = Math.ceil(size / 2);
  return offsets.map((offset, i) => {
    const raw = i < smallCount ? rng.uniform(1, 15) : Math.exp(rng.uniform(Math.log(40), Math.log(400)));
    const timestamp = context.range.startMs + (startSecond + offset) * MS_PER_SECOND;
    return draft(user, 'burst', timestamp, finishAmount('online_retail', raw), 'online_retail', placeOf(pick(rng, merchants), user));
  });
}

/** Between 02:00 and 05:00, at least FAR_FROM_HOME_MIN_KM from home: another city or a random far point. */
function oddHourFarFromHome(rng: Rng, user: UserProfile, context: AnomalyContext): DraftTransaction {
  const habit = farAwayHabit(user);
  const amount = finishAmount(
    habit.category,
    Math.exp(habit.logMedian + habit.logSd * rng.normal()) * rng.uniform(1, 3),
  );
  const secondOfDay = ODD_HOURS.start * 3600 + rng.int((ODD_HOURS.end - ODD_HOURS.start) * 3600);
  const timestamp = randomDayStart(rng, context.range) + secondOfDay * MS_PER_SECOND;
  for (;;) {
    let place: { merchant: string; latitude: number; longitude: number };
    if (rng.next() < 0.6) {
      const city = pick(rng, context.cities.filter((c) => c.name !== user.city.name));
      place = placeOf(pick(rng, merchantsFor(context.catalogue, city.name, habit.category)), user);
    } else {
      const point = destinationPoint(user.homeLatitude, user.homeLongitude, rng.uniform(0, 360), rng.uniform(300, 3000));
      place = { merchant: `${pick(rng, merchantBrands(habit.category))} Airport`, ...point };
    }
    const row = draft(user, 'odd_hour_far_from_home', timestamp, amount, habit.category, place);
    // Guarantee the label's promise even for the closest city pair (rounded coordinates included).
    if (haversineKm(user.homeLatitude, user.homeLongitude, row.latitude, row.longitude) >= FAR_FROM_HOME_MIN_KM) {
      return row;
    }
  }
}

function farAwayHabit(user: UserProfile): CategoryHabit {
  for (const category of FAR_AWAY_CATEGORIES) {
    const habit = user.habits.find((h) => h.category === category);
    if (habit) return habit;
  }
  // Every user has groceries, an in-person category.
  return user.habits.find((h) => CATEGORY_SPECS[h.category].channel === 'in_person') ?? user.habits[0];
}

/** A category outside the user's profile: usually a rare one (jewelry, gambling, crypto, wire), often large. */
function newCategory(rng: Rng, user: UserProfile, context: AnomalyContext): DraftTransaction {
  const used = new Set<MerchantCategory>(user.habits.map((h) => h.category));
  const unusedNormal = NORMAL_CATEGORIES.filter((c) => !used.has(c));
  const useRare = unusedNormal.length === 0 || rng.next() < NEW_CATEGORY_RARE_SHARE;
  const category: MerchantCategory = useRare ? pick(rng, RARE_CATEGORIES) : pick(rng, unusedNormal);
  const spec = CATEGORY_SPECS[category];
  // Rare categories are large by nature; an unused normal category is pushed up 2-5x.
  const boost = useRare ? 1 : rng.uniform(2, 5);
  const raw = spec.medianAmount * user.incomeFactor ** spec.incomeElasticity * Math.exp(spec.logSd * rng.normal()) * boost;
  const timestamp = randomDayStart(rng, context.range) + sampleSecondOfDay(rng, user.hourComponents) * MS_PER_SECOND;
  const merchant = pick(rng, merchantsFor(context.catalogue, user.city.name, category));
  return draft(user, 'new_category', timestamp, finishAmount(category, raw), category, placeOf(merchant, user));
}
