import { DataError, readCsvTable, type CsvSchema } from '@tethys/data';
import type { Transaction } from './features';

/** A transaction with its ground-truth label (generated data only). */
export interface LabelledTransaction extends Transaction {
  isAnomaly: boolean;
  /** The injected anomaly type; null for a normal transaction. */
  anomalyType: string | null;
}

const transactionColumns: CsvSchema['columns'] = {
  transaction_id: { type: 'string' },
  user_id: { type: 'string' },
  timestamp: { type: 'date' },
  amount: { type: 'number' },
  merchant: { type: 'string' },
  merchant_category: { type: 'string' },
  latitude: { type: 'number' },
  longitude: { type: 'number' },
};

const labelColumns: CsvSchema['columns'] = {
  is_anomaly: { type: 'integer' },
  anomaly_type: { type: 'string', nullable: true },
};

/** The column names a transactions CSV must have (labels excluded). */
export const TRANSACTION_COLUMNS = Object.keys(transactionColumns);

function toTransactions(file: string, columns: Record<string, unknown[]>, rows: number): Transaction[] {
  const out: Transaction[] = new Array(rows);
  for (let i = 0; i < rows; i++) {
    const latitude = columns.latitude[i] as number;
    const longitude = columns.longitude[i] as number;
    const amount = columns.amount[i] as number;
    if (Math.abs(latitude) > 90) throw new DataError('INVALID_VALUE', `latitude ${latitude} outside [-90, 90]`, { file, row: i + 1, column: 'latitude' });
    if (Math.abs(longitude) > 180) throw new DataError('INVALID_VALUE', `longitude ${longitude} outside [-180, 180]`, { file, row: i + 1, column: 'longitude' });
    if (amount < 0) throw new DataError('INVALID_VALUE', `negative amount ${amount}`, { file, row: i + 1, column: 'amount' });
    out[i] = {
      transactionId: columns.transaction_id[i] as string,
      userId: columns.user_id[i] as string,
      timestamp: Date.parse(columns.timestamp[i] as string),
      amount,
      merchant: columns.merchant[i] as string,
      merchantCategory: columns.merchant_category[i] as string,
      latitude,
      longitude,
    };
  }
  return out;
}

function columnArrays(table: ReturnType<typeof readCsvTable>, names: string[]): Record<string, unknown[]> {
  return Object.fromEntries(names.map((name) => [name, table.array(name) as unknown[]]));
}

/** Reads transactions for scoring; label columns and any other extra columns are ignored. */
export function readTransactionsCsv(file: string): Transaction[] {
  const table = readCsvTable(file, { columns: transactionColumns, extraColumns: 'ignore' });
  return toTransactions(file, columnArrays(table, TRANSACTION_COLUMNS), table.numRows());
}

/** Reads generated transactions with their labels (`is_anomaly` 0/1, `anomaly_type`). */
export function readLabelledTransactionsCsv(file: string): LabelledTransaction[] {
  const table = readCsvTable(file, { columns: { ...transactionColumns, ...labelColumns }, extraColumns: 'ignore' });
  const columns = columnArrays(table, [...TRANSACTION_COLUMNS, 'is_anomaly', 'anomaly_type']);
  const rows = table.numRows();
  return toTransactions(file, columns, rows).map((tx, i) => {
    const label = columns.is_anomaly[i] as number;
    if (label !== 0 && label !== 1) {
      throw new DataError('INVALID_VALUE', `is_anomaly must be 0 or 1, got ${label}`, { file, row: i + 1, column: 'is_anomaly' });
    }
    const type = columns.anomaly_type[i] as string | null;
    return { ...tx, isAnomaly: label === 1, anomalyType: type === null || type === '' ? null : type };
  });
}
