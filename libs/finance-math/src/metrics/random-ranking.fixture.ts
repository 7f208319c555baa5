import { createRng } from '@tethys/data';

/**
 * Test-only data: a seeded sample of 0/1 labels (about 30% positive) with integer scores
 * drawn around 0 for negatives and 1 for positives, so the ranking is informative but
 * imperfect and many scores tie across both classes.
 */
export function randomTiedRanking(n: number, seed: number): { scores: number[]; labels: number[] } {
  const rng = createRng(seed);
  const scores: number[] = [];
  const labels: number[] = [];
  for (let i = 0; i < n; i++) {
    const label = rng.next() < 0.3 ? 1 : 0;
    labels.push(label);
    scores.push(Math.round(rng.normal(label, 1) * 3));
  }
  return { scores, labels };
}

/** Brute force: samples with score >= threshold, split by class. */
export function countsAtThreshold(
  scores: number[],
  labels: number[],
  threshold: number,
): { tp: number; fp: number; tn: number; fn: number } {
  let tp = 0;
  let fp = 0;
  let tn = 0;
  let fn = 0;
  for (let i = 0; i < scores.length; i++) {
    const flagged = scores[i] >= threshold;
    if (labels[i] === 1) {
      if (flagged) tp++;
      else fn++;
    } else if (flagged) fp++;
    else tn++;
  }
  return { tp, fp, tn, fn };
}

/** Distinct scores, highest first. */
export function distinctDescending(scores: number[]): number[] {
  return [...new Set(scores)].sort((a, b) => b - a);
}
