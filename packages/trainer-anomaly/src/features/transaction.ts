/** A card transaction as the feature pipeline sees it. */
export interface Transaction {
  transactionId: string;
  userId: string;
  /** Epoch milliseconds (UTC). The hour of day is taken from this as UTC. */
  timestamp: number;
  /** Non-negative amount in the account currency. */
  amount: number;
  merchant: string;
  merchantCategory: string;
  latitude: number;
  longitude: number;
}

// Alias: global lookups are very slow inside jest's vm sandbox (see geo.ts).
const { isFinite } = Number;

/**
 * Rejects a transaction the features cannot be computed for, naming its
 * position, id and field. Runs once per row on the hot path: no closures.
 */
export function assertValidTransaction(tx: Transaction, index: number, where: string): void {
  if (tx === null || typeof tx !== 'object') {
    throw new TypeError(`${where}: transaction ${index} is not an object`);
  }
  if (typeof tx.userId !== 'string' || tx.userId === '') invalid(tx, index, where, 'userId', 'must be a non-empty string', tx.userId);
  if (typeof tx.merchant !== 'string') invalid(tx, index, where, 'merchant', 'must be a string', tx.merchant);
  if (typeof tx.merchantCategory !== 'string' || tx.merchantCategory === '') {
    invalid(tx, index, where, 'merchantCategory', 'must be a non-empty string', tx.merchantCategory);
  }
  if (!isFinite(tx.timestamp)) invalid(tx, index, where, 'timestamp', 'must be finite epoch milliseconds', tx.timestamp);
  if (!isFinite(tx.amount) || tx.amount < 0) invalid(tx, index, where, 'amount', 'must be a finite number >= 0', tx.amount);
  if (!(tx.latitude >= -90 && tx.latitude <= 90)) invalid(tx, index, where, 'latitude', 'must be in [-90, 90]', tx.latitude);
  if (!(tx.longitude >= -180 && tx.longitude <= 180)) invalid(tx, index, where, 'longitude', 'must be in [-180, 180]', tx.longitude);
}

function invalid(tx: Transaction, index: number, where: string, field: string, rule: string, value: unknown): never {
  throw new RangeError(`${where}: transaction ${index} (${String(tx.transactionId)}): ${field} ${rule}, got ${JSON.stringify(value)}`);
}
