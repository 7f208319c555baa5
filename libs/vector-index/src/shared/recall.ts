import type { SearchHit } from '../vector-index';

/**
 * Mean recall@k: the share of each exact top-k id list that the approximate
 * list also returned, averaged over queries.
 */
export function recallAgainstExact(approximate: readonly SearchHit[][], exact: readonly SearchHit[][], k: number): number {
  if (approximate.length !== exact.length) {
    throw new RangeError(`recallAgainstExact: ${approximate.length} approximate result lists for ${exact.length} exact ones`);
  }
  if (exact.length === 0) return 1;
  let total = 0;
  for (let q = 0; q < exact.length; q++) {
    const truth = exact[q].slice(0, k);
    if (truth.length === 0) {
      total += 1;
      continue;
    }
    const found = new Set(approximate[q].slice(0, k).map((hit) => hit.id));
    let hits = 0;
    for (const hit of truth) if (found.has(hit.id)) hits++;
    total += hits / truth.length;
  }
  return total / exact.length;
}
