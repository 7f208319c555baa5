import { DataError } from '@tethys/data';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { benchmarkOnDates, readReturnsCsv } from './returns-csv';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'quant-returns-csv-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('readReturnsCsv', () => {
  it('reads the date column and every return column', () => {
    const table = readReturnsCsv(csv('two.csv', 'date,A,B\n2024-01-02,0.01,-0.02\n2024-01-03,-0.5,0\n'));
    expect(table.dates).toEqual(['2024-01-02', '2024-01-03']);
    expect(table.columns).toEqual(['A', 'B']);
    expect(Array.from(table.returns[0])).toEqual([0.01, -0.5]);
    expect(Array.from(table.returns[1])).toEqual([-0.02, 0]);
  });

  it.each([
    ['no date column', 'day,A\n2024-01-02,0.01\n', /column "date": a returns file needs a "date" column/],
    ['no return column', 'date\n2024-01-02\n', /no return columns/],
    ['a return below -1', 'date,A\n2024-01-02,0.01\n2024-01-03,-1.5\n', /row 2, column "A": a simple return must be >= -1/],
    ['an empty cell', 'date,A\n2024-01-02,\n', /row 1, column "A"/],
    ['unsorted dates', 'date,A\n2024-01-03,0\n2024-01-02,0\n', /strictly increasing/],
  ])('refuses %s with a DataError naming the place', (name, text, message) => {
    const file = csv(`${name.replace(/ /g, '-')}.csv`, text);
    expect(() => readReturnsCsv(file)).toThrow(DataError);
    expect(() => readReturnsCsv(file)).toThrow(message);
  });
});

describe('benchmarkOnDates', () => {
  const benchmark = {
    file: 'bench.csv',
    dates: ['2024-01-01', '2024-01-02', '2024-01-03'],
    columns: ['SPY'],
    returns: [Float64Array.from([0.1, 0.2, 0.3])],
  };

  it('picks the benchmark returns on the given dates, dropping its extra dates', () => {
    expect(Array.from(benchmarkOnDates(benchmark, ['2024-01-02', '2024-01-03'], 'r.csv'))).toEqual([0.2, 0.3]);
  });

  it('names the missing dates, or says there is no overlap', () => {
    expect(() => benchmarkOnDates(benchmark, ['2024-01-02', '2024-01-04'], 'r.csv')).toThrow(
      'bench.csv: 1 date(s) of r.csv missing from the benchmark, first 2024-01-04',
    );
    expect(() => benchmarkOnDates(benchmark, ['2025-01-02'], 'r.csv')).toThrow(/no dates in common with r.csv/);
  });

  it('needs exactly one benchmark column', () => {
    const two = { ...benchmark, columns: ['SPY', 'QQQ'], returns: [...benchmark.returns, ...benchmark.returns] };
    expect(() => benchmarkOnDates(two, ['2024-01-02'], 'r.csv')).toThrow(/exactly one return column; found 2 \(SPY, QQQ\)/);
  });
});
