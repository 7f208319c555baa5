import { expectForecastError } from '../testing/test-helpers';
import { assertValidSeries, createTimeSeries, sliceSeries } from './time-series';

describe('createTimeSeries', () => {
  it('defaults the times to step indices and copies the values', () => {
    const source = [1, 2, 3];
    const series = createTimeSeries('x', source);
    source[0] = 99;
    expect(series).toEqual({ name: 'x', times: ['0', '1', '2'], values: Float64Array.from([1, 2, 3]) });
  });

  it('names the bad element of a broken series', () => {
    expectForecastError(() => createTimeSeries('x', [1, Number.NaN]), 'NON_FINITE', 'series.values', /element 1/);
    expectForecastError(() => createTimeSeries('x', [1, 2], ['0']), 'LENGTH_MISMATCH', 'series.times');
    expectForecastError(() => createTimeSeries('x', []), 'INVALID_SERIES', 'series.values', /empty/);
    expectForecastError(
      () => createTimeSeries('x', [1, 2, 3], ['2020-01-01', '2020-01-03', '2020-01-02']),
      'INVALID_SERIES',
      'series.times',
      /element 2 "2020-01-02" does not come after/,
    );
    expectForecastError(() => createTimeSeries('x', [1, 2], ['1', '1']), 'INVALID_SERIES', 'series.times');
    expectForecastError(() => createTimeSeries('x', [1, 2], ['1', '2020-01-01']), 'INVALID_SERIES', 'series.times', /mixes/);
    expectForecastError(() => createTimeSeries('x', [1], ['yesterday']), 'INVALID_SERIES', 'series.times');
  });

  it('rejects plain arrays where a Float64Array is promised', () => {
    const series = { name: 'x', times: ['0'], values: [1] as unknown as Float64Array };
    expectForecastError(() => assertValidSeries(series, 'input'), 'INVALID_SERIES', 'input.values');
  });
});

describe('sliceSeries', () => {
  it('copies a range, so edits to the slice do not reach the original', () => {
    const series = createTimeSeries('x', [10, 11, 12, 13]);
    const tail = sliceSeries(series, 2);
    tail.values[0] = -1;
    expect(tail.times).toEqual(['2', '3']);
    expect(series.values[2]).toBe(12);
    expect(Array.from(sliceSeries(series, 1, 3).values)).toEqual([11, 12]);
  });
});
