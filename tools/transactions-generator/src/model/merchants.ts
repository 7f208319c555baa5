import type { Rng } from '@tethys/data';
import { ALL_CATEGORIES, CATEGORY_SPECS, type MerchantCategory } from './categories';
import type { City } from './cities';
import { offsetKm } from '@tethys/finance-math';

/**
 * The merchant catalogue: named merchants per city and category (in-person,
 * with a location scattered around the city centre) and per category for
 * online merchants (no location: online purchases are placed at the buyer's
 * billing address). A few names contain commas or quotes on purpose, so the
 * CSV writer's quoting is exercised by real output.
 */

export interface Merchant {
  readonly name: string;
  readonly category: MerchantCategory;
  /** Present for in-person merchants only. */
  readonly latitude?: number;
  readonly longitude?: number;
}

export interface MerchantCatalogue {
  /** In-person merchants: city name -> category -> merchants. */
  readonly inPerson: ReadonlyMap<string, ReadonlyMap<MerchantCategory, readonly Merchant[]>>;
  /** Online merchants per category. */
  readonly online: ReadonlyMap<MerchantCategory, readonly Merchant[]>;
}

const BRANDS: Readonly<Record<MerchantCategory, readonly string[]>> = {
  groceries: ['FreshMart', 'Green Basket', 'Daily Harvest', "Rosa's Market", 'Urban Pantry', 'ValueFoods'],
  restaurants: ['Bread, Butter & Co', 'The "Corner" Cafe', 'Noodle House', 'Bistro Nove', 'Smoke & Grill', 'Taqueria Sol'],
  fuel: ['PetroLine', 'QuickFuel', 'Bluewave Gas', 'RoadStar'],
  transport: ['Metro Transit', 'CityCab', 'RideNow', 'Bike Share'],
  utilities: ['Metro Energy', 'Clearwater Utility', 'NetLink Broadband', 'Volt Mobile'],
  entertainment: ['Starlight Cinema', 'Arena Tickets', 'Bowl-O-Rama', 'Jazz Cellar'],
  online_retail: ['ShopSphere', 'Parcelly', 'CartNova', 'Bazaar Online', 'Quickbuy, Inc.', 'DealHive', 'Marketly', 'Boxfront'],
  electronics: ['VoltTech', 'Circuit City Store', 'PixelPoint', 'Gadget Hub'],
  travel: ['SkyWays Airlines', 'Roamly Hotels', 'RailEuro', 'TripNest', 'Globe Rentals'],
  health: ['CarePlus Pharmacy', 'WellDent Clinic', 'Vision Works', 'HealthFirst'],
  clothing: ['Thread & Needle', 'UrbanWear', 'Denim Lane', 'Stride Shoes'],
  cash_withdrawal: ['ATM Northbank', 'ATM Unity Savings', 'ATM Citadel Bank', 'ATM Harbor Credit'],
  jewelry: ['Goldsmith & Sons', 'Diamond Row', 'Lustre Jewelers'],
  gambling: ['LuckySpin Casino', 'BetRocket', 'RoyalFlush Online'],
  crypto_exchange: ['CoinVault', 'BlockTrade', 'Satoshi Exchange'],
  wire_transfer: ['SwiftSend', 'Western Wire', 'GlobalRemit'],
};

export function merchantBrands(category: MerchantCategory): readonly string[] {
  return BRANDS[category];
}

/** Merchants per (city, in-person category); their scatter around the centre (km, per axis). */
const BRANCHES_PER_CITY_CATEGORY = 24;
const BRANCH_SCATTER_KM = 7;
const ONLINE_MERCHANTS_PER_CATEGORY = 8;

export function buildMerchantCatalogue(rng: Rng, cities: readonly City[]): MerchantCatalogue {
  const inPerson = new Map<string, Map<MerchantCategory, Merchant[]>>();
  for (const city of cities) {
    const byCategory = new Map<MerchantCategory, Merchant[]>();
    for (const category of ALL_CATEGORIES) {
      if (CATEGORY_SPECS[category].channel !== 'in_person') continue;
      const brands = BRANDS[category];
      const merchants: Merchant[] = [];
      for (let branch = 0; branch < BRANCHES_PER_CITY_CATEGORY; branch++) {
        // Round-robin over brands, numbered branches: every name is unique.
        const brand = brands[branch % brands.length];
        const branchNumber = Math.floor(branch / brands.length) + 1;
        const where = offsetKm(
          city.latitude,
          city.longitude,
          rng.normal(0, BRANCH_SCATTER_KM),
          rng.normal(0, BRANCH_SCATTER_KM),
        );
        merchants.push({ name: `${brand} ${city.name} #${branchNumber}`, category, ...where });
      }
      byCategory.set(category, merchants);
    }
    inPerson.set(city.name, byCategory);
  }

  const online = new Map<MerchantCategory, Merchant[]>();
  for (const category of ALL_CATEGORIES) {
    if (CATEGORY_SPECS[category].channel !== 'online') continue;
    const brands = BRANDS[category];
    const count = Math.max(ONLINE_MERCHANTS_PER_CATEGORY, brands.length);
    const merchants: Merchant[] = [];
    for (let i = 0; i < count; i++) {
      const brand = brands[i % brands.length];
      const suffix = i < brands.length ? '' : ` ${Math.floor(i / brands.length) + 1}`;
      merchants.push({ name: `${brand}${suffix}`, category });
    }
    online.set(category, merchants);
  }
  return { inPerson, online };
}

/** Merchants of a category a user in `cityName` can buy from (in-person: that city's; online: everyone's). */
export function merchantsFor(
  catalogue: MerchantCatalogue,
  cityName: string,
  category: MerchantCategory,
): readonly Merchant[] {
  const list =
    CATEGORY_SPECS[category].channel === 'online'
      ? catalogue.online.get(category)
      : catalogue.inPerson.get(cityName)?.get(category);
  if (!list || list.length === 0) throw new Error(`no merchants for ${category} in ${cityName}`);
  return list;
}
