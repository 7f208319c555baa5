import {
  interquartileRange,
  median,
  medianAbsoluteDeviation,
  quantile,
  quantileSorted,
} from './robust';

describe('median', () => {
  it('takes the middle value of an odd count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([5])).toBe(5);
  });

  it('averages the two middle values of an even count', () => {
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([-1, 10])).toBe(4.5);
  });

  it('does not reorder its input', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });

  it('averages huge values without overflowing', () => {
    expect(median([Number.MAX_VALUE, Number.MAX_VALUE / 2])).toBe(Number.MAX_VALUE * 0.75);
  });
});

describe('quantile (numpy linear)', () => {
  it('matches numpy.quantile on hand-checkable values', () => {
    expect(quantile([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 15);
    expect(quantile([1, 2, 3, 4], 0.75)).toBeCloseTo(3.25, 15);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    // sorted [1, 3, 7], position 0.8 -> 1 + 0.8 * 2
    expect(quantile([7, 1, 3], 0.4)).toBeCloseTo(2.6, 15);
  });

  it('returns the extremes at q = 0 and q = 1 and the only value of a singleton', () => {
    expect(quantile([4, 2, 9], 0)).toBe(2);
    expect(quantile([4, 2, 9], 1)).toBe(9);
    expect(quantile([10], 0.3)).toBe(10);
  });

  it('keeps repeated infinities instead of producing NaN', () => {
    expect(quantile([1, Infinity, Infinity], 0.75)).toBe(Infinity);
  });

  it('rejects q outside [0, 1] and NaN q', () => {
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.1)).toThrow(/q must be in \[0, 1\]/);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
  });
});

describe('quantileSorted', () => {
  it('interpolates already sorted values without sorting them', () => {
    expect(quantileSorted([1, 2, 3, 4], 0.25)).toBeCloseTo(1.75, 15);
    expect(quantileSorted(Float64Array.of(0, 10), 0.3)).toBeCloseTo(3, 15);
  });

  it('rejects an empty input', () => {
    expect(() => quantileSorted([], 0.5)).toThrow(/empty input/);
  });
});

describe('medianAbsoluteDeviation', () => {
  // median 2; |x - 2| = [1, 1, 0, 0, 2, 4, 7] -> median 1
  const values = [1, 1, 2, 2, 4, 6, 9];

  it('is the median of absolute deviations from the median', () => {
    expect(medianAbsoluteDeviation(values)).toBe(1);
    // even count: median 2.5, deviations [1.5, 0.5, 0.5, 1.5] -> 1
    expect(medianAbsoluteDeviation([1, 2, 3, 4])).toBe(1);
  });

  it("scales by 1.4826 with scale 'normal'", () => {
    expect(medianAbsoluteDeviation(values, { scale: 'normal' })).toBeCloseTo(1.4826, 4);
    expect(medianAbsoluteDeviation([1, 2, 3, 4], { scale: 'normal' })).toBeCloseTo(
      1.4826 * medianAbsoluteDeviation([1, 2, 3, 4]),
      4,
    );
  });

  it('multiplies by a numeric scale and honours a given center', () => {
    expect(medianAbsoluteDeviation(values, { scale: 2 })).toBe(2);
    // |x - 0| = values -> median 2
    expect(medianAbsoluteDeviation(values, { center: 0 })).toBe(2);
  });

  it('rejects a non-positive scale and a NaN center', () => {
    expect(() => medianAbsoluteDeviation(values, { scale: 0 })).toThrow(/scale/);
    expect(() => medianAbsoluteDeviation(values, { center: Number.NaN })).toThrow(/center/);
  });
});

describe('interquartileRange', () => {
  it('is Q3 - Q1 with linear interpolation', () => {
    expect(interquartileRange([1, 2, 3, 4])).toBeCloseTo(1.5, 15);
    expect(interquartileRange([9, 1, 5])).toBe(4);
  });
});

describe('robust statistics errors', () => {
  it.each([
    ['median', () => median([])],
    ['quantile', () => quantile([], 0.5)],
    ['medianAbsoluteDeviation', () => medianAbsoluteDeviation([])],
    ['interquartileRange', () => interquartileRange([])],
  ])('%s rejects an empty input', (name, call) => {
    expect(call).toThrow(new RangeError(`${name}: empty input`));
  });

  it.each([
    ['median', () => median([1, Number.NaN, 3])],
    ['quantile', () => quantile([1, Number.NaN, 3], 0.5)],
    ['medianAbsoluteDeviation', () => medianAbsoluteDeviation([1, Number.NaN, 3])],
    ['interquartileRange', () => interquartileRange([1, Number.NaN, 3])],
  ])('%s rejects NaN and names its index', (name, call) => {
    expect(call).toThrow(new RangeError(`${name}: NaN at index 1`));
  });
});
