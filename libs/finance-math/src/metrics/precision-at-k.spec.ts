import { precisionAtK } from './precision-at-k';

describe('precisionAtK', () => {
  const scores = [0.1, 0.4, 0.35, 0.8];
  const labels = [0, 0, 1, 1];

  it('is the positive share among the k highest scores', () => {
    // ranked: 0.8 (1), 0.4 (0), 0.35 (1), 0.1 (0)
    expect(precisionAtK(scores, labels, 1)).toBe(1);
    expect(precisionAtK(scores, labels, 2)).toBe(0.5);
    expect(precisionAtK(scores, labels, 3)).toBeCloseTo(2 / 3, 15);
    expect(precisionAtK(scores, labels, 4)).toBe(0.5);
  });

  it('breaks ties at the k-th score by original order, lower index first', () => {
    // 0.9 at index 1 first, then the tied 0.5s in index order 0, 2, 3
    expect(precisionAtK([0.5, 0.9, 0.5, 0.5], [1, 1, 0, 0], 2)).toBe(1);
    expect(precisionAtK([0.5, 0.9, 0.5, 0.5], [0, 1, 1, 1], 2)).toBe(0.5);
    expect(precisionAtK([0.5, 0.9, 0.5, 0.5], [0, 1, 1, 1], 3)).toBeCloseTo(2 / 3, 15);
  });

  it.each([0, 5, 1.5, Number.NaN, -1])('rejects k = %p', (k) => {
    expect(() => precisionAtK(scores, labels, k)).toThrow(
      new RangeError(`precisionAtK: k must be an integer in [1, 4], got ${k}`),
    );
  });
});
