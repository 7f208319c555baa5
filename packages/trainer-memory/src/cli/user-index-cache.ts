import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadVectorIndex, saveVectorIndex, VectorIndexError } from '@tethys/vector-index';
import type { MemoryStore, UserIndexInfo } from '../store';
import { MEMORY_PRODUCER } from '../training/train-memory';

/**
 * `train --user U`: rebuilds U's index from the store and saves it (an index
 * artifact with the memory ids it covers) so later CLI processes start from it.
 */
export async function trainAndCacheUserIndex(store: MemoryStore, userId: string, cacheDir: string | null): Promise<{ info: UserIndexInfo; savedTo: string | null }> {
  // trainUserIndex drops any cached index before rebuilding.
  const info = await store.trainUserIndex(userId);
  if (cacheDir === null) return { info, savedTo: null };
  const { index, memories } = await store.userIndex(userId);
  const dir = join(cacheDir, userId);
  saveVectorIndex(index, dir, { producer: MEMORY_PRODUCER, metrics: { userId, memoryIds: memories.map((memory) => memory.id) } });
  return { info, savedTo: dir };
}

/** Installs U's cached index when it still matches the store; returns whether it did. */
export async function adoptCachedUserIndex(store: MemoryStore, userId: string, cacheDir: string | null): Promise<boolean> {
  if (cacheDir === null) return false;
  const dir = join(cacheDir, userId);
  if (!existsSync(dir)) return false;
  try {
    const identity = { embedderHash: store.embedder.identityHash, dim: store.embedder.dim, metric: 'cosine' as const };
    const { index, manifest } = loadVectorIndex(dir, identity);
    const memoryIds = (manifest.metrics as { memoryIds?: unknown }).memoryIds;
    if (!Array.isArray(memoryIds)) return false;
    return await store.adoptUserIndex(userId, index, memoryIds as string[]);
  } catch (error) {
    // A cache from another embedder is stale, not an error: the store rebuilds.
    if (error instanceof VectorIndexError && error.code === 'IDENTITY_MISMATCH') return false;
    throw error;
  }
}
