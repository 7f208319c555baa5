import type { BinaryInputs } from './binary-inputs';

/**
 * Cumulative counts at every distinct score used as a threshold (scikit-learn's
 * `_binary_clf_curve`): entry i counts the samples with score >= thresholds[i].
 */
export interface ThresholdCounts {
  /** Distinct scores, descending. */
  readonly thresholds: Float64Array;
  /** Positives scored at or above each threshold. */
  readonly truePositives: Float64Array;
  /** Negatives scored at or above each threshold. */
  readonly falsePositives: Float64Array;
}

/** Each class's scores, sorted ascending with the native typed-array sort. */
export function scoresByClassAscending(inputs: BinaryInputs): {
  positive: Float64Array;
  negative: Float64Array;
} {
  const positive = new Float64Array(inputs.positives);
  const negative = new Float64Array(inputs.negatives);
  let p = 0;
  let q = 0;
  for (let i = 0; i < inputs.scores.length; i++) {
    if (inputs.labels[i] === 1) positive[p++] = inputs.scores[i];
    else negative[q++] = inputs.scores[i];
  }
  return { positive: positive.sort(), negative: negative.sort() };
}

/**
 * O(n log n): two native typed-array sorts, then one merge from the top (no comparator
 * callback, which made an index sort markedly slower on a million scores).
 */
export function countByDistinctThreshold(inputs: BinaryInputs): ThresholdCounts {
  const { positive, negative } = scoresByClassAscending(inputs);
  // At most one threshold per sample; trimmed to the distinct count at the end.
  const thresholds = new Float64Array(inputs.scores.length);
  const truePositives = new Float64Array(inputs.scores.length);
  const falsePositives = new Float64Array(inputs.scores.length);
  let distinct = 0;
  let p = positive.length - 1;
  let q = negative.length - 1;
  let tp = 0;
  let fp = 0;
  // Scores are finite, so -Infinity marks an exhausted class.
  while (p >= 0 || q >= 0) {
    const topPositive = p >= 0 ? positive[p] : Number.NEGATIVE_INFINITY;
    const topNegative = q >= 0 ? negative[q] : Number.NEGATIVE_INFINITY;
    const threshold = topPositive > topNegative ? topPositive : topNegative;
    while (p >= 0 && positive[p] === threshold) {
      tp++;
      p--;
    }
    while (q >= 0 && negative[q] === threshold) {
      fp++;
      q--;
    }
    thresholds[distinct] = threshold;
    truePositives[distinct] = tp;
    falsePositives[distinct] = fp;
    distinct++;
  }
  return {
    thresholds: thresholds.subarray(0, distinct),
    truePositives: truePositives.subarray(0, distinct),
    falsePositives: falsePositives.subarray(0, distinct),
  };
}
