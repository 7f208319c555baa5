import { createRng } from '@tethys/data';
import {
  FieldValue,
  type CollectionReference,
  type DocumentSnapshot,
  type Firestore,
  type Query,
} from 'firebase-admin/firestore';
import type { MemoryFilters, MemoryHit, MemoryMetadata, StoredMemory } from '../memory-record';
import { toMemoryRecord } from '../memory-record';
import { MemoryStoreError } from '../memory-store-error';
import type { MemoryPersistence, VectorUpdate } from '../persistence/memory-persistence';
import { SAFE_ID } from '../validation';
import { withRetry, type RetryPolicy } from './retry';

/** Firestore's hard limit on writes in one batch or transaction. */
export const FIRESTORE_MAX_BATCH_WRITES = 500;
const GRPC_NOT_FOUND = 5;
const GRPC_ALREADY_EXISTS = 6;
const DISTANCE_FIELD = 'vectorDistance';

export interface FirestoreMemoryPersistenceOptions {
  /** A firebase-admin Firestore (the caller owns credentials, project and emulator settings). */
  readonly firestore: Firestore;
  /** Root collection holding `{root}/{uid}/memories/{id}`; `users` unless a deployment namespaces it. */
  readonly rootCollection?: string;
  /** Writes per batch, at most 500. */
  readonly batchSize?: number;
  readonly retry?: Partial<Omit<RetryPolicy, 'rng'>> & { readonly seed?: number; readonly rng?: RetryPolicy['rng'] };
  /** Call `firestore.terminate()` on close (only when this persistence owns the client). */
  readonly terminateOnClose?: boolean;
}

/** firebase-admin does not re-export the VectorValue class type. */
type VectorValue = ReturnType<typeof FieldValue.vector>;

/** The document stored at users/{uid}/memories/{id}; firestore.rules validates the same fields. */
interface MemoryDocument {
  text: string;
  metadata: MemoryMetadata;
  createdAt: number;
  embedderHash: string;
  dim: number;
  embedding: VectorValue;
}

/**
 * Memories in Firestore: `users/{uid}/memories/{id}`. `count` is an aggregation
 * query over that collection (no stored counter, which writes that clients make
 * through firestore.rules could not keep in step). Vectors are
 * Firestore vectors so `searchNearest` runs `findNearest` (COSINE) where the data
 * lives; `list` loads them for a local index. Transient errors are retried.
 */
export class FirestoreMemoryPersistence implements MemoryPersistence {
  readonly kind = 'firestore';
  private readonly db: Firestore;
  private readonly root: string;
  private readonly batchSize: number;
  private readonly retryPolicy: RetryPolicy;
  private readonly terminateOnClose: boolean;
  private closed = false;

  constructor(options: FirestoreMemoryPersistenceOptions) {
    this.db = options.firestore;
    this.root = options.rootCollection ?? 'users';
    if (!SAFE_ID.test(this.root)) {
      throw new MemoryStoreError('INVALID_ARGUMENT', `rootCollection ${JSON.stringify(this.root)} must be one path segment of [A-Za-z0-9_-]`);
    }
    this.batchSize = options.batchSize ?? FIRESTORE_MAX_BATCH_WRITES;
    if (!Number.isInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > FIRESTORE_MAX_BATCH_WRITES) {
      throw new MemoryStoreError('INVALID_ARGUMENT', `batchSize must be an integer in [1, ${FIRESTORE_MAX_BATCH_WRITES}], got ${this.batchSize}`);
    }
    const retry = options.retry ?? {};
    this.retryPolicy = {
      maxAttempts: retry.maxAttempts ?? 5,
      baseDelayMs: retry.baseDelayMs ?? 100,
      maxDelayMs: retry.maxDelayMs ?? 5000,
      rng: retry.rng ?? createRng(retry.seed ?? 0),
      sleep: retry.sleep,
      isTransient: retry.isTransient,
      onRetry: retry.onRetry,
    };
    this.terminateOnClose = options.terminateOnClose ?? false;
  }

  private memories(userId: string): CollectionReference {
    return this.db.collection(this.root).doc(userId).collection('memories');
  }

  async insert(userId: string, memories: readonly StoredMemory[]): Promise<void> {
    this.assertOpen();
    for (const chunk of chunks(memories, this.batchSize)) {
      await withRetry(async (attempt) => {
        const batch = this.db.batch();
        for (const memory of chunk) batch.create(this.memories(userId).doc(memory.id), toDocument(memory));
        try {
          await batch.commit();
        } catch (error) {
          if (codeOf(error) !== GRPC_ALREADY_EXISTS) throw error;
          // A retried commit whose first try did land: the documents are ours, not duplicates.
          if (attempt > 1 && (await this.allPresent(userId, chunk))) return;
          throw new MemoryStoreError('DUPLICATE_MEMORY', `user ${userId} already has a memory with one of the ids ${chunk.map((m) => m.id).join(', ')}`, {
            cause: error,
          });
        }
      }, this.retryPolicy);
    }
  }

  private async allPresent(userId: string, chunk: readonly StoredMemory[]): Promise<boolean> {
    const snapshots = await this.db.getAll(...chunk.map((memory) => this.memories(userId).doc(memory.id)));
    return snapshots.every((snapshot, i) => {
      const data = snapshot.data() as MemoryDocument | undefined;
      return data !== undefined && data.text === chunk[i].text && data.createdAt === chunk[i].createdAt;
    });
  }

