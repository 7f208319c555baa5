import {
  averagePrecision,
  bestF1Threshold,
  confusionAtThreshold,
  countPositives,
  precisionAtK,
  precisionRecallCurve,
  rocAuc,
  rocCurve,
  thresholdSweep,
} from '../index';

describe('countPositives', () => {
  it('counts the 1 labels', () => {
    expect(countPositives([0, 1, 1, 0, 1])).toBe(3);
    expect(countPositives(Uint8Array.of(0, 0))).toBe(0);
    expect(countPositives([])).toBe(0);
  });

  it('rejects any other label and names its index', () => {
    expect(() => countPositives([0, 1, 2])).toThrow(
      new RangeError('countPositives: labels[2] must be 0 or 1, got 2'),
    );
    expect(() => countPositives([0.5])).toThrow(/labels\[0\]/);
  });
});

// Every metric shares the same input rules; each must report them under its own name.
const metrics: [string, (scores: ArrayLike<number>, labels: ArrayLike<number>) => unknown][] = [
  ['rocAuc', rocAuc],
  ['rocCurve', rocCurve],
  ['averagePrecision', averagePrecision],
  ['precisionRecallCurve', precisionRecallCurve],
  ['precisionAtK', (s, l) => precisionAtK(s, l, 1)],
  ['confusionAtThreshold', (s, l) => confusionAtThreshold(s, l, 0.5)],
  ['thresholdSweep', (s, l) => thresholdSweep(s, l, [0.5])],
  ['bestF1Threshold', bestF1Threshold],
];

describe.each(metrics)('%s input checks', (name, metric) => {
  it('rejects mismatched lengths', () => {
    expect(() => metric([0.1, 0.2, 0.3], [0, 1])).toThrow(
      new RangeError(`${name}: scores has length 3 but labels has length 2`),
    );
  });

  it('rejects an empty input', () => {
    expect(() => metric([], [])).toThrow(new RangeError(`${name}: empty input`));
  });

  it('rejects a label other than 0 or 1 and names its index', () => {
    expect(() => metric([0.1, 0.2, 0.3], [0, 1, -1])).toThrow(
      new RangeError(`${name}: labels[2] must be 0 or 1, got -1`),
    );
  });

  it('rejects NaN and infinite scores and names the index', () => {
    expect(() => metric([0.1, Number.NaN, 0.3], [0, 1, 1])).toThrow(
      new RangeError(`${name}: scores[1] must be a finite number, got NaN`),
    );
    expect(() => metric([Infinity, 0.2], [0, 1])).toThrow(/scores\[0\] must be a finite number/);
  });
});
