import { join } from 'node:path';
import { expectDataError, FIXTURES, makeTempDir, type TempDir } from '../testing/test-helpers';
import { readSeriesCsv } from './read-series-csv';

describe('readSeriesCsv on the real series', () => {
  it('reads AirPassengers (wide: a month column and one series)', () => {
    const [series, ...rest] = readSeriesCsv(join(FIXTURES, 'airpassengers.csv'));
    expect(rest).toHaveLength(0);
    expect(series.name).toBe('passengers');
    expect(series.values).toHaveLength(144);
    expect([series.times[0], series.values[0]]).toEqual(['1949', 112]);
    expect([series.times[143], series.values[143]]).toEqual(['1960.91666666667', 432]);
  });

  it("reads the head of Taylor's half-hourly electricity demand", () => {
    const [series] = readSeriesCsv(join(FIXTURES, 'taylor_halfhourly_head.csv'), { format: 'wide' });
    expect(series.name).toBe('value');
    expect(series.values).toHaveLength(300);
    expect([series.times[1], series.values[1]]).toEqual(['1.00297619047619', 21756]);
  });
});

describe('readSeriesCsv formats and errors', () => {
  let dir: TempDir;
  beforeEach(() => {
    dir = makeTempDir('read-series');
  });
  afterEach(() => dir.remove());

  it('reads several wide series, trimming leading and trailing empty cells per series', () => {
    const file = dir.write('wide.csv', 'date,a,b\n2020-01-01,1,\n2020-01-02,2,5\n2020-01-03,3,6\n2020-01-04,,7\n');
    const [a, b] = readSeriesCsv(file);
    expect(a).toEqual({ name: 'a', times: ['2020-01-01', '2020-01-02', '2020-01-03'], values: Float64Array.from([1, 2, 3]) });
    expect(b).toEqual({ name: 'b', times: ['2020-01-02', '2020-01-03', '2020-01-04'], values: Float64Array.from([5, 6, 7]) });
  });

  it('names the cell of a gap, a bad number or a bad time in a wide file', () => {
    const gap = dir.write('gap.csv', 'time,a\n1,1\n2,\n3,3\n');
    expectDataError(() => readSeriesCsv(gap), { code: 'MISSING_VALUE', file: gap, row: 2, column: 'a' }, /line 3/);
    const text = dir.write('text.csv', 'time,a\n1,1\n2,abc\n');
    expectDataError(() => readSeriesCsv(text), { code: 'NON_NUMERIC', file: text, row: 2, column: 'a' });
    const nan = dir.write('nan.csv', 'time,a\n1,NaN\n');
    expectDataError(() => readSeriesCsv(nan), { code: 'NON_FINITE', file: nan, row: 1, column: 'a' });
    const badTime = dir.write('bad-time.csv', 'time,a\n2020-02-30,1\n');
    expectDataError(() => readSeriesCsv(badTime), { code: 'INVALID_DATE', file: badTime, row: 1, column: 'time' });
    const mixed = dir.write('mixed.csv', 'time,a\n1,1\n2020-01-01,2\n');
    expectDataError(() => readSeriesCsv(mixed), { code: 'INVALID_DATE', file: mixed, row: 2, column: 'time' }, /mixes/);
    const empty = dir.write('empty.csv', 'time,a,b\n1,1,\n2,2,\n');
    expectDataError(() => readSeriesCsv(empty), { code: 'EMPTY', file: empty, column: 'b' });
    const lone = dir.write('lone.csv', 'time\n1\n');
    expectDataError(() => readSeriesCsv(lone), { code: 'MISSING_COLUMN', file: lone });
  });

  it('requires strictly increasing times', () => {
    const unsorted = dir.write('unsorted.csv', 'time,a\n2,1\n1,2\n');
    expectDataError(() => readSeriesCsv(unsorted), { code: 'UNSORTED_DATE', file: unsorted, row: 2, column: 'time' });
    const duplicate = dir.write('dup.csv', 'time,a\n2020-01-01,1\n2020-01-01T00:00Z,2\n');
    expectDataError(() => readSeriesCsv(duplicate), { code: 'DUPLICATE_DATE', file: duplicate, row: 2, column: 'time' });
  });

  it('detects a long file by its column names and groups interleaved rows by series', () => {
    const file = dir.write(
      'long.csv',
      'series_id,date,value\nAAPL,2020-01-01,1\nMSFT,2020-01-01,10\nAAPL,2020-01-02,2\nMSFT,2020-01-02,11\nAAPL,2020-01-03,3\n',
    );
    const series = readSeriesCsv(file);
    expect(series.map((item) => item.name)).toEqual(['AAPL', 'MSFT']);
    expect(series[0]).toEqual({
      name: 'AAPL',
      times: ['2020-01-01', '2020-01-02', '2020-01-03'],
      values: Float64Array.from([1, 2, 3]),
    });
    expect(Array.from(series[1].values)).toEqual([10, 11]);
  });

  it('reads a long file by position or by named columns when told it is long', () => {
    const positional = dir.write('positional.csv', 'k,t,v\nx,1,5\nx,2,6\n');
    expect(readSeriesCsv(positional, { format: 'long' })).toEqual([
      { name: 'x', times: ['1', '2'], values: Float64Array.from([5, 6]) },
    ]);
    const named = dir.write('named.csv', 'when,who,extra,amount\n1,x,?,5\n2,x,?,6\n');
    expect(
      readSeriesCsv(named, { idColumn: 'who', timeColumn: 'when', valueColumn: 'amount' })[0].values,
    ).toEqual(Float64Array.from([5, 6]));
  });

  it('names the row of a long file whose series goes back in time or lacks a value', () => {
    const unsorted = dir.write('long-unsorted.csv', 'id,time,value\na,1,1\nb,5,1\na,3,1\na,2,1\n');
    expectDataError(
      () => readSeriesCsv(unsorted),
      { code: 'UNSORTED_DATE', file: unsorted, row: 4, column: 'time' },
      /series "a"/,
    );
    const missing = dir.write('long-missing.csv', 'id,time,value\na,1,1\na,2,\n');
    expectDataError(() => readSeriesCsv(missing), { code: 'MISSING_VALUE', file: missing, row: 2, column: 'value' });
    const noId = dir.write('long-no-id.csv', 'id,time,value\n,1,1\n');
    expectDataError(() => readSeriesCsv(noId), { code: 'MISSING_VALUE', file: noId, row: 1, column: 'id' });
    const unknown = dir.write('long-unknown.csv', 'a,b,c,d\n1,2,3,4\n');
    expectDataError(() => readSeriesCsv(unknown, { format: 'long' }), {
      code: 'MISSING_COLUMN',
      file: unknown,
      parameter: 'idColumn',
    });
    expectDataError(() => readSeriesCsv(unknown, { format: 'long', idColumn: 'zz' }), {
      code: 'MISSING_COLUMN',
      file: unknown,
      column: 'zz',
      parameter: 'idColumn',
    });
  });

  it('rejects a missing file and an unknown format', () => {
    const missing = join(FIXTURES, 'no-such-file.csv');
    expectDataError(() => readSeriesCsv(missing), { code: 'FILE_NOT_FOUND', file: missing });
    const file = dir.write('ok.csv', 'time,a\n1,1\n');
    expectDataError(() => readSeriesCsv(file, { format: 'tall' as 'wide' }), {
      code: 'INVALID_ARGUMENT',
      file,
      parameter: 'format',
    });
  });
});
