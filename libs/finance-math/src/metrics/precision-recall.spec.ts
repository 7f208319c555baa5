import { averagePrecision, precisionRecallCurve } from './precision-recall';
import { countsAtThreshold, distinctDescending, randomTiedRanking } from './random-ranking.fixture';

/** Definition by brute force: step sum of recall increments times precision. */
function bruteForceAveragePrecision(scores: number[], labels: number[]): number {
  const positives = labels.filter((label) => label === 1).length;
  let sum = 0;
  let previousRecall = 0;
  for (const threshold of distinctDescending(scores)) {
    const { tp, fp } = countsAtThreshold(scores, labels, threshold);
    const recall = tp / positives;
    sum += (recall - previousRecall) * (tp / (tp + fp));
    previousRecall = recall;
  }
  return sum;
}

describe('averagePrecision', () => {
  it('matches the sklearn docs example', () => {
    // 0.8: R 0.5, P 1; 0.4: R unchanged; 0.35: R 1, P 2/3 -> 0.5 + 1/3
    expect(averagePrecision([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1])).toBeCloseTo(0.8333333333, 10);
  });

  it('treats a tied group as one step', () => {
    // 3: R 0.5, P 1; 2 (one positive, one negative): R 1, P 2/3
    expect(averagePrecision([1, 2, 2, 3], [0, 0, 1, 1])).toBeCloseTo(5 / 6, 12);
    expect(averagePrecision([4, 4, 4, 4], [0, 1, 0, 1])).toBe(0.5);
  });

  it('is 1 for a perfect ranking and the step sum for an inverted one', () => {
    expect(averagePrecision([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    // 0.2: R 0.5, P 1/3; 0.1: R 1, P 1/2 -> 1/6 + 1/4
    expect(averagePrecision([0.1, 0.2, 0.8, 0.9], [1, 1, 0, 0])).toBeCloseTo(5 / 12, 12);
  });

  it('is 1 when every label is positive', () => {
    expect(averagePrecision([0.3, 0.1], [1, 1])).toBe(1);
  });

  it('rejects labels without a positive', () => {
    expect(() => averagePrecision([0.3, 0.1], [0, 0])).toThrow(
      new RangeError('averagePrecision: needs at least one positive label, got none'),
    );
  });

  it('equals the brute-force definition on 500 seeded samples with ties', () => {
    const { scores, labels } = randomTiedRanking(500, 77);
    expect(averagePrecision(scores, labels)).toBeCloseTo(bruteForceAveragePrecision(scores, labels), 12);
  });
});

describe('precisionRecallCurve', () => {
  it('matches the sklearn docs example', () => {
    const curve = precisionRecallCurve([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(curve.thresholds).toEqual([0.1, 0.35, 0.4, 0.8]);
    expect(curve.recall).toEqual([1, 1, 0.5, 0.5, 0]);
    expect(curve.precision).toHaveLength(5);
    [0.5, 2 / 3, 0.5, 1, 1].forEach((value, i) => expect(curve.precision[i]).toBeCloseTo(value, 12));
  });

  it('agrees with brute-force counts at every threshold on seeded tied data', () => {
    const { scores, labels } = randomTiedRanking(500, 5);
    const positives = labels.filter((label) => label === 1).length;
    const curve = precisionRecallCurve(scores, labels);
    expect(curve.thresholds).toEqual(distinctDescending(scores).reverse());
    curve.thresholds.forEach((threshold, i) => {
      const { tp, fp } = countsAtThreshold(scores, labels, threshold);
      expect(curve.precision[i]).toBeCloseTo(tp / (tp + fp), 12);
      expect(curve.recall[i]).toBeCloseTo(tp / positives, 12);
    });
    expect(curve.precision.at(-1)).toBe(1);
    expect(curve.recall.at(-1)).toBe(0);
  });

  it('rejects labels without a positive', () => {
    expect(() => precisionRecallCurve([0.3, 0.1], [0, 0])).toThrow(/precisionRecallCurve: needs at least one positive/);
  });
});
