import { EmbeddingError } from '../embedding-error';
import { HashingEmbedder } from './hashing-embedder';

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  for (let i = 0; i < a.length; i += 1) dot += a[i] * b[i];
  return dot;
}

describe('HashingEmbedder', () => {
  const embedder = new HashingEmbedder({ dim: 256 });

  it('returns one unit-length vector per text, in order', async () => {
    const vectors = await embedder.embed(['Rent is due on the first', 'Oil prices rose sharply']);
    expect(vectors).toHaveLength(2);
    for (const vector of vectors) {
      expect(vector).toHaveLength(256);
      expect(Math.sqrt(cosine(vector, vector))).toBeCloseTo(1, 6);
    }
  });

  it('puts texts sharing words closer than unrelated texts', async () => {
    const [rent, rentAgain, oil] = await embedder.embed([
      'My rent of 1800 dollars is due on the first',
      'when is my rent due',
      'OPEC crude oil output quota',
    ]);
    expect(cosine(rent, rentAgain)).toBeGreaterThan(cosine(rent, oil));
  });

  it('is deterministic and case-insensitive', async () => {
    const [a] = await embedder.embed(['Texaco Sells Refinery']);
    const [b] = await new HashingEmbedder({ dim: 256 }).embed(['texaco sells refinery']);
    expect(Array.from(a)).toEqual(Array.from(b));
  });

  it('gives different identity hashes for different settings', () => {
    expect(new HashingEmbedder({ dim: 256 }).identityHash).toBe(embedder.identityHash);
    expect(new HashingEmbedder({ dim: 512 }).identityHash).not.toBe(embedder.identityHash);
    expect(new HashingEmbedder({ dim: 256, ngramOrders: [1] }).identityHash).not.toBe(embedder.identityHash);
  });

  it('refuses empty texts and bad parameters with typed errors', async () => {
    await expect(embedder.embed(['ok', '  '])).rejects.toThrow(/position 1/);
    await expect(embedder.embed(['--!'])).rejects.toBeInstanceOf(EmbeddingError);
    expect(() => new HashingEmbedder({ dim: 1 })).toThrow(/dim/);
    expect(() => new HashingEmbedder({ ngramOrders: [0] })).toThrow(/ngramOrders/);
  });
});
