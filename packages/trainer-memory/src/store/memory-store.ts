import type { Embedder } from '@tethys/embeddings';
import type { SearchHit, VectorIndex } from '@tethys/vector-index';
import { randomIdGenerator, systemClock, type Clock, type IdGenerator } from './ids-and-clock';
import {
  hasFilters,
  matchesFilters,
  toMemoryRecord,
  type MemoryFilters,
  type MemoryHit,
  type MemoryMetadata,
  type MemoryRecord,
  type StoredMemory,
} from './memory-record';
import { MemoryStoreError } from './memory-store-error';
import type { MemoryPersistence } from './persistence/memory-persistence';
import { createDefaultUserIndexFactory, type UserIndexFactory } from './user-index-factory';
import { validateFilters, validateK, validateMemoryId, validateMetadata, validateText, validateUserId } from './validation';

export interface MemoryStoreOptions {
  readonly persistence: MemoryPersistence;
  readonly embedder: Embedder;
  /** Default: random UUIDs (unique across processes); inject a sequential or seeded one for reproducible runs. */
  readonly idGenerator?: IdGenerator;
  /** Default: Date.now. */
  readonly clock?: Clock;
  /** Default: FlatIndex below 5,000 memories, HnswIndex above. */
  readonly indexFactory?: UserIndexFactory;
  /** Texts per embedder call in addMany/reindex. */
  readonly embedBatchSize?: number;
}

export interface NewMemory {
  readonly text: string;
  readonly metadata?: MemoryMetadata;
}

export interface MemorySearchOptions {
  /**
   * `local` (default): the cached per-user index. `server`: the persistence's own
   * nearest-neighbour search (Firestore findNearest), for sets too large to load.
   */
  readonly where?: 'local' | 'server';
}

export interface UserIndexInfo {
  readonly userId: string;
  /** The VectorIndex kind (`flat`, `hnsw`). */
  readonly kind: string;
  readonly size: number;
  readonly dim: number;
  readonly embedderHash: string;
}

export interface ReindexResult {
  readonly userId: string;
  readonly reembedded: number;
  readonly total: number;
  readonly embedderHash: string;
  /** Hashes found before the reindex, with how many memories had each. */
  readonly previousHashes: Readonly<Record<string, number>>;
}

/** A user's built index: the CLI can save `index` as an artifact; ids are positions in `memories`. */
export interface UserIndex {
  readonly index: VectorIndex;
  /** memories[i] is the memory under index id i. */
  readonly memories: readonly MemoryRecord[];
  readonly info: UserIndexInfo;
}

/**
 * Per-user memories: validated writes through a MemoryPersistence, search through
 * a cached per-user vector index that is rebuilt on demand and dropped on every
 * add/forget/reindex through this store. Writes by other processes are seen after
 * the next rebuild (`trainUserIndex`).
 */
export class MemoryStore {
  readonly persistence: MemoryPersistence;
  readonly embedder: Embedder;
  private readonly idGenerator: IdGenerator;
  private readonly clock: Clock;
  private readonly indexFactory: UserIndexFactory;
  private readonly embedBatchSize: number;
  private readonly indexes = new Map<string, UserIndex>();
  /** Bumped on every invalidation, so a build that raced a write is not cached. */
  private readonly generations = new Map<string, number>();

  constructor(options: MemoryStoreOptions) {
    this.persistence = options.persistence;
    this.embedder = options.embedder;
    this.idGenerator = options.idGenerator ?? randomIdGenerator;
    this.clock = options.clock ?? systemClock;
    this.indexFactory = options.indexFactory ?? createDefaultUserIndexFactory();
    this.embedBatchSize = options.embedBatchSize ?? 64;
    if (!Number.isInteger(this.embedBatchSize) || this.embedBatchSize < 1) {
      throw new MemoryStoreError('INVALID_ARGUMENT', `embedBatchSize must be a positive integer, got ${this.embedBatchSize}`);
    }
  }

