import { table } from 'arquero';
import { sliceTable, timeSplit } from './time-split';
import { expectDataError } from '../testing/data-error-helpers';

describe('timeSplit', () => {
  it('cuts contiguous train, validation, test ranges in time order', () => {
    expect(timeSplit(10, { train: 0.6, validation: 0.2, test: 0.2 })).toEqual({
      train: [0, 6],
      validation: [6, 8],
      test: [8, 10],
    });
  });

  it('floors train and validation and gives the remainder to test', () => {
    expect(timeSplit(11, { train: 0.7, validation: 0.15, test: 0.15 })).toEqual({
      train: [0, 7],
      validation: [7, 8],
      test: [8, 11],
    });
  });

  it('does not lose a row to floating point (100 * 0.29 is 28.999999999999996)', () => {
    expect(timeSplit(100, { train: 0.29, validation: 0.01, test: 0.7 }).train).toEqual([0, 29]);
  });

  it('allows an empty validation segment when its fraction is 0', () => {
    expect(timeSplit(5, { train: 0.8, validation: 0, test: 0.2 })).toEqual({
      train: [0, 4],
      validation: [4, 4],
      test: [4, 5],
    });
  });

  it('covers every row exactly once for many sizes', () => {
    for (let n = 4; n < 200; n++) {
      const split = timeSplit(n, { train: 0.5, validation: 0.25, test: 0.25 });
      expect(split.train[0]).toBe(0);
      expect(split.validation[0]).toBe(split.train[1]);
      expect(split.test[0]).toBe(split.validation[1]);
      expect(split.test[1]).toBe(n);
      expect(split.train[1]).toBe(Math.floor(n / 2));
    }
  });

  it.each([
    [-1, { train: 0.6, validation: 0.2, test: 0.2 }, 'n', 'n must be a non-negative integer, got -1'],
    [2.5, { train: 0.6, validation: 0.2, test: 0.2 }, 'n', 'n must be a non-negative integer, got 2.5'],
    [10, { train: -0.1, validation: 0.6, test: 0.5 }, 'fractions.train', 'fractions.train must be a number in [0, 1], got -0.1'],
    [10, { train: 0.5, validation: Number.NaN, test: 0.5 }, 'fractions.validation', 'fractions.validation must be a number in [0, 1], got NaN'],
    [10, { train: 0.5, validation: 0.2 }, 'fractions.test', 'fractions.test must be a number in [0, 1], got undefined'],
    [10, { train: 0.5, validation: 0.25, test: 0.125 }, 'fractions', 'fractions must sum to 1, got 0.875'],
    [10, { train: 0, validation: 0.5, test: 0.5 }, 'fractions.train', 'fractions.train must be > 0: the train segment cannot be empty'],
    [10, { train: 0.8, validation: 0.2, test: 0 }, 'fractions.test', 'fractions.test must be > 0: the test segment cannot be empty'],
    [3, { train: 0.2, validation: 0.4, test: 0.4 }, 'fractions.train', 'fractions.train = 0.2 of n = 3 rows leaves no training rows'],
    [5, { train: 0.8, validation: 0.1, test: 0.1 }, 'fractions.validation', 'fractions.validation = 0.1 of n = 5 rows rounds down to no validation rows'],
    // The floor slack can round a sliver of a test fraction away entirely.
    [10, { train: 0.6, validation: 0.4 - 1e-10, test: 1e-10 }, 'fractions.test', 'fractions.test = 1e-10 of n = 10 rows leaves no test rows'],
  ])('n = %p, %p → INVALID_ARGUMENT on %s', (n, fractions, parameter, message) => {
    expectDataError(() => timeSplit(n, fractions as never), { code: 'INVALID_ARGUMENT', parameter, message });
  });
});

describe('sliceTable', () => {
  const data = table({ t: ['a', 'b', 'c', 'd'], v: new Float64Array([1, 2, 3, 4]) });

  it('returns the half-open row range as a materialised table', () => {
    const sliced = sliceTable(data, [1, 3]);
    expect(sliced.objects()).toEqual([
      { t: 'b', v: 2 },
      { t: 'c', v: 3 },
    ]);
    expect(sliced.totalRows()).toBe(2);
    expect(sliceTable(data, [2, 2]).numRows()).toBe(0);
  });

  it('slices every segment of a time split', () => {
    const split = timeSplit(data.numRows(), { train: 0.5, validation: 0.25, test: 0.25 });
    expect(sliceTable(data, split.train).array('t')).toEqual(['a', 'b']);
    expect(sliceTable(data, split.validation).array('t')).toEqual(['c']);
    expect(sliceTable(data, split.test).array('t')).toEqual(['d']);
  });

  it.each([
    [[-1, 2], 'got [-1, 2]'],
    [[3, 2], 'got [3, 2]'],
    [[0, 5], 'got [0, 5]'],
    [[0.5, 2], 'got [0.5, 2]'],
  ])('rejects range %p', (range, got) => {
    expectDataError(() => sliceTable(data, range as [number, number]), {
      code: 'INVALID_ARGUMENT',
      parameter: 'range',
      message: `range must be integers with 0 <= start <= end <= 4, ${got}`,
    });
  });
});
