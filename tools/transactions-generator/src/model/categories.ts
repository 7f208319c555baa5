/**
 * Merchant categories and their base spending behaviour.
 *
 * Normal categories are the ones ordinary users spend in; rare categories are
 * used only by injected `new_category` anomalies, so a rare category in a
 * user's history is always a labelled anomaly.
 */

export const NORMAL_CATEGORIES = [
  'groceries',
  'restaurants',
  'fuel',
  'transport',
  'utilities',
  'entertainment',
  'online_retail',
  'electronics',
  'travel',
  'health',
  'clothing',
  'cash_withdrawal',
] as const;

export const RARE_CATEGORIES = ['jewelry', 'gambling', 'crypto_exchange', 'wire_transfer'] as const;

export type NormalCategory = (typeof NORMAL_CATEGORIES)[number];
export type RareCategory = (typeof RARE_CATEGORIES)[number];
export type MerchantCategory = NormalCategory | RareCategory;

export const ALL_CATEGORIES: readonly MerchantCategory[] = [...NORMAL_CATEGORIES, ...RARE_CATEGORIES];

export interface CategorySpec {
  /** Median amount (currency units) for a user of income factor 1. */
  readonly medianAmount: number;
  /** Standard deviation of log(amount) around the user's median. */
  readonly logSd: number;
  /** How strongly the user's income scales the median: median * income^elasticity. */
  readonly incomeElasticity: number;
  /** Probability that a user has this category in their profile (groceries: always). */
  readonly adoption: number;
  /** Relative frequency among a user's categories, before per-user noise. */
  readonly baseWeight: number;
  /** In-person purchases happen at a merchant's location; online ones at the billing (home) address. */
  readonly channel: 'in_person' | 'online';
}

export const CATEGORY_SPECS: Readonly<Record<MerchantCategory, CategorySpec>> = {
  groceries: { medianAmount: 35, logSd: 0.5, incomeElasticity: 0.3, adoption: 1, baseWeight: 0.26, channel: 'in_person' },
  restaurants: { medianAmount: 24, logSd: 0.5, incomeElasticity: 0.5, adoption: 0.9, baseWeight: 0.18, channel: 'in_person' },
  fuel: { medianAmount: 45, logSd: 0.3, incomeElasticity: 0.2, adoption: 0.6, baseWeight: 0.08, channel: 'in_person' },
  transport: { medianAmount: 12, logSd: 0.6, incomeElasticity: 0.3, adoption: 0.7, baseWeight: 0.1, channel: 'in_person' },
  utilities: { medianAmount: 85, logSd: 0.4, incomeElasticity: 0.3, adoption: 0.6, baseWeight: 0.03, channel: 'online' },
  entertainment: { medianAmount: 30, logSd: 0.6, incomeElasticity: 0.5, adoption: 0.6, baseWeight: 0.06, channel: 'in_person' },
  online_retail: { medianAmount: 40, logSd: 0.8, incomeElasticity: 0.6, adoption: 0.8, baseWeight: 0.1, channel: 'online' },
  electronics: { medianAmount: 220, logSd: 0.7, incomeElasticity: 0.7, adoption: 0.35, baseWeight: 0.02, channel: 'in_person' },
  travel: { medianAmount: 380, logSd: 0.7, incomeElasticity: 0.8, adoption: 0.35, baseWeight: 0.02, channel: 'online' },
  health: { medianAmount: 45, logSd: 0.7, incomeElasticity: 0.3, adoption: 0.5, baseWeight: 0.04, channel: 'in_person' },
  clothing: { medianAmount: 60, logSd: 0.6, incomeElasticity: 0.7, adoption: 0.6, baseWeight: 0.05, channel: 'in_person' },
  cash_withdrawal: { medianAmount: 80, logSd: 0.5, incomeElasticity: 0.5, adoption: 0.7, baseWeight: 0.06, channel: 'in_person' },
  jewelry: { medianAmount: 1200, logSd: 0.6, incomeElasticity: 0.5, adoption: 0, baseWeight: 0, channel: 'in_person' },
  gambling: { medianAmount: 400, logSd: 0.7, incomeElasticity: 0.3, adoption: 0, baseWeight: 0, channel: 'online' },
  crypto_exchange: { medianAmount: 1500, logSd: 0.7, incomeElasticity: 0.5, adoption: 0, baseWeight: 0, channel: 'online' },
  wire_transfer: { medianAmount: 2500, logSd: 0.6, incomeElasticity: 0.5, adoption: 0, baseWeight: 0, channel: 'online' },
};

/** Cash machines pay out in notes: withdrawals are multiples of this. */
export const CASH_NOTE = 20;
