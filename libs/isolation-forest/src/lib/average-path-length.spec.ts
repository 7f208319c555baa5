import { averagePathLength } from './average-path-length';

describe('averagePathLength (c(n))', () => {
  it('is 0 for n <= 1 and 1 for n = 2', () => {
    expect(averagePathLength(0)).toBe(0);
    expect(averagePathLength(1)).toBe(0);
    expect(averagePathLength(2)).toBe(1);
  });

  it('matches hand computations for n = 3, 4 and 256', () => {
    // c(3) = 2 (ln 2 + 0.5772156649) - 4/3
    expect(averagePathLength(3)).toBeCloseTo(1.2073923575896231, 12);
    // c(4) = 2 (ln 3 + 0.5772156649) - 3/2
    expect(averagePathLength(4)).toBeCloseTo(1.8516559071392854, 12);
    expect(averagePathLength(256)).toBeCloseTo(10.2448, 4);
  });

  it('grows like 2 ln n', () => {
    expect(averagePathLength(1e6) - 2 * Math.log(1e6)).toBeCloseTo(2 * 0.5772156649 - 2, 5);
  });
});
