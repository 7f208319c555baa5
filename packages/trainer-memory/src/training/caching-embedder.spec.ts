import { HashingEmbedder } from '@tethys/embeddings';
import { CachingEmbedder } from './caching-embedder';

describe('CachingEmbedder', () => {
  it('asks the inner embedder once per distinct text and returns the same vectors', async () => {
    const inner = new HashingEmbedder({ dim: 64 });
    const calls: string[][] = [];
    const spy = { ...inner, name: inner.name, dim: inner.dim, identityHash: inner.identityHash, embed: async (texts: readonly string[]) => (calls.push([...texts]), inner.embed(texts)) };
    const caching = new CachingEmbedder(spy);
    const first = await caching.embed(['oil prices rise', 'bank merger', 'oil prices rise']);
    const second = await caching.embed(['bank merger', 'dividend cut']);
    expect(calls).toEqual([['oil prices rise', 'bank merger'], ['dividend cut']]);
    expect(caching.cachedTexts).toBe(3);
    expect(Array.from(second[0])).toEqual(Array.from(first[1]));
    expect(Array.from(first[0])).toEqual(Array.from((await inner.embed(['oil prices rise']))[0]));
    expect(caching.identityHash).toBe(inner.identityHash);
  });
});
