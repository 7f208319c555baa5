import type { Rng } from '@tethys/data';
import { pick, roundTo, sampleWeightedIndex, samplePoisson } from './distributions';
import { CASH_NOTE, CATEGORY_SPECS, type NormalCategory } from './model/categories';
import type { City } from './model/cities';
import { merchantsFor, type Merchant, type MerchantCatalogue } from './model/merchants';
import type { CategoryHabit, HourComponent, UserProfile } from './model/users';
import { MS_PER_DAY, MS_PER_SECOND, SECONDS_PER_DAY, type DraftTransaction } from './transaction';

/** Weekend days are a little busier. */
const WEEKEND_ACTIVITY = 1.15;
/** Share of in-person purchases at home made at one of the user's regular merchants. */
const REGULAR_MERCHANT_SHARE = 0.85;
const TRIP_MIN_DAYS = 2;
const TRIP_MAX_DAYS = 6;
/** Trips favour the traveller's own continent. */
const SAME_CONTINENT_TRIP_SHARE = 0.7;
/** On a trip people eat out and book travel more and buy fewer groceries. */
const TRIP_CATEGORY_BOOST: Partial<Record<NormalCategory, number>> = {
  restaurants: 2,
  travel: 2,
  transport: 1.5,
  groceries: 0.5,
  fuel: 0.5,
};

export interface TimeRange {
  readonly startMs: number;
  readonly days: number;
}

/** A user's ordinary spending over the whole period, day by day, with occasional trips. */
export function generateNormalActivity(
  rng: Rng,
  user: UserProfile,
  cities: readonly City[],
  catalogue: MerchantCatalogue,
  range: TimeRange,
): DraftTransaction[] {
  const rows: DraftTransaction[] = [];
  const homeWeights = user.habits.map((h) => h.weight);
  const tripWeights = user.habits.map((h) => h.weight * (TRIP_CATEGORY_BOOST[h.category] ?? 1));
  let tripCity: City | null = null;
  let tripDaysLeft = 0;

  for (let day = 0; day < range.days; day++) {
    const dayStartMs = range.startMs + day * MS_PER_DAY;
    if (tripDaysLeft === 0 && user.tripsPerYear > 0 && rng.next() < user.tripsPerYear / 365) {
      tripCity = pickTripDestination(rng, user.city, cities);
      tripDaysLeft = TRIP_MIN_DAYS + rng.int(TRIP_MAX_DAYS - TRIP_MIN_DAYS + 1);
    }
    const onTrip = tripDaysLeft > 0 && tripCity !== null;
    const weekday = new Date(dayStartMs).getUTCDay();
    const activity = user.dailyRate * (weekday === 0 || weekday === 6 ? WEEKEND_ACTIVITY : 1);
    const count = samplePoisson(rng, activity);
    for (let k = 0; k < count; k++) {
      const habit = user.habits[sampleWeightedIndex(rng, onTrip ? tripWeights : homeWeights)];
      const secondOfDay = sampleSecondOfDay(rng, user.hourComponents);
      const amount = sampleAmount(rng, habit.category, habit.logMedian, habit.logSd);
      const place = onTrip
        ? placeOnTrip(rng, user, habit, tripCity as City, catalogue)
        : placeAtHome(rng, user, habit, catalogue);
      rows.push({
        userId: user.userId,
        timestamp: dayStartMs + secondOfDay * MS_PER_SECOND,
        amount,
        merchant: place.merchant,
        merchantCategory: habit.category,
        latitude: roundTo(place.latitude, 4),
        longitude: roundTo(place.longitude, 4),
        anomalyType: null,
      });
    }
    if (tripDaysLeft > 0) tripDaysLeft--;
  }
  return rows;
}

function pickTripDestination(rng: Rng, home: City, cities: readonly City[]): City {
  const others = cities.filter((c) => c.name !== home.name);
  const sameContinent = others.filter((c) => c.continent === home.continent);
  return sameContinent.length > 0 && rng.next() < SAME_CONTINENT_TRIP_SHARE ? pick(rng, sameContinent) : pick(rng, others);
}

/** Second of the day drawn from the user's hour-of-day mixture, wrapped around midnight. */
export function sampleSecondOfDay(rng: Rng, components: readonly HourComponent[]): number {
  const component = components[sampleWeightedIndex(rng, components.map((c) => c.weight))];
  const hour = component.meanHour + component.sdHours * rng.normal();
  const wrapped = ((hour % 24) + 24) % 24;
  return Math.min(SECONDS_PER_DAY - 1, Math.floor(wrapped * 3600));
}

/** Log-normal amount; cash withdrawals come in whole notes. */
export function sampleAmount(rng: Rng, category: keyof typeof CATEGORY_SPECS, logMedian: number, logSd: number): number {
  const raw = Math.exp(logMedian + logSd * rng.normal());
  return finishAmount(category, raw);
}

export function finishAmount(category: keyof typeof CATEGORY_SPECS, raw: number): number {
  if (category === 'cash_withdrawal') return Math.max(CASH_NOTE, Math.round(raw / CASH_NOTE) * CASH_NOTE);
  return Math.max(0.5, roundTo(raw, 2));
}

interface Place {
  readonly merchant: string;
  readonly latitude: number;
  readonly longitude: number;
}

/** Where a merchant's purchase happens: its branch, or the billing (home) address for online ones. */
export function placeOf(merchant: Merchant, user: UserProfile): Place {
  return {
    merchant: merchant.name,
    latitude: merchant.latitude ?? user.homeLatitude,
    longitude: merchant.longitude ?? user.homeLongitude,
  };
}

function placeAtHome(rng: Rng, user: UserProfile, habit: CategoryHabit, catalogue: MerchantCatalogue): Place {
  const merchant =
    rng.next() < REGULAR_MERCHANT_SHARE
      ? habit.regularMerchants[sampleWeightedIndex(rng, habit.regularMerchantWeights)]
      : pick(rng, merchantsFor(catalogue, user.city.name, habit.category));
  return placeOf(merchant, user);
}

function placeOnTrip(
  rng: Rng,
  user: UserProfile,
  habit: CategoryHabit,
  tripCity: City,
  catalogue: MerchantCatalogue,
): Place {
  // Online spending continues as at home; in-person spending happens at the destination's merchants.
  if (CATEGORY_SPECS[habit.category].channel === 'online') return placeAtHome(rng, user, habit, catalogue);
  return placeOf(pick(rng, merchantsFor(catalogue, tripCity.name, habit.category)), user);
}
