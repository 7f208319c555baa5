import type { Rng } from '@tethys/data';
import { clamp, intBetween, sampleWeightedIndex } from '../distributions';
import { haversineKm, offsetKm } from '@tethys/finance-math';
import { CATEGORY_SPECS, NORMAL_CATEGORIES, type NormalCategory } from './categories';
import type { City } from './cities';
import { merchantsFor, type Merchant, type MerchantCatalogue } from './merchants';

/** One category a user spends in, with that user's amount distribution and regular merchants. */
export interface CategoryHabit {
  readonly category: NormalCategory;
  /** Relative frequency among the user's categories. */
  readonly weight: number;
  /** log(amount) ~ Normal(logMedian, logSd). */
  readonly logMedian: number;
  readonly logSd: number;
  readonly regularMerchants: readonly Merchant[];
  readonly regularMerchantWeights: readonly number[];
}

/** One bump of the hour-of-day mixture (hours, wrapped around midnight). */
export interface HourComponent {
  readonly meanHour: number;
  readonly sdHours: number;
  readonly weight: number;
}

export type Schedule = 'day' | 'night_shift';

export interface UserProfile {
  readonly userId: string;
  readonly city: City;
  readonly homeLatitude: number;
  readonly homeLongitude: number;
  /** Multiplies typical amounts (through each category's income elasticity). */
  readonly incomeFactor: number;
  /** Expected transactions per weekday (weekends are a little busier). */
  readonly dailyRate: number;
  readonly schedule: Schedule;
  readonly hourComponents: readonly HourComponent[];
  readonly habits: readonly CategoryHabit[];
  /** Expected trips to another city per year (0 for homebodies). */
  readonly tripsPerYear: number;
}

/** Home scatter around the city centre (km per axis); users live across the metro area. */
const HOME_SCATTER_KM = 6;
const NIGHT_SHIFT_SHARE = 0.1;
const MIN_CATEGORIES = 4;
/** Categories whose use grows with income (adoption and weight scale with sqrt(income)). */
const INCOME_DRIVEN: ReadonlySet<NormalCategory> = new Set(['travel', 'electronics', 'clothing']);

export function userIdFor(index: number): string {
  return `u${String(index + 1).padStart(4, '0')}`;
}

export function sampleUserProfile(
  rng: Rng,
  userId: string,
  cities: readonly City[],
  catalogue: MerchantCatalogue,
): UserProfile {
  const city = cities[sampleWeightedIndex(rng, cities.map((c) => c.population))];
  const home = offsetKm(
    city.latitude,
    city.longitude,
    rng.normal(0, HOME_SCATTER_KM),
    rng.normal(0, HOME_SCATTER_KM),
  );
  const incomeFactor = clamp(Math.exp(rng.normal(0, 0.4)), 0.35, 3.5);
  const dailyRate = clamp(Math.exp(rng.normal(Math.log(1.15), 0.45)), 0.25, 4);
  const schedule: Schedule = rng.next() < NIGHT_SHIFT_SHARE ? 'night_shift' : 'day';
  const hourComponents = sampleHourComponents(rng, schedule);
  const categories = sampleCategories(rng, incomeFactor);
  const habits = categories.map((category) =>
    sampleHabit(rng, category, incomeFactor, city, home.latitude, home.longitude, catalogue),
  );
  const tripsPerYear = rng.next() < 0.3 ? 0 : Math.exp(rng.normal(Math.log(2), 0.6));
  return {
    userId,
    city,
    homeLatitude: home.latitude,
    homeLongitude: home.longitude,
    incomeFactor,
    dailyRate,
    schedule,
    hourComponents,
    habits,
    tripsPerYear,
  };
}

function sampleHourComponents(rng: Rng, schedule: Schedule): HourComponent[] {
  // Day workers: morning, lunch and evening bumps; night-shift workers: late
  // evening, small hours and after-shift morning. Means and weights vary per user.
  const shapes: Array<[low: number, high: number, sd: number, weight: number]> =
    schedule === 'day'
      ? [
          [7.5, 9.5, 1, 0.2],
          [12, 13.5, 0.8, 0.35],
          [17.5, 20.5, 1.8, 0.45],
        ]
      : [
          [21.5, 23.5, 1.2, 0.4],
          [2, 4, 1.2, 0.3],
          [7, 9, 1, 0.3],
        ];
  const raw = shapes.map(([low, high, sd, weight]) => ({
    meanHour: rng.uniform(low, high),
    sdHours: sd,
    weight: weight * Math.exp(rng.normal(0, 0.3)),
  }));
  const total = raw.reduce((sum, c) => sum + c.weight, 0);
  return raw.map((c) => ({ ...c, weight: c.weight / total }));
}

function sampleCategories(rng: Rng, incomeFactor: number): NormalCategory[] {
  const chosen: NormalCategory[] = [];
  for (const category of NORMAL_CATEGORIES) {
    const boost = INCOME_DRIVEN.has(category) ? Math.sqrt(incomeFactor) : 1;
    if (rng.next() < Math.min(1, CATEGORY_SPECS[category].adoption * boost)) chosen.push(category);
  }
  // Top up thin profiles with the most commonly adopted categories left.
  const remaining = NORMAL_CATEGORIES.filter((c) => !chosen.includes(c)).sort(
    (a, b) => CATEGORY_SPECS[b].adoption - CATEGORY_SPECS[a].adoption,
  );
  while (chosen.length < MIN_CATEGORIES && remaining.length > 0) chosen.push(remaining.shift() as NormalCategory);
  return NORMAL_CATEGORIES.filter((c) => chosen.includes(c));
}

function sampleHabit(
  rng: Rng,
  category: NormalCategory,
  incomeFactor: number,
  city: City,
  homeLatitude: number,
  homeLongitude: number,
  catalogue: MerchantCatalogue,
): CategoryHabit {
  const spec = CATEGORY_SPECS[category];
  const boost = INCOME_DRIVEN.has(category) ? Math.sqrt(incomeFactor) : 1;
  const weight = spec.baseWeight * boost * Math.exp(rng.normal(0, 0.5));
  const logMedian = Math.log(spec.medianAmount * incomeFactor ** spec.incomeElasticity) + rng.normal(0, 0.25);
  const logSd = spec.logSd * rng.uniform(0.8, 1.2);

  const candidates = merchantsFor(catalogue, city.name, category);
  const regularCount = intBetween(rng, 2, 4);
  let regularMerchants: Merchant[];
  if (spec.channel === 'in_person') {
    // Regulars are the branches nearest home: everyday spending stays within a few km.
    regularMerchants = [...candidates]
      .map((m) => ({ m, km: haversineKm(homeLatitude, homeLongitude, m.latitude ?? 0, m.longitude ?? 0) }))
      .sort((a, b) => a.km - b.km || (a.m.name < b.m.name ? -1 : 1))
      .slice(0, regularCount)
      .map((entry) => entry.m);
  } else {
    const picks = rng.sampleWithoutReplacement(candidates.length, Math.min(regularCount, candidates.length));
    regularMerchants = Array.from(picks, (i) => candidates[i]);
  }
  const regularMerchantWeights = regularMerchants.map(() => Math.exp(rng.normal(0, 0.7)));
  return { category, weight, logMedian, logSd, regularMerchants, regularMerchantWeights };
}
