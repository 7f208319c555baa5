import type { MerchantCategory } from './model/categories';

export const ANOMALY_TYPES = ['large_amount', 'burst', 'odd_hour_far_from_home', 'new_category'] as const;
export type AnomalyType = (typeof ANOMALY_TYPES)[number];

/**
 * One generated card transaction. Field values are already rounded to what the
 * CSV holds (amount: 2 decimals, coordinates: 4, timestamp: whole seconds), so
 * in-process consumers see exactly the numbers a CSV reader would.
 */
export interface GeneratedTransaction {
  /** `t0000001`..., assigned in output order. */
  readonly transactionId: string;
  readonly userId: string;
  /** Epoch milliseconds, UTC, whole seconds. Hours are treated as the user's local hours. */
  readonly timestamp: number;
  readonly amount: number;
  readonly merchant: string;
  readonly merchantCategory: MerchantCategory;
  readonly latitude: number;
  readonly longitude: number;
  readonly isAnomaly: boolean;
  /** Null for normal rows. */
  readonly anomalyType: AnomalyType | null;
}

/** A transaction before sorting and id assignment. */
export type DraftTransaction = Omit<GeneratedTransaction, 'transactionId' | 'isAnomaly'>;

export const MS_PER_SECOND = 1000;
export const SECONDS_PER_DAY = 86_400;
export const MS_PER_DAY = SECONDS_PER_DAY * MS_PER_SECOND;
