export { MemoryStoreError, type MemoryStoreErrorCode } from './memory-store-error';
export type { MemoryFilters, MemoryHit, MemoryMetadata, MemoryRecord, MetadataValue, StoredMemory } from './memory-record';
export { MEMORY_LIMITS, validateMemoryId, validateMetadata, validateText, validateUserId } from './validation';
export {
  createSeededIdGenerator,
  createSequentialIdGenerator,
  randomIdGenerator,
  systemClock,
  type Clock,
  type IdGenerator,
} from './ids-and-clock';
export type { MemoryPersistence, VectorUpdate } from './persistence/memory-persistence';
export { SqliteMemoryPersistence, SQLITE_SCHEMA_VERSION, type SqliteMemoryPersistenceOptions } from './sqlite/sqlite-memory-persistence';
export {
  FirestoreMemoryPersistence,
  FIRESTORE_MAX_BATCH_WRITES,
  type FirestoreMemoryPersistenceOptions,
} from './firestore/firestore-memory-persistence';
export { backoffDelayMs, isTransientFirestoreError, withRetry, type RetryPolicy } from './firestore/retry';
export { createDefaultUserIndexFactory, DEFAULT_HNSW_THRESHOLD, type UserIndexFactory } from './user-index-factory';
export {
  MemoryStore,
  type MemorySearchOptions,
  type MemoryStoreOptions,
  type NewMemory,
  type ReindexResult,
  type UserIndex,
  type UserIndexInfo,
} from './memory-store';
