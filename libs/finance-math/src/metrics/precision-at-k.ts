import { readBinaryInputs } from './binary-inputs';

/**
 * Fraction of positives among the k highest scores. Ties at the k-th score are broken by
 * original order: among equal scores, the sample with the lower index is ranked first.
 * k must be an integer in [1, n].
 */
export function precisionAtK(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  k: number,
): number {
  const inputs = readBinaryInputs(scores, labels, 'precisionAtK');
  const n = inputs.scores.length;
  if (!Number.isInteger(k) || k < 1 || k > n) {
    throw new RangeError(`precisionAtK: k must be an integer in [1, ${n}], got ${k}`);
  }
  const kthScore = Float64Array.from(inputs.scores).sort()[n - k];
  // Everything above the k-th score is in; the tied slots go to the lowest indices.
  let above = 0;
  let positives = 0;
  for (let i = 0; i < n; i++) {
    if (inputs.scores[i] > kthScore) {
      above++;
      positives += inputs.labels[i];
    }
  }
  let tiedSlots = k - above;
  for (let i = 0; i < n && tiedSlots > 0; i++) {
    if (inputs.scores[i] === kthScore) {
      positives += inputs.labels[i];
      tiedSlots--;
    }
  }
  return positives / k;
}
