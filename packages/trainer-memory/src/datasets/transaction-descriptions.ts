import { createRng, DataError, type Rng } from '@tethys/data';
import { fillTemplate, pick } from './memories/template';
import * as v from './memories/vocabulary';

/**
 * Bank-statement style transaction lines, the text a finance co-pilot sees most:
 * card purchases with store numbers and city/state, ACH payroll and bill
 * payments, transfers, P2P payments and marketplace codes, in the upper-case,
 * truncated style of US bank exports. Merchants come from the same vocabulary
 * as the memories.
 */
const FORMATS: readonly string[] = [
  'POS DEBIT {MERCHANT} #{store} {CITY} {ST}',
  'CHECKCARD {mmdd} {MERCHANT} {CITY} {ST}',
  'DEBIT CARD PURCHASE {MERCHANT} {CITY} {ST}',
  '{MERCHANT} {CITY} {ST} {mm}/{dd}',
  'ACH CREDIT {EMPLOYER} PAYROLL PPD ID: {id}',
  'ACH DEBIT {BILLER} [AUTOPAY|ONLINE PMT|BILL PAY] {ref}',
  'RECURRING PAYMENT {SERVICE} {mmdd}',
  'ONLINE TRANSFER TO [SAVINGS|BROKERAGE|CHECKING] XXXXXX{last4} REF #{ref}',
  '[ZELLE PAYMENT TO|ZELLE PAYMENT FROM|VENMO PAYMENT] {NAME} {ref}',
  'ATM WITHDRAWAL {CITY} {ST} #{store}',
  '{MARKET}*{code}',
  '[Card purchase|Purchase] at {merchant}, {city} {ST}',
];

const MARKETPLACES = ['AMZN Mktp US', 'Amazon.com', 'SQ', 'TST', 'PAYPAL', 'UBER TRIP', 'LYFT RIDE', 'DOORDASH', 'APPLE.COM/BILL'];

export function generateTransactionDescriptions(count: number, seed: number): string[] {
  if (!Number.isInteger(count) || count < 0) {
    throw new DataError('INVALID_ARGUMENT', `count: must be a non-negative integer, got ${count}`, { parameter: 'count' });
  }
  const rng = createRng(seed).fork('transaction-descriptions');
  const lines: string[] = [];
  for (let i = 0; i < count; i++) lines.push(fillTemplate(pick(rng, FORMATS), transactionSlots(rng), rng));
  return lines;
}

/** Every merchant, provider and bank name the generators know, in vocabulary order. */
export function merchantNames(): string[] {
  const names = [
    ...v.GROCERS, ...v.COFFEE, ...v.FUEL, ...v.ONLINE_SHOPS, ...v.PHARMACIES, ...v.RESTAURANTS, ...v.RIDESHARE,
    ...v.FOOD_DELIVERY, ...v.STREAMING, ...v.GYMS, ...v.ELECTRIC, ...v.GAS_UTILITIES, ...v.INTERNET, ...v.PHONE_CARRIERS,
    ...v.CAR_INSURERS, ...v.HEALTH_INSURERS, ...v.HOME_INSURERS, ...v.BANKS, ...v.ONLINE_SAVINGS, ...v.BROKERS, ...v.CARDS,
  ];
  // "a local credit union" is a description, not a name.
  return [...new Set(names)].filter((name) => !/^(a|an|the) /.test(name));
}

function transactionSlots(rng: Rng): Record<string, string> {
  const [city, state] = pick(rng, v.CITIES);
  const merchant = pick(rng, [...v.GROCERS, ...v.COFFEE, ...v.FUEL, ...v.ONLINE_SHOPS, ...v.PHARMACIES, ...v.RESTAURANTS].filter((name) => !/^(a|an) /.test(name)));
  const month = 1 + rng.int(12);
  const dayOfMonth = 1 + rng.int(28);
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  return {
    merchant,
    MERCHANT: bankCase(merchant, 18),
    city,
    CITY: bankCase(city, 13),
    ST: state,
    store: pad(rng.int(10000), 4),
    mm: pad(month, 2),
    dd: pad(dayOfMonth, 2),
    mmdd: `${pad(month, 2)}${pad(dayOfMonth, 2)}`,
    EMPLOYER: bankCase(pick(rng, v.EMPLOYERS), 16),
    BILLER: bankCase(pick(rng, [...v.ELECTRIC, ...v.INTERNET, ...v.PHONE_CARRIERS, ...v.CAR_INSURERS, ...v.LOAN_SERVICERS]), 16),
    SERVICE: bankCase(pick(rng, [...v.STREAMING, ...v.GYMS].filter((name) => !/^(a|the) /.test(name))), 16),
    NAME: pick(rng, v.FIRST_NAMES).toUpperCase(),
    MARKET: pick(rng, MARKETPLACES),
    id: pad(rng.int(1e9), 9),
    ref: pad(rng.int(1e8), 8),
    last4: pad(rng.int(10000), 4),
    code: randomCode(rng, 6),
  };
}

/** Upper case, apostrophes and punctuation dropped, cut to the width bank exports allow. */
function bankCase(name: string, width: number): string {
  return name.toUpperCase().replace(/['’]/g, '').replace(/[^A-Z0-9&+ ]/g, ' ').replace(/\s+/g, ' ').trim().slice(0, width).trim();
}

function randomCode(rng: Rng, length: number): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789';
  let code = '';
  for (let i = 0; i < length; i++) code += alphabet[rng.int(alphabet.length)];
  return code;
}
