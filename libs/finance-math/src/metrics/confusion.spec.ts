import { confusionAtThreshold, thresholdSweep } from './confusion';
import { countsAtThreshold, randomTiedRanking } from './random-ranking.fixture';

describe('confusionAtThreshold', () => {
  const scores = [0.1, 0.4, 0.35, 0.8];
  const labels = [0, 0, 1, 1];

  it('predicts positive at score >= threshold and derives every rate', () => {
    expect(confusionAtThreshold(scores, labels, 0.35)).toEqual({
      threshold: 0.35,
      tp: 2,
      fp: 1,
      tn: 1,
      fn: 0,
      precision: 2 / 3,
      recall: 1,
      fpr: 0.5,
      f1: 0.8,
      specificity: 0.5,
      accuracy: 0.75,
    });
  });

  it('reports precision 0 when nothing is predicted positive', () => {
    const counts = confusionAtThreshold(scores, labels, Infinity);
    expect(counts).toMatchObject({ tp: 0, fp: 0, tn: 2, fn: 2, precision: 0, recall: 0, f1: 0, fpr: 0 });
    expect(counts.specificity).toBe(1);
    expect(counts.accuracy).toBe(0.5);
  });

  it('flags everything at -Infinity', () => {
    expect(confusionAtThreshold(scores, labels, -Infinity)).toMatchObject({ tp: 2, fp: 2, tn: 0, fn: 0, recall: 1, fpr: 1 });
  });

  it('reports 0 for rates without a denominator when one class is absent', () => {
    const counts = confusionAtThreshold([0.2, 0.9], [0, 0], 0.5);
    expect(counts).toMatchObject({ tp: 0, fp: 1, tn: 1, fn: 0, precision: 0, recall: 0, f1: 0, fpr: 0.5 });
    const onlyPositives = confusionAtThreshold([0.2, 0.9], [1, 1], 0.5);
    expect(onlyPositives).toMatchObject({ fpr: 0, specificity: 0, recall: 0.5, precision: 1 });
  });

  it('rejects a NaN threshold', () => {
    expect(() => confusionAtThreshold(scores, labels, Number.NaN)).toThrow(
      new RangeError('confusionAtThreshold: threshold must be a number, got NaN'),
    );
  });
});

describe('thresholdSweep', () => {
  it('keeps the order of the thresholds it is given', () => {
    const sweep = thresholdSweep([0.1, 0.4, 0.35, 0.8], [0, 0, 1, 1], [0.8, 0.1, 0.5]);
    expect(sweep.map((c) => [c.threshold, c.tp, c.fp])).toEqual([
      [0.8, 1, 0],
      [0.1, 2, 2],
      [0.5, 1, 0],
    ]);
    expect(thresholdSweep([1, 2], [0, 1], [])).toEqual([]);
  });

  it('agrees with brute-force counts on seeded tied data, at and between scores', () => {
    const { scores, labels } = randomTiedRanking(500, 3);
    const thresholds = [-Infinity, -4, -3.5, 0, 1, 2, 2.5, 5, 100, Infinity];
    const sweep = thresholdSweep(scores, labels, thresholds);
    thresholds.forEach((threshold, i) => {
      const expected = countsAtThreshold(scores, labels, threshold);
      expect(sweep[i]).toMatchObject({ threshold, ...expected });
      expect(sweep[i]).toEqual(confusionAtThreshold(scores, labels, threshold));
    });
  });

  it('rejects a NaN threshold and names its index', () => {
    expect(() => thresholdSweep([1, 2], [0, 1], [1, Number.NaN])).toThrow(
      new RangeError('thresholdSweep: thresholds[1] must be a number, got NaN'),
    );
  });
});
