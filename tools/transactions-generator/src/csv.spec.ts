import { CSV_COLUMNS, formatTimestamp, toCsv } from './csv';
import type { GeneratedTransaction } from './transaction';

const base: GeneratedTransaction = {
  transactionId: 't0000001',
  userId: 'u0001',
  timestamp: Date.parse('2024-01-02T03:04:05Z'),
  amount: 12.5,
  merchant: 'FreshMart London #1',
  merchantCategory: 'groceries',
  latitude: 51.5,
  longitude: -0.12,
  isAnomaly: false,
  anomalyType: null,
};

describe('formatTimestamp', () => {
  it('writes ISO-8601 UTC with whole seconds and Z', () => {
    expect(formatTimestamp(Date.parse('2024-01-02T03:04:05Z'))).toBe('2024-01-02T03:04:05Z');
  });
});

describe('toCsv', () => {
  it('writes the exact header and fixed decimals', () => {
    const csv = toCsv([
      base,
      { ...base, transactionId: 't0000002', merchant: 'Quickbuy, Inc.', amount: 1000, latitude: 0, longitude: -3.70381, isAnomaly: true, anomalyType: 'burst' },
    ]);
    expect(csv).toBe(
      `${CSV_COLUMNS.join(',')}\n` +
        't0000001,u0001,2024-01-02T03:04:05Z,12.50,FreshMart London #1,groceries,51.5000,-0.1200,0,\n' +
        't0000002,u0001,2024-01-02T03:04:05Z,1000.00,"Quickbuy, Inc.",groceries,0.0000,-3.7038,1,burst\n',
    );
    expect(CSV_COLUMNS.join(',')).toBe(
      'transaction_id,user_id,timestamp,amount,merchant,merchant_category,latitude,longitude,is_anomaly,anomaly_type',
    );
  });
});
