import { deleteApp, initializeApp, type App } from 'firebase-admin/app';
import { FieldValue, getFirestore, type Firestore, type WriteBatch } from 'firebase-admin/firestore';
import { describeMemoryPersistenceContract } from '../../testing/memory-persistence-contract';
import type { StoredMemory } from '../memory-record';
import { FirestoreMemoryPersistence } from './firestore-memory-persistence';

let app: App;
let db: Firestore;
let run = 0;

beforeAll(() => {
  app = initializeApp({ projectId: 'tethys-memory-contract' }, 'firestore-persistence-spec');
  db = getFirestore(app);
});
afterAll(async () => {
  await deleteApp(app);
});

/** A fresh root collection per test keeps tests apart on one emulator without clearing it. */
function freshPersistence(firestore: Firestore = db, batchSize = 10): FirestoreMemoryPersistence {
  run += 1;
  return new FirestoreMemoryPersistence({
    firestore,
    rootCollection: `users_run${run}`,
    batchSize,
    retry: { seed: run, sleep: async () => undefined },
  });
}

// batchSize 10 so the contract's 23-row insert spans three batches.
describeMemoryPersistenceContract('firestore emulator', async () => ({ persistence: freshPersistence() }), { serverSearch: true });

function memories(userId: string, n: number, dim = 4): StoredMemory[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `m${String(i).padStart(5, '0')}`,
    userId,
    text: `note ${i}`,
    metadata: {},
    createdAt: i,
    embedderHash: 'h',
    vector: Float32Array.from({ length: dim }, (_, d) => Math.cos(i + d)),
  }));
}

type CommitFault = (batch: WriteBatch, commitNumber: number) => Promise<unknown>;

/** The real client, except that batch().commit() goes through `fault` (a fake network). */
function withFaultyCommits(target: Firestore, fault: CommitFault): { firestore: Firestore; commitSizes: number[] } {
  const commitSizes: number[] = [];
  let commits = 0;
  const firestore = new Proxy(target, {
    get(object, property) {
      if (property === 'batch') {
        return () => {
          const batch = object.batch();
          let writes = 0;
          for (const method of ['create', 'set', 'update', 'delete'] as const) {
            const real = (batch[method] as (...args: unknown[]) => WriteBatch).bind(batch);
            Object.assign(batch, {
              [method]: (...args: unknown[]) => {
                writes += 1;
                return real(...args);
              },
            });
          }
          const realCommit = batch.commit.bind(batch);
          batch.commit = async () => {
            commits += 1;
            commitSizes.push(writes);
            await fault(Object.assign(batch, { commit: realCommit }), commits);
            return realCommit();
          };
          return batch;
        };
      }
      const value = Reflect.get(object, property, object);
      return typeof value === 'function' ? value.bind(object) : value;
    },
  });
  return { firestore, commitSizes };
}

const unavailable = () => Object.assign(new Error('14 UNAVAILABLE: injected'), { code: 14 });