  async add(userId: string, text: string, metadata?: MemoryMetadata): Promise<MemoryRecord> {
    const [record] = await this.addMany(userId, [{ text, metadata }]);
    return record;
  }

  /** Adds several memories of one user; all are validated before anything is embedded or written. */
  async addMany(userId: string, items: readonly NewMemory[]): Promise<MemoryRecord[]> {
    const user = validateUserId(userId);
    if (!Array.isArray(items) || items.length === 0) {
      throw new MemoryStoreError('INVALID_ARGUMENT', 'addMany needs a non-empty array of { text, metadata }');
    }
    const checked = items.map((item, i) => ({
      text: validateText(item?.text, `items[${i}].text`),
      metadata: validateMetadata(item?.metadata, `items[${i}].metadata`),
    }));
    const vectors = await this.embedAll(checked.map((item) => item.text));
    const stored: StoredMemory[] = checked.map((item, i) => ({
      id: this.nextId(),
      userId: user,
      text: item.text,
      metadata: item.metadata,
      createdAt: this.now(),
      embedderHash: this.embedder.identityHash,
      vector: vectors[i],
    }));
    await this.afterWrite(user, () => this.persistence.insert(user, stored));
    return stored.map(toMemoryRecord);
  }

  async get(userId: string, id: string): Promise<MemoryRecord | undefined> {
    const stored = await this.persistence.get(validateUserId(userId), validateMemoryId(id));
    return stored ? toMemoryRecord(stored) : undefined;
  }

  /** A user's memories, oldest first. */
  async list(userId: string): Promise<MemoryRecord[]> {
    return (await this.persistence.list(validateUserId(userId))).map(toMemoryRecord);
  }

  async count(userId: string): Promise<number> {
    return this.persistence.count(validateUserId(userId));
  }

  /** Deletes one memory; an id the user does not have is an UNKNOWN_MEMORY error (another user's id included). */
  async forget(userId: string, id: string): Promise<void> {
    const user = validateUserId(userId);
    const memoryId = validateMemoryId(id);
    const removed = await this.afterWrite(user, () => this.persistence.delete(user, memoryId));
    if (!removed) throw new MemoryStoreError('UNKNOWN_MEMORY', `user ${user} has no memory with id ${memoryId}`);
  }

  /** The k memories of this user closest to `query`, best first, optionally filtered. */
  async search(
    userId: string,
    query: string,
    k: number,
    filters?: MemoryFilters,
    options: MemorySearchOptions = {},
  ): Promise<MemoryHit[]> {
    const user = validateUserId(userId);
    const queryText = validateText(query, 'query');
    const limit = validateK(k);
    const checkedFilters = validateFilters(filters);
    if (options.where === 'server') return this.searchOnServer(user, queryText, limit, checkedFilters);
    if (options.where !== undefined && options.where !== 'local') {
      throw new MemoryStoreError('INVALID_ARGUMENT', `options.where must be 'local' or 'server', got ${String(options.where)}`);
    }
    const userIndex = await this.userIndex(user);
    if (userIndex.memories.length === 0) return [];
    const [queryVector] = await this.embedder.embed([queryText]);
    const hits = this.searchIndex(userIndex, queryVector, limit, checkedFilters);
    return hits.map((hit) => ({ memory: userIndex.memories[hit.id], score: hit.score }));
  }

  /** With filters, asks the index for more candidates until k pass the filters or every memory was seen. */
  private searchIndex(userIndex: UserIndex, queryVector: Float32Array, k: number, filters: MemoryFilters | undefined): SearchHit[] {
    const size = userIndex.memories.length;
    if (!hasFilters(filters)) return userIndex.index.search(queryVector, Math.min(k, size));
    let probe = Math.min(size, k * 4);
    for (;;) {
      const passing = userIndex.index
        .search(queryVector, probe)
        .filter((hit) => matchesFilters(userIndex.memories[hit.id], filters));
      if (passing.length >= k || probe >= size) return passing.slice(0, k);
      probe = Math.min(size, probe * 4);
    }
  }