  async get(userId: string, id: string): Promise<StoredMemory | undefined> {
    this.assertOpen();
    const snapshot = await withRetry(() => this.memories(userId).doc(id).get(), this.retryPolicy);
    return snapshot.exists ? fromSnapshot(userId, snapshot) : undefined;
  }

  async list(userId: string): Promise<StoredMemory[]> {
    this.assertOpen();
    const snapshot = await withRetry(() => this.memories(userId).get(), this.retryPolicy);
    // Sorted here rather than with orderBy so no composite index is needed.
    return snapshot.docs.map((doc) => fromSnapshot(userId, doc)).sort(byCreatedAtThenId);
  }

  async delete(userId: string, id: string): Promise<boolean> {
    this.assertOpen();
    const ref = this.memories(userId).doc(id);
    // The `exists` precondition makes the server say whether this call removed the
    // document, atomically: of concurrent deletes of one id exactly one succeeds.
    return withRetry(async (attempt) => {
      const batch = this.db.batch();
      batch.delete(ref, { exists: true });
      try {
        await batch.commit();
        return true;
      } catch (error) {
        if (codeOf(error) !== GRPC_NOT_FOUND) throw error;
        // On a retry the document may be gone because our earlier, failed-looking try landed.
        return attempt > 1;
      }
    }, this.retryPolicy);
  }

  async updateVectors(userId: string, updates: readonly VectorUpdate[]): Promise<void> {
    this.assertOpen();
    for (const chunk of chunks(updates, this.batchSize)) {
      await withRetry(async () => {
        const batch = this.db.batch();
        for (const update of chunk) {
          batch.update(this.memories(userId).doc(update.id), {
            embedding: FieldValue.vector(Array.from(update.vector)),
            dim: update.vector.length,
            embedderHash: update.embedderHash,
          });
        }
        try {
          await batch.commit();
        } catch (error) {
          if (codeOf(error) === GRPC_NOT_FOUND) {
            throw new MemoryStoreError('UNKNOWN_MEMORY', `user ${userId} has no memory with one of the ids ${chunk.map((u) => u.id).join(', ')}`, {
              cause: error,
            });
          }
          throw error;
        }
      }, this.retryPolicy);
    }
  }

  async count(userId: string): Promise<number> {
    this.assertOpen();
    const snapshot = await withRetry(() => this.memories(userId).count().get(), this.retryPolicy);
    return snapshot.data().count;
  }

  /**
   * Nearest neighbours by Firestore `findNearest` (COSINE distance = 1 - cosine).
   * Filters become `where` clauses: on production Firestore, a filtered vector
   * query needs a composite vector index on (filter fields, embedding).
   */
  async searchNearest(userId: string, query: Float32Array, k: number, filters?: MemoryFilters): Promise<MemoryHit[]> {
    this.assertOpen();
    let base: Query = this.memories(userId);
    for (const [key, value] of Object.entries(filters?.metadata ?? {})) base = base.where(`metadata.${key}`, '==', value);
    if (filters?.createdAt?.from !== undefined) base = base.where('createdAt', '>=', filters.createdAt.from);
    if (filters?.createdAt?.until !== undefined) base = base.where('createdAt', '<', filters.createdAt.until);
    const vectorQuery = base.findNearest({
      vectorField: 'embedding',
      queryVector: Array.from(query),
      limit: k,
      distanceMeasure: 'COSINE',
      distanceResultField: DISTANCE_FIELD,
    });
    const snapshot = await withRetry(() => vectorQuery.get(), this.retryPolicy);
    return snapshot.docs
      .map((doc) => ({ memory: toMemoryRecord(fromSnapshot(userId, doc)), score: 1 - Number(doc.get(DISTANCE_FIELD)) }))
      .sort((a, b) => b.score - a.score || compareIds(a.memory.id, b.memory.id));
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.terminateOnClose) await this.db.terminate();
  }

  private assertOpen(): void {
    if (this.closed) throw new MemoryStoreError('CLOSED', 'FirestoreMemoryPersistence is closed');
  }
}

function toDocument(memory: StoredMemory): MemoryDocument {
  return {
    text: memory.text,
    metadata: { ...memory.metadata },
    createdAt: memory.createdAt,
    embedderHash: memory.embedderHash,
    dim: memory.vector.length,
    embedding: FieldValue.vector(Array.from(memory.vector)),
  };
}

function fromSnapshot(userId: string, snapshot: DocumentSnapshot): StoredMemory {
  const data = snapshot.data() as Partial<MemoryDocument> | undefined;
  const where = `memory ${snapshot.ref.path}`;
  if (!data || typeof data.text !== 'string' || typeof data.createdAt !== 'number' || typeof data.embedderHash !== 'string') {
    throw new MemoryStoreError('PERSISTENCE_FAILED', `${where}: missing text, createdAt or embedderHash`);
  }
  const values = data.embedding?.toArray();
  if (!values || values.length !== data.dim) {
    throw new MemoryStoreError('PERSISTENCE_FAILED', `${where}: embedding has ${values?.length ?? 0} values, expected dim ${data.dim}`);
  }
  return {
    id: snapshot.id,
    userId,
    text: data.text,
    metadata: Object.freeze({ ...(data.metadata ?? {}) }),
    createdAt: data.createdAt,
    embedderHash: data.embedderHash,
    vector: Float32Array.from(values),
  };
}

function codeOf(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let start = 0; start < items.length; start += size) out.push(items.slice(start, start + size));
  return out;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function byCreatedAtThenId(a: StoredMemory, b: StoredMemory): number {
  return a.createdAt - b.createdAt || compareIds(a.id, b.id);
}
