/**
 * One interface for every vector index (exact flat, HNSW, optional FAISS).
 * Ids are caller-chosen non-negative integers (stable across save/load), so a
 * store can map them to its own records.
 */
export type VectorMetric = 'cosine' | 'ip' | 'l2';

export interface SearchHit {
  readonly id: number;
  /** Higher is more similar for every metric (cosine / inner product; negated squared distance for l2). */
  readonly score: number;
}

export interface VectorIndexIdentity {
  /** The embedder's identityHash the vectors came from. */
  readonly embedderHash: string;
  readonly dim: number;
  readonly metric: VectorMetric;
}

export interface VectorIndex {
  readonly kind: string;
  readonly identity: VectorIndexIdentity;
  /** Live (not deleted) vectors. */
  readonly size: number;
  add(id: number, vector: ArrayLike<number>): void;
  addBatch(ids: readonly number[], vectors: readonly ArrayLike<number>[]): void;
  /** Removes `id` from results (HNSW marks it deleted; `compact` reclaims space). Unknown id is a typed error. */
  remove(id: number): void;
  has(id: number): boolean;
  /** At most k hits, best first; ties broken by smaller id so results are deterministic. */
  search(query: ArrayLike<number>, k: number): SearchHit[];
}
