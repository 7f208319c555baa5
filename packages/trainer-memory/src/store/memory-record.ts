/** Flat metadata only: values become Firestore fields and SQL-free equality filters. */
export type MetadataValue = string | number | boolean;
export type MemoryMetadata = Readonly<Record<string, MetadataValue>>;

/** One memory as callers see it (no vector). */
export interface MemoryRecord {
  readonly id: string;
  readonly userId: string;
  readonly text: string;
  readonly metadata: MemoryMetadata;
  /** Milliseconds since the Unix epoch, from the store's clock. */
  readonly createdAt: number;
  /** identityHash of the embedder that produced this memory's vector. */
  readonly embedderHash: string;
}

/** A memory as the persistence holds it: the record plus its unit-length vector. */
export interface StoredMemory extends MemoryRecord {
  readonly vector: Float32Array;
}

export interface MemoryHit {
  readonly memory: MemoryRecord;
  /** Cosine similarity to the query (higher is closer). */
  readonly score: number;
}

/** Equality on metadata fields and a createdAt window; all given conditions must hold. */
export interface MemoryFilters {
  readonly metadata?: MemoryMetadata;
  readonly createdAt?: {
    /** Inclusive lower bound (epoch ms). */
    readonly from?: number;
    /** Exclusive upper bound (epoch ms). */
    readonly until?: number;
  };
}

/** Strips the vector: records handed to callers never carry it. */
export function toMemoryRecord(stored: StoredMemory): MemoryRecord {
  return {
    id: stored.id,
    userId: stored.userId,
    text: stored.text,
    metadata: stored.metadata,
    createdAt: stored.createdAt,
    embedderHash: stored.embedderHash,
  };
}

export function matchesFilters(memory: MemoryRecord, filters: MemoryFilters | undefined): boolean {
  if (!filters) return true;
  for (const [key, value] of Object.entries(filters.metadata ?? {})) {
    if (memory.metadata[key] !== value) return false;
  }
  const from = filters.createdAt?.from;
  const until = filters.createdAt?.until;
  if (from !== undefined && memory.createdAt < from) return false;
  if (until !== undefined && memory.createdAt >= until) return false;
  return true;
}

export function hasFilters(filters: MemoryFilters | undefined): boolean {
  if (!filters) return false;
  return (
    Object.keys(filters.metadata ?? {}).length > 0 ||
    filters.createdAt?.from !== undefined ||
    filters.createdAt?.until !== undefined
  );
}
