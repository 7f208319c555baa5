/**
 * Input checks shared by the binary ranking metrics. Conventions: a higher score means
 * more anomalous (positive); labels are 0 (normal) or 1 (anomaly); scores must be finite
 * (scikit-learn's `assert_all_finite` rejects NaN and infinities too).
 */

/** Validated inputs of a binary metric, copied so later caller mutations cannot leak in. */
export interface BinaryInputs {
  readonly scores: Float64Array;
  readonly labels: Uint8Array;
  readonly positives: number;
  readonly negatives: number;
}

function readLabels(labels: ArrayLike<number>, caller: string): Uint8Array {
  const read = new Uint8Array(labels.length);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i];
    if (label !== 0 && label !== 1) {
      throw new RangeError(`${caller}: labels[${i}] must be 0 or 1, got ${String(label)}`);
    }
    read[i] = label;
  }
  return read;
}

/** Number of 1 labels; any label other than 0 or 1 is a RangeError naming its index. */
export function countPositives(labels: ArrayLike<number>): number {
  const read = readLabels(labels, 'countPositives');
  let positives = 0;
  for (let i = 0; i < read.length; i++) positives += read[i];
  return positives;
}

/** Checks lengths, labels and scores; `caller` prefixes every error message. */
export function readBinaryInputs(
  scores: ArrayLike<number>,
  labels: ArrayLike<number>,
  caller: string,
): BinaryInputs {
  if (scores.length !== labels.length) {
    throw new RangeError(
      `${caller}: scores has length ${scores.length} but labels has length ${labels.length}`,
    );
  }
  if (scores.length === 0) throw new RangeError(`${caller}: empty input`);
  const readScores = new Float64Array(scores.length);
  for (let i = 0; i < scores.length; i++) {
    const score = scores[i];
    if (typeof score !== 'number' || !Number.isFinite(score)) {
      throw new RangeError(`${caller}: scores[${i}] must be a finite number, got ${String(score)}`);
    }
    readScores[i] = score;
  }
  const readLabelValues = readLabels(labels, caller);
  let positives = 0;
  for (let i = 0; i < readLabelValues.length; i++) positives += readLabelValues[i];
  return {
    scores: readScores,
    labels: readLabelValues,
    positives,
    negatives: readLabelValues.length - positives,
  };
}

/** Throws unless both classes occur (ROC AUC is undefined otherwise, as in scikit-learn). */
export function requireBothClasses(inputs: BinaryInputs, caller: string): void {
  if (inputs.positives === 0 || inputs.negatives === 0) {
    throw new RangeError(
      `${caller}: needs both classes, got ${inputs.positives} positive and ${inputs.negatives} negative labels`,
    );
  }
}

/** Throws unless a positive label occurs (recall is undefined otherwise). */
export function requirePositives(inputs: BinaryInputs, caller: string): void {
  if (inputs.positives === 0) {
    throw new RangeError(`${caller}: needs at least one positive label, got none`);
  }
}
