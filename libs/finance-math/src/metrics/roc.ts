import { readBinaryInputs, requireBothClasses } from './binary-inputs';
import { countByDistinctThreshold } from './threshold-counts';

/** Points of the ROC curve; thresholds[i] flags the samples with score >= thresholds[i]. */
export interface RocCurve {
  readonly fpr: number[];
  readonly tpr: number[];
  readonly thresholds: number[];
}

/**
 * Area under the ROC curve as the Mann-Whitney U statistic: the share of (positive, negative)
 * pairs where the positive scores higher, ties counting half (= sklearn `roc_auc_score`).
 * O(n log n); RangeError when only one class is present.
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const inputs = readBinaryInputs(scores, labels, 'rocAuc');
  requireBothClasses(inputs, 'rocAuc');
  const { truePositives, falsePositives } = countByDistinctThreshold(inputs);
  // Per threshold group: its negatives lose to every positive above the group and tie with
  // the group's own positives. Counts are integers or halves, so the sum stays exact.
  let wins = 0;
  let previousTp = 0;
  let previousFp = 0;
  for (let i = 0; i < truePositives.length; i++) {
    const groupPositives = truePositives[i] - previousTp;
    const groupNegatives = falsePositives[i] - previousFp;
    wins += groupNegatives * (previousTp + groupPositives / 2);
    previousTp = truePositives[i];
    previousFp = falsePositives[i];
  }
  return wins / (inputs.positives * inputs.negatives);
}

/**
 * ROC curve as sklearn `roc_curve(..., drop_intermediate=False)`: one point per distinct
 * score (descending), preceded by (0, 0) at threshold +Infinity. Collinear points are kept.
 * RangeError when only one class is present (sklearn would return NaN rates with a warning).
 */
export function rocCurve(scores: ArrayLike<number>, labels: ArrayLike<number>): RocCurve {
  const inputs = readBinaryInputs(scores, labels, 'rocCurve');
  requireBothClasses(inputs, 'rocCurve');
  const counts = countByDistinctThreshold(inputs);
  const fpr = [0];
  const tpr = [0];
  const thresholds = [Number.POSITIVE_INFINITY];
  for (let i = 0; i < counts.thresholds.length; i++) {
    fpr.push(counts.falsePositives[i] / inputs.negatives);
    tpr.push(counts.truePositives[i] / inputs.positives);
    thresholds.push(counts.thresholds[i]);
  }
  return { fpr, tpr, thresholds };
}