describe('FirestoreMemoryPersistence specifics', () => {
  it('retries a commit that fails twice with UNAVAILABLE and writes once', async () => {
    const delays: number[] = [];
    const { firestore } = withFaultyCommits(db, async (_batch, n) => {
      if (n <= 2) throw unavailable();
    });
    run += 1;
    const persistence = new FirestoreMemoryPersistence({
      firestore,
      rootCollection: `users_run${run}`,
      retry: { seed: 1, baseDelayMs: 10, sleep: async (ms) => void delays.push(ms) },
    });
    await persistence.insert('alice', memories('alice', 3));
    expect(delays).toHaveLength(2);
    expect(await persistence.count('alice')).toBe(3);
    expect((await persistence.list('alice')).map((m) => m.id)).toEqual(['m00000', 'm00001', 'm00002']);
  });

  it('treats ALREADY_EXISTS after a commit that landed but reported UNAVAILABLE as success, counting once', async () => {
    const { firestore } = withFaultyCommits(db, async (batch, n) => {
      if (n === 1) {
        await batch.commit();
        throw unavailable();
      }
    });
    run += 1;
    const persistence = new FirestoreMemoryPersistence({ firestore, rootCollection: `users_run${run}`, retry: { seed: 2, sleep: async () => undefined } });
    await persistence.insert('alice', memories('alice', 2));
    expect(await persistence.count('alice')).toBe(2);
  });

  it('gives up on a permanent error without retrying', async () => {
    let attempts = 0;
    const { firestore } = withFaultyCommits(db, async () => {
      attempts += 1;
      throw Object.assign(new Error('7 PERMISSION_DENIED'), { code: 7 });
    });
    run += 1;
    const persistence = new FirestoreMemoryPersistence({ firestore, rootCollection: `users_run${run}`, retry: { seed: 3, sleep: async () => undefined } });
    await expect(persistence.insert('alice', memories('alice', 1))).rejects.toThrow('PERMISSION_DENIED');
    expect(attempts).toBe(1);
  });

  it('splits a bulk insert into batches of at most 500 writes', async () => {
    const { firestore, commitSizes } = withFaultyCommits(db, async () => undefined);
    run += 1;
    const persistence = new FirestoreMemoryPersistence({ firestore, rootCollection: `users_run${run}` });
    await persistence.insert('bulk', memories('bulk', 1100, 2));
    expect(commitSizes).toEqual([500, 500, 100]);
    expect(await persistence.count('bulk')).toBe(1100);
    commitSizes.length = 0;
    await persistence.updateVectors(
      'bulk',
      memories('bulk', 1100, 2).map((m) => ({ id: m.id, vector: Float32Array.from([1, 0]), embedderHash: 'h2' })),
    );
    expect(commitSizes).toEqual([500, 500, 100]);
    expect((await persistence.list('bulk')).every((m) => m.embedderHash === 'h2' && m.vector[0] === 1)).toBe(true);
  });

  it('reports exactly one of concurrent deletes of the same memory as the one that removed it', async () => {
    const persistence = freshPersistence();
    await persistence.insert('alice', memories('alice', 3));
    const results = await Promise.all([persistence.delete('alice', 'm00001'), persistence.delete('alice', 'm00001'), persistence.delete('alice', 'm00001')]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await persistence.count('alice')).toBe(2);
    expect(await persistence.delete('alice', 'never-stored')).toBe(false);
  });

  it('counts documents written around it, as a client writing through firestore.rules would', async () => {
    const persistence = freshPersistence();
    await persistence.insert('alice', memories('alice', 3));
    const collection = db.collection(`users_run${run}`).doc('alice').collection('memories');
    // The document layout that firestore.rules accepts from a signed-in client.
    await collection
      .doc('client-written')
      .set({ text: 'written by a client', metadata: {}, createdAt: 99, embedderHash: 'h', dim: 4, embedding: FieldValue.vector([1, 0, 0, 0]) });
    await collection.doc('m00000').delete();
    await collection.doc('m00001').delete();
    expect(await persistence.count('alice')).toBe(2);
    expect((await persistence.list('alice')).map((m) => m.id).sort()).toEqual(['client-written', 'm00002']);
  });

  it('reports a delete whose first commit landed but reported UNAVAILABLE as removed, once', async () => {
    const { firestore, commitSizes } = withFaultyCommits(db, async (batch, n) => {
      if (n === 2) {
        await batch.commit();
        throw unavailable();
      }
    });
    run += 1;
    const persistence = new FirestoreMemoryPersistence({ firestore, rootCollection: `users_run${run}`, retry: { seed: 4, sleep: async () => undefined } });
    await persistence.insert('alice', memories('alice', 2));
    expect(await persistence.delete('alice', 'm00000')).toBe(true);
    expect(commitSizes).toEqual([2, 1, 1]);
    expect(await persistence.count('alice')).toBe(1);
    expect(await persistence.delete('alice', 'm00000')).toBe(false);
  });

  it('refuses bad options with typed errors', () => {
    expect(() => new FirestoreMemoryPersistence({ firestore: db, batchSize: 0 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => new FirestoreMemoryPersistence({ firestore: db, batchSize: 501 })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => new FirestoreMemoryPersistence({ firestore: db, rootCollection: 'a/b' })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
  });
});
