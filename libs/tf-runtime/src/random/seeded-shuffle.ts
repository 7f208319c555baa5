import { createRng, type Rng } from '@tethys/data';

/**
 * A permutation of 0..n-1 drawn from a seed (or from a caller's Rng, so that
 * successive epochs draw successive permutations from one stream). Use it to
 * order training batches and call model.fit with `shuffle: false`: tfjs's
 * own shuffle uses Math.random and cannot be seeded.
 */
export function seededShuffle(n: number, seed: number | Rng): Int32Array {
  if (!Number.isSafeInteger(n) || n < 0) {
    throw new RangeError(`seededShuffle: n must be a non-negative integer, got ${n}`);
  }
  const rng = typeof seed === 'number' ? createRng(seed) : seed;
  return rng.sampleWithoutReplacement(n, n);
}
