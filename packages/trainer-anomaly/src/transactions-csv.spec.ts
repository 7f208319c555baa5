import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DataError } from '@tethys/data';
import { readLabelledTransactionsCsv, readTransactionsCsv } from './transactions-csv';

const header = 'transaction_id,user_id,timestamp,amount,merchant,merchant_category,latitude,longitude,is_anomaly,anomaly_type';
const good = [
  't1,u1,2024-01-01T10:00:00Z,12.50,"Shop, Inc",groceries,51.5,-0.12,0,',
  't2,u1,2024-01-01T10:05:00Z,999.00,Gems,jewelry,51.5,-0.12,1,new_category',
];

function write(lines: string[]): string {
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'tx-csv-')), 'tx.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

function errorOf(fn: () => unknown): DataError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DataError) return error;
    throw error;
  }
  throw new Error('expected a DataError');
}

describe('transactions CSV', () => {
  it('reads labelled and unlabelled transactions', () => {
    const file = write([header, ...good]);
    const labelled = readLabelledTransactionsCsv(file);
    expect(labelled[0]).toEqual({
      transactionId: 't1',
      userId: 'u1',
      timestamp: Date.parse('2024-01-01T10:00:00Z'),
      amount: 12.5,
      merchant: 'Shop, Inc',
      merchantCategory: 'groceries',
      latitude: 51.5,
      longitude: -0.12,
      isAnomaly: false,
      anomalyType: null,
    });
    expect(labelled[1]).toMatchObject({ isAnomaly: true, anomalyType: 'new_category' });
    expect(readTransactionsCsv(file)[1]).not.toHaveProperty('isAnomaly');
  });

  it('scores files without label columns', () => {
    const file = write([header.split(',').slice(0, 8).join(','), 't1,u1,2024-01-01T10:00:00Z,1,m,c,0,0']);
    expect(readTransactionsCsv(file)).toHaveLength(1);
    expect(errorOf(() => readLabelledTransactionsCsv(file))).toMatchObject({ code: 'MISSING_COLUMN' });
  });

  it.each([
    ['a missing column', [header.replace('amount,', ''), 't1,u1,2024-01-01T10:00:00Z,m,c,0,0,0,'], { code: 'MISSING_COLUMN', column: 'amount' }],
    ['a bad amount', [header, good[0], good[1].replace('999.00', 'abc')], { code: 'NON_NUMERIC', row: 2, column: 'amount' }],
    ['a negative amount', [header, good[0].replace('12.50', '-3')], { code: 'INVALID_VALUE', row: 1, column: 'amount' }],
    ['a bad timestamp', [header, good[0].replace('2024-01-01T10:00:00Z', '2024-13-01')], { code: 'INVALID_DATE', row: 1, column: 'timestamp' }],
    ['a latitude out of range', [header, good[0].replace('51.5', '95')], { code: 'INVALID_VALUE', row: 1, column: 'latitude' }],
    ['a longitude out of range', [header, good[0].replace('-0.12', '-190')], { code: 'INVALID_VALUE', row: 1, column: 'longitude' }],
    ['a label other than 0/1', [header, good[0].replace(',0,', ',2,')], { code: 'INVALID_VALUE', row: 1, column: 'is_anomaly' }],
  ])('rejects %s, naming file, row and column', (_what, lines, expected) => {
    const file = write(lines as string[]);
    const error = errorOf(() => readLabelledTransactionsCsv(file));
    expect(error).toMatchObject({ ...expected, file });
    expect(error.message).toContain(file);
  });

  it('names a missing file', () => {
    expect(errorOf(() => readTransactionsCsv('/nonexistent/tx.csv'))).toMatchObject({ code: 'FILE_NOT_FOUND', file: '/nonexistent/tx.csv' });
  });
});