  private async searchOnServer(userId: string, query: string, k: number, filters: MemoryFilters | undefined): Promise<MemoryHit[]> {
    if (!this.persistence.searchNearest) {
      throw new MemoryStoreError('UNSUPPORTED', `the ${this.persistence.kind} persistence has no server-side search; use where: 'local'`);
    }
    const [queryVector] = await this.embedder.embed([query]);
    const hits = await this.persistence.searchNearest(userId, queryVector, k, filters);
    const foreign = hits.find((hit) => hit.memory.embedderHash !== this.embedder.identityHash);
    if (foreign) {
      throw new MemoryStoreError(
        'EMBEDDER_MISMATCH',
        `user ${userId}: memory ${foreign.memory.id} was embedded by ${foreign.memory.embedderHash}, the current embedder is ${this.embedder.identityHash}; run reindex(${userId})`,
      );
    }
    return hits;
  }

  /** (Re)builds and caches the user's index from the persistence; the CLI's `train --user U`. */
  async trainUserIndex(userId: string): Promise<UserIndexInfo> {
    const user = validateUserId(userId);
    this.invalidateUserIndex(user);
    return (await this.userIndex(user)).info;
  }

  /** What is cached for the user right now, without building anything. */
  userIndexInfo(userId: string): UserIndexInfo | undefined {
    return this.indexes.get(validateUserId(userId))?.info;
  }

  /** Drops the user's cached index (e.g. after another process wrote to the same store). */
  invalidateUserIndex(userId: string): void {
    validateUserId(userId);
    this.indexes.delete(userId);
    this.generations.set(userId, this.generation(userId) + 1);
  }

  /**
   * Awaits a write, then invalidates, also when the write fails (it may have
   * partly landed). Invalidating after is enough: a build that started before the
   * write finished still holds the old generation, so it is never cached.
   */
  private async afterWrite<T>(userId: string, write: () => Promise<T>): Promise<T> {
    try {
      return await write();
    } finally {
      this.invalidateUserIndex(userId);
    }
  }

  private generation(userId: string): number {
    return this.generations.get(userId) ?? 0;
  }

  private infoOf(userId: string, index: VectorIndex): UserIndexInfo {
    return { userId, kind: index.kind, size: index.size, dim: this.embedder.dim, embedderHash: this.embedder.identityHash };
  }

  /**
   * Re-embeds the user's memories with the current embedder (after a model
   * change): those with another hash, or all of them with `force`.
   */
  async reindex(userId: string, options: { force?: boolean } = {}): Promise<ReindexResult> {
    const user = validateUserId(userId);
    const memories = await this.persistence.list(user);
    const previousHashes: Record<string, number> = {};
    for (const memory of memories) previousHashes[memory.embedderHash] = (previousHashes[memory.embedderHash] ?? 0) + 1;
    const stale = options.force ? memories : memories.filter((memory) => memory.embedderHash !== this.embedder.identityHash);
    if (stale.length > 0) {
      const vectors = await this.embedAll(stale.map((memory) => memory.text));
      const updates = stale.map((memory, i) => ({ id: memory.id, vector: vectors[i], embedderHash: this.embedder.identityHash }));
      await this.afterWrite(user, () => this.persistence.updateVectors(user, updates));
    }
    return { userId: user, reembedded: stale.length, total: memories.length, embedderHash: this.embedder.identityHash, previousHashes };
  }

  async close(): Promise<void> {
    this.indexes.clear();
    await this.persistence.close();
  }

