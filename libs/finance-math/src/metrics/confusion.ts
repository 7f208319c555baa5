import { type BinaryInputs, readBinaryInputs } from './binary-inputs';
import { scoresByClassAscending } from './threshold-counts';

/**
 * Confusion counts and rates when samples with score >= threshold are predicted positive.
 * Every rate whose denominator is 0 is reported as 0 (sklearn's `zero_division=0`).
 */
export interface ConfusionCounts {
  readonly threshold: number;
  readonly tp: number;
  readonly fp: number;
  readonly tn: number;
  readonly fn: number;
  /** tp / (tp + fp); 0 when nothing is predicted positive. */
  readonly precision: number;
  /** tp / (tp + fn), the true positive rate; 0 when there are no positives. */
  readonly recall: number;
  /** fp / (fp + tn); 0 when there are no negatives. */
  readonly fpr: number;
  /** 2 tp / (2 tp + fp + fn) (sklearn's form); 0 when tp + fp + fn is 0. */
  readonly f1: number;
  /** tn / (tn + fp); 0 when there are no negatives. */
  readonly specificity: number;
  /** (tp + tn) / n. */
  readonly accuracy: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 0 : numerator / denominator;
}

/** Builds the rates from the four counts (n = tp + fp + tn + fn > 0). */
export function confusionFromCounts(
  threshold: number,
  tp: number,
  fp: number,
  tn: number,
  fn: number,
): ConfusionCounts {
  return {
    threshold,
    tp,
    fp,
    tn,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    fpr: ratio(fp, fp + tn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
    specificity: ratio(tn, tn + fp),
    accuracy: ratio(tp + tn, tp + fp + tn + fn),
  };
}

/** Number of entries of an ascending array that are >= value (binary search). */
function countAtLeast(ascending: Float64Array, value: number): number {
  let low = 0;
  let high = ascending.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (ascending[middle] < value) low = middle + 1;
    else high = middle;
  }
  return ascending.length - low;
}

function sweep(inputs: BinaryInputs, thresholds: ArrayLike<number>, caller: string): ConfusionCounts[] {
  for (let i = 0; i < thresholds.length; i++) {
    if (typeof thresholds[i] !== 'number' || Number.isNaN(thresholds[i])) {
      throw new RangeError(`${caller}: thresholds[${i}] must be a number, got ${String(thresholds[i])}`);
    }
  }
  // Sort each class's scores once; each threshold is then two binary searches.
  const { positive: positiveScores, negative: negativeScores } = scoresByClassAscending(inputs);
  const results: ConfusionCounts[] = [];
  for (let i = 0; i < thresholds.length; i++) {
    const tp = countAtLeast(positiveScores, thresholds[i]);
    const fp = countAtLeast(negativeScores, thresholds[i]);
    results.push(
      confusionFromCounts(thresholds[i], tp, fp, inputs.negatives - fp, inputs.positives - tp),
    );
  }
  return results;
}

/** Confusion counts at each threshold, in the given order; sorts the scores once. */
export function thresholdSweep(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  thresholds: ArrayLike<number>,
): ConfusionCounts[] {
  return sweep(readBinaryInputs(scores, labels, 'thresholdSweep'), thresholds, 'thresholdSweep');
}

/** Confusion counts with score >= threshold predicted positive; the threshold may be ±Infinity. */
export function confusionAtThreshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  threshold: number,
): ConfusionCounts {
  const inputs = readBinaryInputs(scores, labels, 'confusionAtThreshold');
  if (typeof threshold !== 'number' || Number.isNaN(threshold)) {
    throw new RangeError(`confusionAtThreshold: threshold must be a number, got ${String(threshold)}`);
  }
  return sweep(inputs, [threshold], 'confusionAtThreshold')[0];
}
