import { HashingEmbedder } from '@tethys/embeddings';
import { createSequentialIdGenerator, type Clock } from '../store/ids-and-clock';
import type { StoredMemory } from '../store/memory-record';
import { MemoryStore } from '../store/memory-store';
import type { MemoryPersistence } from '../store/persistence/memory-persistence';
import { loadReutersStories } from './reuters-fixture';

export interface PersistenceUnderTest {
  readonly persistence: MemoryPersistence;
  /** Frees what the factory made beyond the persistence (files, clients). */
  readonly teardown?: () => Promise<void>;
}

/** Makes a fresh, empty backend for one test. */
export type PersistenceFactory = () => Promise<PersistenceUnderTest>;

const DIM = 8;

function memory(userId: string, id: string, createdAt: number, seed: number, extra: Partial<StoredMemory> = {}): StoredMemory {
  const vector = new Float32Array(DIM);
  // Distinct, non-trivial float32 values (not exactly representable in few bits) to catch precision loss.
  for (let i = 0; i < DIM; i += 1) vector[i] = Math.fround(Math.sin(seed * 7.3 + i * 1.7) / 3);
  return {
    id,
    userId,
    text: `memory ${id} of ${userId}`,
    metadata: { topic: seed % 2 === 0 ? 'even' : 'odd', seed, pinned: seed % 3 === 0 },
    createdAt,
    embedderHash: 'hash-a',
    vector,
    ...extra,
  };
}

function steppingClock(start: number, step: number): Clock {
  let now = start - step;
  return () => (now += step);
}

/**
 * The behaviour every MemoryPersistence must have, plus MemoryStore running on
 * top of it. Call it inside a spec file with a factory for one backend.
 */