  /**
   * Installs a previously built index for `userId` (for example one the CLI
   * saved with `train --user`), if it still matches the store: the same memory
   * ids in the same order, built from the current embedder. Returns false (and
   * keeps nothing) when it is stale, so the caller falls back to a rebuild.
   */
  async adoptUserIndex(userId: string, index: VectorIndex, memoryIds: readonly string[]): Promise<boolean> {
    validateUserId(userId);
    const generation = this.generation(userId);
    const stored = await this.persistence.list(userId);
    const current =
      index.identity.embedderHash === this.embedder.identityHash &&
      index.identity.dim === this.embedder.dim &&
      index.size === stored.length &&
      stored.length === memoryIds.length &&
      stored.every((memory, i) => memory.id === memoryIds[i] && memory.embedderHash === this.embedder.identityHash);
    if (!current || this.generation(userId) !== generation) return false;
    this.indexes.set(userId, {
      index,
      memories: stored.map(toMemoryRecord),
      info: this.infoOf(userId, index),
    });
    return true;
  }

  /** The user's index, from the cache or built now from the persistence. */
  async userIndex(userId: string): Promise<UserIndex> {
    validateUserId(userId);
    const cached = this.indexes.get(userId);
    if (cached) return cached;
    const generation = this.generation(userId);
    const stored = await this.persistence.list(userId);
    this.assertOneEmbedder(userId, stored);
    const identity = { embedderHash: this.embedder.identityHash, dim: this.embedder.dim, metric: 'cosine' as const };
    const index = this.indexFactory(identity, stored.length);
    if (stored.length > 0) {
      index.addBatch(
        stored.map((_, i) => i),
        stored.map((memory) => memory.vector),
      );
    }
    const built: UserIndex = {
      index,
      memories: stored.map(toMemoryRecord),
      info: this.infoOf(userId, index),
    };
    // Only cache what is still current: an add/forget during the build bumped the generation.
    if (this.generation(userId) === generation) this.indexes.set(userId, built);
    return built;
  }

  private assertOneEmbedder(userId: string, memories: readonly StoredMemory[]): void {
    const counts = new Map<string, number>();
    for (const memory of memories) counts.set(memory.embedderHash, (counts.get(memory.embedderHash) ?? 0) + 1);
    const current = this.embedder.identityHash;
    if (counts.size > 1 || (counts.size === 1 && !counts.has(current))) {
      const found = [...counts].map(([hash, n]) => `${hash.slice(0, 12)} (${n})`).join(', ');
      throw new MemoryStoreError(
        'EMBEDDER_MISMATCH',
        `user ${userId}: memories come from embedders ${found}; the current embedder is ${current.slice(0, 12)}. Run reindex(${userId}) first`,
      );
    }
    const wrongDim = memories.find((memory) => memory.vector.length !== this.embedder.dim);
    if (wrongDim) {
      throw new MemoryStoreError(
        'EMBEDDER_MISMATCH',
        `user ${userId}: memory ${wrongDim.id} has dim ${wrongDim.vector.length}, the embedder has dim ${this.embedder.dim}`,
      );
    }
  }

  private async embedAll(texts: readonly string[]): Promise<Float32Array[]> {
    const vectors: Float32Array[] = [];
    for (let start = 0; start < texts.length; start += this.embedBatchSize) {
      const batch = texts.slice(start, start + this.embedBatchSize);
      const embedded = await this.embedder.embed(batch);
      if (embedded.length !== batch.length || embedded.some((vector) => vector.length !== this.embedder.dim)) {
        throw new MemoryStoreError('EMBEDDER_MISMATCH', `embedder ${this.embedder.name} returned vectors of the wrong count or dim`);
      }
      vectors.push(...embedded);
    }
    return vectors;
  }

  private nextId(): string {
    const id = this.idGenerator();
    try {
      return validateMemoryId(id);
    } catch (cause) {
      throw new MemoryStoreError('INVALID_MEMORY_ID', `the id generator produced an invalid id: ${(cause as Error).message}`, { cause });
    }
  }

  private now(): number {
    const time = this.clock();
    if (typeof time !== 'number' || !Number.isFinite(time)) {
      throw new MemoryStoreError('INVALID_ARGUMENT', `the clock returned ${String(time)}, expected epoch milliseconds`);
    }
    return time;
  }
}
