import { bestF1Threshold } from './best-f1';
import { countsAtThreshold, distinctDescending, randomTiedRanking } from './random-ranking.fixture';

describe('bestF1Threshold', () => {
  it('picks the distinct score with the highest F1', () => {
    // F1 at 0.8: 2/3, 0.4: 1/2, 0.35: 4/5, 0.1: 2/3
    const best = bestF1Threshold([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1]);
    expect(best).toMatchObject({ threshold: 0.35, tp: 2, fp: 1, tn: 1, fn: 0 });
    expect(best.f1).toBeCloseTo(0.8, 15);
  });

  it('prefers the highest threshold when F1 ties', () => {
    // F1 at 3: 2/3 (tp 1, fn 1), at 1: 2/3 (tp 2, fp 2)
    expect(bestF1Threshold([1, 3, 1, 1], [1, 1, 0, 0]).threshold).toBe(3);
  });

  it('matches an exhaustive search on seeded tied data', () => {
    const { scores, labels } = randomTiedRanking(500, 42);
    let bestF1 = -1;
    let bestThreshold = Number.NaN;
    for (const threshold of distinctDescending(scores)) {
      const { tp, fp, fn } = countsAtThreshold(scores, labels, threshold);
      const f1 = (2 * tp) / (2 * tp + fp + fn);
      if (f1 > bestF1) {
        bestF1 = f1;
        bestThreshold = threshold;
      }
    }
    const best = bestF1Threshold(scores, labels);
    expect(best.threshold).toBe(bestThreshold);
    expect(best.f1).toBeCloseTo(bestF1, 12);
  });

  it('rejects labels without a positive', () => {
    expect(() => bestF1Threshold([0.2, 0.4], [0, 0])).toThrow(/bestF1Threshold: needs at least one positive/);
  });
});
