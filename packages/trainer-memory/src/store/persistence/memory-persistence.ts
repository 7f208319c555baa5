import type { MemoryFilters, MemoryHit, StoredMemory } from '../memory-record';

export interface VectorUpdate {
  readonly id: string;
  readonly vector: Float32Array;
  readonly embedderHash: string;
}

/**
 * Where memories live. Both backends (SQLite, Firestore) satisfy the same
 * contract (src/testing/memory-persistence-contract.ts). Inputs arrive validated
 * by MemoryStore; the persistence still refuses duplicates and unknown ids.
 */
export interface MemoryPersistence {
  readonly kind: string;
  /** Adds all memories of one user atomically per backend batch; an existing id is a DUPLICATE_MEMORY error. */
  insert(userId: string, memories: readonly StoredMemory[]): Promise<void>;
  get(userId: string, id: string): Promise<StoredMemory | undefined>;
  /** All of a user's memories, oldest first (createdAt, then id). */
  list(userId: string): Promise<StoredMemory[]>;
  /** Removes one memory; false when the user has no memory with that id. */
  delete(userId: string, id: string): Promise<boolean>;
  /** Replaces vectors (reindex); an unknown id is an UNKNOWN_MEMORY error and nothing is written for that batch. */
  updateVectors(userId: string, updates: readonly VectorUpdate[]): Promise<void>;
  count(userId: string): Promise<number>;
  /**
   * Optional: nearest neighbours computed where the data lives (Firestore
   * findNearest, COSINE). Scores are cosine similarities, best first.
   */
  searchNearest?(userId: string, query: Float32Array, k: number, filters?: MemoryFilters): Promise<MemoryHit[]>;
  close(): Promise<void>;
}
