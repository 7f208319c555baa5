import { createRng } from '@tethys/data';
import { HashingEmbedder } from '@tethys/embeddings';
import { loadReutersStories } from '../testing/reuters-fixture';
import { createSeededIdGenerator, createSequentialIdGenerator } from './ids-and-clock';
import type { StoredMemory } from './memory-record';
import { MemoryStore } from './memory-store';
import type { MemoryPersistence } from './persistence/memory-persistence';
import { SqliteMemoryPersistence } from './sqlite/sqlite-memory-persistence';
import { createDefaultUserIndexFactory } from './user-index-factory';

const stories = loadReutersStories();
const embedder = new HashingEmbedder({ dim: 256 });

function newStore(overrides: Partial<ConstructorParameters<typeof MemoryStore>[0]> = {}): MemoryStore {
  let now = 1_700_000_000_000;
  return new MemoryStore({
    persistence: new SqliteMemoryPersistence({ path: ':memory:' }),
    embedder,
    idGenerator: createSequentialIdGenerator('m'),
    clock: () => (now += 1000),
    ...overrides,
  });
}

describe('MemoryStore', () => {
  let store: MemoryStore;
  beforeEach(() => {
    store = newStore();
  });
  afterEach(() => store.close());

  it('add returns the record with the injected id, clock time and embedder hash', async () => {
    const record = await store.add('alice', stories[0].heading, { source: 'reuters', rank: 1 });
    expect(record).toEqual({
      id: 'm000001',
      userId: 'alice',
      text: stories[0].heading,
      metadata: { source: 'reuters', rank: 1 },
      createdAt: 1_700_000_001_000,
      embedderHash: embedder.identityHash,
    });
    expect(await store.get('alice', 'm000001')).toEqual(record);
    expect(await store.list('alice')).toEqual([record]);
  });

  it('validates user ids, texts, metadata and k with typed errors before writing', async () => {
    await expect(store.add('alice/../bob', 'text')).rejects.toMatchObject({ code: 'INVALID_USER_ID' });
    await expect(store.add('', 'text')).rejects.toMatchObject({ code: 'INVALID_USER_ID' });
    await expect(store.add('alice', '  ')).rejects.toMatchObject({ code: 'INVALID_TEXT' });
    await expect(store.add('alice', 'ok', { nested: [1] } as never)).rejects.toMatchObject({ code: 'INVALID_METADATA' });
    await expect(store.addMany('alice', [{ text: 'fine' }, { text: '' }])).rejects.toThrow(/items\[1\]\.text/);
    await expect(store.search('alice', 'oil', 0)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.search('a/b', 'oil', 1)).rejects.toMatchObject({ code: 'INVALID_USER_ID' });
    await expect(store.forget('alice', 'no/such')).rejects.toMatchObject({ code: 'INVALID_MEMORY_ID' });
    expect(await store.count('alice')).toBe(0);
  });

  it('refuses an id generator that makes unsafe ids, and a duplicate id from it', async () => {
    const bad = newStore({ idGenerator: () => 'a/b' });
    await expect(bad.add('alice', 'text')).rejects.toMatchObject({ code: 'INVALID_MEMORY_ID' });
    await bad.close();
    const repeating = newStore({ idGenerator: () => 'same' });
    await repeating.add('alice', 'first');
    await expect(repeating.add('alice', 'second')).rejects.toMatchObject({ code: 'DUPLICATE_MEMORY' });
    expect(await repeating.count('alice')).toBe(1);
    await repeating.close();
  });

  it('returns no hits for a user with no memories', async () => {
    expect(await store.search('nobody', 'oil prices', 5)).toEqual([]);
  });

  it('caches the per-user index, drops it on add and forget, and rebuilds on demand', async () => {
    await store.addMany('alice', stories.slice(0, 6).map((story) => ({ text: story.text })));
    expect(store.userIndexInfo('alice')).toBeUndefined();
    expect(await store.trainUserIndex('alice')).toEqual({
      userId: 'alice',
      kind: 'flat',
      size: 6,
      dim: 256,
      embedderHash: embedder.identityHash,
    });
    expect(store.userIndexInfo('alice')?.size).toBe(6);
    const built = await store.userIndex('alice');
    expect(await store.userIndex('alice')).toBe(built);
    expect(built.index.size).toBe(6);
    expect(built.memories.map((m) => m.id)).toEqual(['m000001', 'm000002', 'm000003', 'm000004', 'm000005', 'm000006']);
    const added = await store.add('alice', stories[6].text);
    expect(store.userIndexInfo('alice')).toBeUndefined();
    expect((await store.search('alice', stories[6].text, 1))[0].memory.id).toBe(added.id);
    expect(store.userIndexInfo('alice')?.size).toBe(7);
    await store.forget('alice', added.id);
    expect(store.userIndexInfo('alice')).toBeUndefined();
    expect((await store.search('alice', stories[6].text, 7)).map((hit) => hit.memory.id)).not.toContain(added.id);
  });

  it('does not cache an index whose build read the store before a concurrent add finished', async () => {
    const sqlite = new SqliteMemoryPersistence({ path: ':memory:' });
    let release: () => void = () => undefined;
    let holdNextList = false;
    // A stub persistence whose `list` takes its snapshot, then resolves only after the test lets it.
    const slowList: MemoryPersistence = Object.assign(Object.create(sqlite) as MemoryPersistence, {
      list: async (userId: string): Promise<StoredMemory[]> => {
        const snapshot = await sqlite.list(userId);
        if (holdNextList) {
          holdNextList = false;
          await new Promise<void>((resolve) => (release = resolve));
        }
        return snapshot;
      },
    });
    const racy = newStore({ persistence: slowList });
    await racy.addMany('alice', stories.slice(0, 2).map((story) => ({ text: story.text })));
    holdNextList = true;
    const build = racy.userIndex('alice');
    await new Promise((resolve) => setImmediate(resolve));
    const added = await racy.add('alice', stories[2].text);
    release();
    expect((await build).memories).toHaveLength(2);
    expect(racy.userIndexInfo('alice')).toBeUndefined();
    expect((await racy.search('alice', stories[2].text, 1))[0].memory.id).toBe(added.id);
    expect(racy.userIndexInfo('alice')?.size).toBe(3);
    await racy.close();
  });

  it('drops the cached index even when a write fails, since it may have partly landed', async () => {
    const sqlite = new SqliteMemoryPersistence({ path: ':memory:' });
    const failingUpdate: MemoryPersistence = Object.assign(Object.create(sqlite) as MemoryPersistence, {
      updateVectors: async () => {
        throw new Error('disk full');
      },
    });
    const failing = newStore({ persistence: failingUpdate });
    await failing.addMany('alice', [{ text: stories[0].text }]);
    await failing.trainUserIndex('alice');
    expect(failing.userIndexInfo('alice')?.size).toBe(1);
    await expect(failing.reindex('alice', { force: true })).rejects.toThrow('disk full');
    expect(failing.userIndexInfo('alice')).toBeUndefined();
    await failing.close();
  });

  it('switches to HNSW above the threshold and still finds each story by its text', async () => {
    const hnswStore = newStore({ indexFactory: createDefaultUserIndexFactory(20) });
    await hnswStore.addMany('alice', stories.slice(0, 40).map((story) => ({ text: story.text, metadata: { story: story.id } })));
    expect((await hnswStore.trainUserIndex('alice')).kind).toBe('hnsw');
    for (const story of stories.slice(0, 40).filter((_, i) => i % 8 === 0)) {
      expect((await hnswStore.search('alice', story.text, 3))[0].memory.metadata.story).toBe(story.id);
    }
    await hnswStore.close();
  });

  it('ranks by cosine similarity, best first, with scores matching a hand computation', async () => {
    await store.addMany('alice', stories.slice(0, 15).map((story) => ({ text: story.text })));
    const query = 'crude oil prices OPEC output';
    const hits = await store.search('alice', query, 15);
    const [queryVector] = await embedder.embed([query]);
    const vectors = await embedder.embed(stories.slice(0, 15).map((story) => story.text));
    const expected = vectors
      .map((vector, i) => ({ i, score: vector.reduce((sum, value, d) => sum + value * queryVector[d], 0) }))
      .sort((a, b) => b.score - a.score);
    expect(hits.map((hit) => hit.memory.text)).toEqual(expected.map((e) => stories[e.i].text));
    hits.forEach((hit, i) => expect(hit.score).toBeCloseTo(expected[i].score, 5));
  });

  it('reindex with nothing stale re-embeds nothing unless forced', async () => {
    await store.addMany('alice', [{ text: stories[0].text }, { text: stories[1].text }]);
    expect((await store.reindex('alice')).reembedded).toBe(0);
    expect((await store.reindex('alice', { force: true })).reembedded).toBe(2);
  });

  it('makes reproducible ids from a seeded generator', async () => {
    const run = async () => {
      const seeded = newStore({ idGenerator: createSeededIdGenerator(createRng(5)) });
      const ids = (await seeded.addMany('alice', [{ text: 'one' }, { text: 'two' }])).map((m) => m.id);
      await seeded.close();
      return ids;
    };
    expect(await run()).toEqual(await run());
  });
});
