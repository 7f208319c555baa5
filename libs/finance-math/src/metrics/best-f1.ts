import { readBinaryInputs, requirePositives } from './binary-inputs';
import { type ConfusionCounts, confusionFromCounts } from './confusion';
import { countByDistinctThreshold } from './threshold-counts';

/**
 * The distinct score which, used as threshold (score >= t predicted positive), maximises F1.
 * Equal F1 goes to the highest such threshold (fewest flagged samples).
 * RangeError when no label is positive (F1 would be 0 everywhere).
 */
export function bestF1Threshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
): ConfusionCounts {
  const inputs = readBinaryInputs(scores, labels, 'bestF1Threshold');
  requirePositives(inputs, 'bestF1Threshold');
  const counts = countByDistinctThreshold(inputs);
  let best = -1;
  let bestIndex = 0;
  for (let i = 0; i < counts.thresholds.length; i++) {
    const tp = counts.truePositives[i];
    const fn = inputs.positives - tp;
    // Equal fractions divide to the same double, so exact ties compare equal here.
    const f1 = (2 * tp) / (2 * tp + counts.falsePositives[i] + fn);
    if (f1 > best) {
      best = f1;
      bestIndex = i;
    }
  }
  const tp = counts.truePositives[bestIndex];
  const fp = counts.falsePositives[bestIndex];
  return confusionFromCounts(
    counts.thresholds[bestIndex],
    tp,
    fp,
    inputs.negatives - fp,
    inputs.positives - tp,
  );
}
