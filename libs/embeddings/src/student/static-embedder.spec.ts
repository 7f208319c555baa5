import { createRng } from '@tethys/data';
import { EmbeddingError } from '../embedding-error';
import { buildWordPieceVocab } from './build-vocab';
import { reutersSentences } from './real-text.fixture';
import { StaticEmbedder } from './static-embedder';
import { StaticEmbeddingModel } from './static-model';

// ids:          0        1        2      3      4        5
const VOCAB = ['[PAD]', '[UNK]', 'oil', 'rose', '##s', 'price'];
// 2-d rows; the special rows are deliberately non-zero: they must be skipped, not merely zero.
const TABLE = Float32Array.from([9, 9, 9, 9, 1, 0, 0, 2, 3, 4, 1, 1]);

function norm(v: Float32Array): number {
  return Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));
}

describe('StaticEmbedder', () => {
  const model = new StaticEmbeddingModel(VOCAB, 2, TABLE);
  const embedder = new StaticEmbedder(model);

  it('is the L2-normalised mean of the word-token rows, special tokens excluded', async () => {
    // "oil prices rose €" -> oil, price, ##s, rose, [UNK]: mean of (1,0), (1,1), (3,4), (0,2) = (1.25, 1.75)
    const [vector] = await embedder.embed(['Oil prices rose €']);
    const length = Math.hypot(1.25, 1.75);
    expect(vector[0]).toBeCloseTo(1.25 / length, 6);
    expect(vector[1]).toBeCloseTo(1.75 / length, 6);
    expect(norm(vector)).toBeCloseTo(1, 6);
    expect(embedder.name).toBe('student-static');
    expect(embedder.dim).toBe(2);
  });

  it('refuses empty texts and texts with no known token, naming the position', async () => {
    await expect(embedder.embed(['oil', '  '])).rejects.toThrow('text at position 1 is empty');
    await expect(embedder.embed(['oil', 'zzz €'])).rejects.toThrow(EmbeddingError);
    await expect(embedder.embed(['oil', 'zzz €'])).rejects.toThrow('text at position 1 has no token in the student vocabulary');
  });

  it('has an identity hash that changes with the table and the vocabulary', () => {
    const same = new StaticEmbeddingModel([...VOCAB], 2, Float32Array.from(TABLE));
    expect(same.identityHash).toBe(model.identityHash);
    expect(model.identityHash).toMatch(/^[0-9a-f]{64}$/);
    const table = Float32Array.from(TABLE);
    table[5] += 1e-6;
    expect(new StaticEmbeddingModel(VOCAB, 2, table).identityHash).not.toBe(model.identityHash);
    expect(new StaticEmbeddingModel([...VOCAB.slice(0, 5), 'prices'], 2, TABLE).identityHash).not.toBe(model.identityHash);
  });

  it('rejects a table of the wrong size or with non-finite values', () => {
    expect(() => new StaticEmbeddingModel(VOCAB, 2, new Float32Array(11))).toThrow('table has 11 values, expected vocab 6 x dim 2 = 12');
    const table = Float32Array.from(TABLE);
    table[7] = Number.NaN;
    expect(() => new StaticEmbeddingModel(VOCAB, 2, table)).toThrow('table value 7 (token 3) is not finite');
  });

  it('embeds real sentences to unit vectors, the same in a batch as one at a time', async () => {
    // Speed is measured by `nx run trainer-memory:bench`, never here.
    const sentences = reutersSentences();
    const vocab = buildWordPieceVocab(sentences, { size: 2000, minFrequency: 2 });
    const rng = createRng(5);
    const big = new StaticEmbeddingModel(vocab, 64, Float32Array.from({ length: vocab.length * 64 }, () => rng.normal()));
    const student = new StaticEmbedder(big);
    const vectors = await student.embed(sentences);
    expect(vectors).toHaveLength(sentences.length);
    for (const vector of vectors) expect(norm(vector)).toBeCloseTo(1, 5);
    for (const i of [0, 17, sentences.length - 1]) {
      expect(Array.from((await student.embed([sentences[i]]))[0])).toEqual(Array.from(vectors[i]));
    }
  });
});
