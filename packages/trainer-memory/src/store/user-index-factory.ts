import { FlatIndex, HnswIndex, type VectorIndex, type VectorIndexIdentity } from '@tethys/vector-index';

/** Builds the empty index for one user's vectors; `size` is how many will be added. */
export type UserIndexFactory = (identity: VectorIndexIdentity, size: number) => VectorIndex;

/** Below this many memories an exact scan is as fast as a graph and never misses. */
export const DEFAULT_HNSW_THRESHOLD = 5000;

/** FlatIndex for small per-user sets, HnswIndex (fixed seed: reproducible graph) above `hnswThreshold`. */
export function createDefaultUserIndexFactory(hnswThreshold = DEFAULT_HNSW_THRESHOLD): UserIndexFactory {
  if (!Number.isInteger(hnswThreshold) || hnswThreshold < 1) {
    throw new RangeError(`hnswThreshold must be a positive integer, got ${hnswThreshold}`);
  }
  return (identity, size) =>
    size < hnswThreshold
      ? new FlatIndex(identity, { capacity: Math.max(1, size) })
      : new HnswIndex(identity, { capacity: Math.max(1, size), randomSeed: 100 });
}
