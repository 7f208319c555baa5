import { randomTiedRanking } from './random-ranking.fixture';
import { rocAuc, rocCurve } from './roc';

/** O(n^2) definition: share of (positive, negative) pairs ranked correctly, ties half. */
function bruteForceAuc(scores: number[], labels: number[]): number {
  let wins = 0;
  let pairs = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i] !== 1) continue;
    for (let j = 0; j < scores.length; j++) {
      if (labels[j] !== 0) continue;
      pairs++;
      if (scores[i] > scores[j]) wins += 1;
      else if (scores[i] === scores[j]) wins += 0.5;
    }
  }
  return wins / pairs;
}

function trapezoidArea(x: number[], y: number[]): number {
  let area = 0;
  for (let i = 1; i < x.length; i++) area += ((x[i] - x[i - 1]) * (y[i] + y[i - 1])) / 2;
  return area;
}

describe('rocAuc', () => {
  it('matches the sklearn docs example', () => {
    expect(rocAuc([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.75, 12);
  });

  it('counts a tied positive-negative pair as half', () => {
    // pairs: (2 vs 1) 1, (2 vs 2) 0.5, (3 vs 1) 1, (3 vs 2) 1 -> 3.5 / 4
    expect(rocAuc([1, 2, 2, 3], [0, 0, 1, 1])).toBe(0.875);
  });

  it('is 0.5 when every score ties', () => {
    expect(rocAuc([1, 1, 1, 1, 1], [0, 1, 0, 1, 1])).toBe(0.5);
  });

  it('is 1 for a perfect ranking and 0 for an inverted one', () => {
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBe(0);
  });

  it('accepts typed arrays', () => {
    expect(rocAuc(Float64Array.of(0.1, 0.4, 0.35, 0.8), Uint8Array.of(0, 0, 1, 1))).toBeCloseTo(0.75, 12);
  });

  it('rejects a single class', () => {
    expect(() => rocAuc([0.1, 0.2], [1, 1])).toThrow(
      new RangeError('rocAuc: needs both classes, got 2 positive and 0 negative labels'),
    );
    expect(() => rocAuc([0.1, 0.2], [0, 0])).toThrow(RangeError);
  });

  it('equals a brute-force pair count on 500 seeded samples with ties', () => {
    const { scores, labels } = randomTiedRanking(500, 20240607);
    expect(new Set(scores).size).toBeLessThan(50); // plenty of ties
    const expected = bruteForceAuc(scores, labels);
    expect(expected).toBeGreaterThan(0.6);
    expect(expected).toBeLessThan(0.95);
    expect(rocAuc(scores, labels)).toBeCloseTo(expected, 12);
  });
});

describe('rocCurve', () => {
  it('matches the sklearn docs example', () => {
    const curve = rocCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(curve.fpr).toEqual([0, 0, 0.5, 0.5, 1]);
    expect(curve.tpr).toEqual([0, 0.5, 0.5, 1, 1]);
    expect(curve.thresholds).toEqual([Infinity, 0.8, 0.4, 0.35, 0.1]);
  });

  it('has one point per distinct score and keeps collinear points', () => {
    const curve = rocCurve([1, 2, 2, 3, 4], [0, 0, 1, 1, 1]);
    expect(curve.thresholds).toEqual([Infinity, 4, 3, 2, 1]);
    expect(curve.tpr).toEqual([0, 1 / 3, 2 / 3, 1, 1]);
    expect(curve.fpr).toEqual([0, 0, 0, 0.5, 1]);
  });

  it('collapses all-tied scores to a single step', () => {
    expect(rocCurve([7, 7, 7], [1, 0, 1])).toEqual({
      fpr: [0, 1],
      tpr: [0, 1],
      thresholds: [Infinity, 7],
    });
  });

  it('has trapezoid area equal to rocAuc on seeded tied data', () => {
    const { scores, labels } = randomTiedRanking(500, 11);
    const curve = rocCurve(scores, labels);
    expect(trapezoidArea(curve.fpr, curve.tpr)).toBeCloseTo(rocAuc(scores, labels), 12);
  });

  it('rejects a single class', () => {
    expect(() => rocCurve([0.3, 0.1], [0, 0])).toThrow(/rocCurve: needs both classes/);
  });
});
