import { readBinaryInputs, requirePositives } from './binary-inputs';
import { countByDistinctThreshold } from './threshold-counts';

/** Precision-recall curve in scikit-learn's layout (see `precisionRecallCurve`). */
export interface PrecisionRecallCurve {
  readonly precision: number[];
  readonly recall: number[];
  readonly thresholds: number[];
}

/**
 * sklearn `average_precision_score`: sum over distinct thresholds, descending, of
 * (R_n - R_{n-1}) * P_n with R_0 = 0 — a step sum, no interpolation.
 * RangeError when no label is positive (recall is undefined).
 */
export function averagePrecision(scores: ArrayLike<number>, labels: ArrayLike<number>): number {
  const inputs = readBinaryInputs(scores, labels, 'averagePrecision');
  requirePositives(inputs, 'averagePrecision');
  const { truePositives, falsePositives } = countByDistinctThreshold(inputs);
  let sum = 0;
  let previousTp = 0;
  for (let i = 0; i < truePositives.length; i++) {
    const tp = truePositives[i];
    const precision = tp / (tp + falsePositives[i]);
    sum += ((tp - previousTp) / inputs.positives) * precision;
    previousTp = tp;
  }
  return sum;
}

/**
 * sklearn `precision_recall_curve` (drop_intermediate=False, its default): thresholds are
 * the distinct scores ascending; precision[i] and recall[i] are for score >= thresholds[i];
 * a final point precision 1, recall 0 without a threshold is appended.
 * RangeError when no label is positive (sklearn sets recall to 1 with a warning).
 */
export function precisionRecallCurve(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): PrecisionRecallCurve {
  const inputs = readBinaryInputs(scores, labels, 'precisionRecallCurve');
  requirePositives(inputs, 'precisionRecallCurve');
  const counts = countByDistinctThreshold(inputs);
  const precision: number[] = [];
  const recall: number[] = [];
  const thresholds: number[] = [];
  // The counts run from the highest threshold down; the curve runs from the lowest up.
  for (let i = counts.thresholds.length - 1; i >= 0; i--) {
    const tp = counts.truePositives[i];
    precision.push(tp / (tp + counts.falsePositives[i]));
    recall.push(tp / inputs.positives);
    thresholds.push(counts.thresholds[i]);
  }
  precision.push(1);
  recall.push(0);
  return { precision, recall, thresholds };
}
