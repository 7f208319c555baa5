import { csvField } from '@tethys/data';
import type { GeneratedTransaction } from './transaction';

export const CSV_COLUMNS = [
  'transaction_id',
  'user_id',
  'timestamp',
  'amount',
  'merchant',
  'merchant_category',
  'latitude',
  'longitude',
  'is_anomaly',
  'anomaly_type',
] as const;


/** ISO-8601 UTC with whole seconds and `Z`, e.g. `2024-01-01T08:15:00Z`. */
export function formatTimestamp(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 19)}Z`;
}

/** The data set as CSV text: header, one line per row, `\n` line ends, trailing newline. */
export function toCsv(rows: readonly GeneratedTransaction[]): string {
  const lines: string[] = [CSV_COLUMNS.join(',')];
  for (const row of rows) {
    lines.push(
      [
        row.transactionId,
        csvField(row.userId),
        formatTimestamp(row.timestamp),
        row.amount.toFixed(2),
        csvField(row.merchant),
        row.merchantCategory,
        row.latitude.toFixed(4),
        row.longitude.toFixed(4),
        row.isAnomaly ? '1' : '0',
        row.anomalyType ?? '',
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}