export function describeMemoryPersistenceContract(
  backendName: string,
  factory: PersistenceFactory,
  capabilities: { readonly serverSearch: boolean },
): void {
  describe(`MemoryPersistence contract: ${backendName}`, () => {
    let backend: PersistenceUnderTest;
    let persistence: MemoryPersistence;

    beforeEach(async () => {
      backend = await factory();
      persistence = backend.persistence;
    });

    afterEach(async () => {
      await persistence.close();
      await backend.teardown?.();
    });

    it('round-trips a memory exactly (text, flat metadata types, createdAt, float32 vector)', async () => {
      const original = memory('alice', 'm1', 1_700_000_000_123, 5, { text: 'Crude oil — prices “rose” 3%' });
      await persistence.insert('alice', [original]);
      const loaded = await persistence.get('alice', 'm1');
      expect(loaded).toBeDefined();
      expect(loaded?.text).toBe(original.text);
      expect(loaded?.metadata).toEqual({ topic: 'odd', seed: 5, pinned: false });
      expect(typeof loaded?.metadata.pinned).toBe('boolean');
      expect(loaded?.createdAt).toBe(original.createdAt);
      expect(loaded?.embedderHash).toBe('hash-a');
      expect(loaded?.userId).toBe('alice');
      expect(Array.from(loaded?.vector ?? [])).toEqual(Array.from(original.vector));
      expect(await persistence.get('alice', 'missing')).toBeUndefined();
    });

    it('lists oldest first, ties broken by id, and counts', async () => {
      await persistence.insert('alice', [memory('alice', 'b', 20, 1), memory('alice', 'c', 10, 2), memory('alice', 'a', 20, 3)]);
      expect((await persistence.list('alice')).map((m) => m.id)).toEqual(['c', 'a', 'b']);
      expect(await persistence.count('alice')).toBe(3);
      expect(await persistence.list('nobody')).toEqual([]);
      expect(await persistence.count('nobody')).toBe(0);
    });

    it('keeps users apart: the same id under two users, and no cross-user get/delete', async () => {
      await persistence.insert('alice', [memory('alice', 'm1', 1, 1)]);
      await persistence.insert('bob', [memory('bob', 'm1', 2, 2), memory('bob', 'm2', 3, 3)]);
      expect((await persistence.list('alice')).map((m) => `${m.userId}/${m.id}`)).toEqual(['alice/m1']);
      expect(await persistence.get('alice', 'm2')).toBeUndefined();
      expect(await persistence.delete('alice', 'm2')).toBe(false);
      expect(await persistence.count('bob')).toBe(2);
      expect(await persistence.delete('bob', 'm1')).toBe(true);
      expect((await persistence.get('alice', 'm1'))?.text).toBe('memory m1 of alice');
    });

    it('refuses a duplicate id and writes nothing of that insert', async () => {
      await persistence.insert('alice', [memory('alice', 'm1', 1, 1)]);
      await expect(persistence.insert('alice', [memory('alice', 'm2', 2, 2), memory('alice', 'm1', 3, 3)])).rejects.toMatchObject({
        name: 'MemoryStoreError',
        code: 'DUPLICATE_MEMORY',
      });
      expect((await persistence.list('alice')).map((m) => m.id)).toEqual(['m1']);
      expect(await persistence.count('alice')).toBe(1);
    });

    it('deletes once: true, then false; count follows', async () => {
      await persistence.insert('alice', [memory('alice', 'm1', 1, 1), memory('alice', 'm2', 2, 2)]);
      expect(await persistence.delete('alice', 'm1')).toBe(true);
      expect(await persistence.delete('alice', 'm1')).toBe(false);
      expect(await persistence.count('alice')).toBe(1);
      expect((await persistence.list('alice')).map((m) => m.id)).toEqual(['m2']);
    });

    it('bulk-inserts more rows than one backend batch', async () => {
      const many = Array.from({ length: 23 }, (_, i) => memory('carol', `m${String(i).padStart(2, '0')}`, 1000 + i, i));
      await persistence.insert('carol', many);
      const listed = await persistence.list('carol');
      expect(listed.map((m) => m.id)).toEqual(many.map((m) => m.id));
      expect(await persistence.count('carol')).toBe(23);
    });

    it('updates vectors and embedder hashes; an unknown id is UNKNOWN_MEMORY', async () => {
      await persistence.insert('alice', [memory('alice', 'm1', 1, 1), memory('alice', 'm2', 2, 2)]);
      const replacement = memory('alice', 'm1', 1, 9).vector;
      await persistence.updateVectors('alice', [{ id: 'm1', vector: replacement, embedderHash: 'hash-b' }]);
      const updated = await persistence.get('alice', 'm1');
      expect(updated?.embedderHash).toBe('hash-b');
      expect(Array.from(updated?.vector ?? [])).toEqual(Array.from(replacement));
      expect((await persistence.get('alice', 'm2'))?.embedderHash).toBe('hash-a');
      await expect(
        persistence.updateVectors('alice', [
          { id: 'm2', vector: replacement, embedderHash: 'hash-b' },
          { id: 'ghost', vector: replacement, embedderHash: 'hash-b' },
        ]),
      ).rejects.toMatchObject({ code: 'UNKNOWN_MEMORY' });
      expect((await persistence.get('alice', 'm2'))?.embedderHash).toBe('hash-a');
    });

    it('refuses work after close', async () => {
      await persistence.close();
      await expect(persistence.list('alice')).rejects.toMatchObject({ code: 'CLOSED' });
    });

    describe('MemoryStore on this backend', () => {
      const stories = loadReutersStories();
      const embedder = new HashingEmbedder({ dim: 256 });
      // Alternating acq/crude stories, so topic filters really remove something.
      const acq = stories.filter((story) => story.topic === 'acq');
      const crude = stories.filter((story) => story.topic === 'crude');
      const mixed = acq.slice(0, 10).flatMap((story, i) => [story, crude[i]]);

      function store(): MemoryStore {
        return new MemoryStore({
          persistence,
          embedder,
          idGenerator: createSequentialIdGenerator('m'),
          clock: steppingClock(1_700_000_000_000, 1000),
        });
      }

      it('finds a story by its own heading and never returns another user’s memory', async () => {
        const memories = store();
        const alice = stories.filter((story) => story.topic === 'crude').slice(0, 12);
        const bob = stories.filter((story) => story.topic === 'acq').slice(0, 12);
        await memories.addMany('alice', alice.map((story) => ({ text: story.text, metadata: { story: story.id } })));
        await memories.addMany('bob', bob.map((story) => ({ text: story.text, metadata: { story: story.id } })));
        for (const story of alice.slice(0, 4)) {
          const hits = await memories.search('alice', story.text, 5);
          expect(hits[0].memory.metadata.story).toBe(story.id);
          expect(hits[0].score).toBeCloseTo(1, 5);
          expect(hits.every((hit) => hit.memory.userId === 'alice')).toBe(true);
        }
        // Bob's own story text, searched as alice: only alice's memories can come back.
        const crossHits = await memories.search('alice', bob[0].text, 12);
        expect(crossHits).toHaveLength(12);
        expect(crossHits.every((hit) => hit.memory.userId === 'alice')).toBe(true);
        expect(crossHits.map((hit) => hit.memory.metadata.story)).not.toContain(bob[0].id);
      });

      it('forgets, and the next search no longer sees the memory', async () => {
        const memories = store();
        const [first, second] = await memories.addMany('alice', [{ text: stories[0].text }, { text: stories[1].text }]);
        expect((await memories.search('alice', stories[0].text, 1))[0].memory.id).toBe(first.id);
        await memories.forget('alice', first.id);
        expect((await memories.search('alice', stories[0].text, 2)).map((hit) => hit.memory.id)).toEqual([second.id]);
        await expect(memories.forget('alice', first.id)).rejects.toMatchObject({ code: 'UNKNOWN_MEMORY' });
        await expect(memories.forget('bob', second.id)).rejects.toMatchObject({ code: 'UNKNOWN_MEMORY' });
        expect(await memories.count('alice')).toBe(1);
      });

      it('refuses to search across embedders until reindex, then finds with the new one', async () => {
        await store().addMany('alice', stories.slice(0, 5).map((story) => ({ text: story.text })));
        const newEmbedder = new HashingEmbedder({ dim: 128, ngramOrders: [1] });
        const upgraded = new MemoryStore({ persistence, embedder: newEmbedder, idGenerator: createSequentialIdGenerator('n') });
        await upgraded.add('alice', stories[5].text);
        await expect(upgraded.search('alice', stories[0].text, 3)).rejects.toMatchObject({ code: 'EMBEDDER_MISMATCH' });
        const result = await upgraded.reindex('alice');
        expect(result).toMatchObject({ reembedded: 5, total: 6, embedderHash: newEmbedder.identityHash });
        expect(result.previousHashes).toEqual({ [embedder.identityHash]: 5, [newEmbedder.identityHash]: 1 });
        expect((await upgraded.list('alice')).every((m) => m.embedderHash === newEmbedder.identityHash)).toBe(true);
        const hits = await upgraded.search('alice', stories[2].text, 1);
        expect(hits[0].memory.text).toBe(stories[2].text);
      });

      it('filters on metadata equality and a createdAt window', async () => {
        const memories = store();
        const added = await memories.addMany(
          'alice',
          mixed.slice(0, 10).map((story, i) => ({ text: story.text, metadata: { topic: story.topic, third: i % 3 === 0 } })),
        );
        // An acq query: unfiltered, acq stories rank first; filtered, all 5 crude ones come back.
        const crudeHits = await memories.search('alice', mixed[0].text, 5, { metadata: { topic: 'crude' } });
        const expectedCrude = added.filter((m) => m.metadata.topic === 'crude').map((m) => m.id).sort();
        expect(expectedCrude).toHaveLength(5);
        expect(crudeHits.map((hit) => hit.memory.id).sort()).toEqual(expectedCrude);
        const window = { from: added[2].createdAt, until: added[7].createdAt };
        const windowed = await memories.search('alice', mixed[0].text, 10, { createdAt: window, metadata: { third: true } });
        expect(windowed.map((hit) => hit.memory.id).sort()).toEqual([added[3].id, added[6].id]);
        const acqThird = await memories.search('alice', mixed[0].text, 10, { metadata: { topic: 'acq', third: true } });
        expect(acqThird.map((hit) => hit.memory.id).sort()).toEqual([added[0].id, added[6].id]);
      });

      if (capabilities.serverSearch) {
        it('server-side search agrees with the local index (ids, order, cosine scores), filters included', async () => {
          const memories = store();
          await memories.addMany('alice', mixed.map((story) => ({ text: story.text, metadata: { topic: story.topic } })));
          await memories.add('bob', mixed[3].text);
          for (const [query, filters] of [
            [mixed[3].text, undefined],
            [mixed[7].heading, { metadata: { topic: 'acq' } }],
          ] as const) {
            const local = await memories.search('alice', query, 5, filters);
            const server = await memories.search('alice', query, 5, filters, { where: 'server' });
            expect(server.map((hit) => hit.memory.id)).toEqual(local.map((hit) => hit.memory.id));
            server.forEach((hit, i) => expect(hit.score).toBeCloseTo(local[i].score, 5));
            expect(server.every((hit) => hit.memory.userId === 'alice')).toBe(true);
          }
        });
      } else {
        it('says plainly that it has no server-side search', async () => {
          await expect(store().search('alice', 'oil', 3, undefined, { where: 'server' })).rejects.toMatchObject({ code: 'UNSUPPORTED' });
        });
      }
    });
  });
}
