import { initTf } from '@tethys/tf-runtime';
import { EmbeddingError } from '../embedding-error';
import { HashingEmbedder } from '../hashing';
import { buildWordPieceVocab } from './build-vocab';
import { distillStaticEmbedder, type DistillOptions } from './distill';
import { reutersSentences } from './real-text.fixture';
import { StaticEmbedder } from './static-embedder';

const quiet = { backend: 'wasm' as const, log: () => undefined };

describe('distillStaticEmbedder', () => {
  const corpus = reutersSentences().slice(0, 80);
  const vocab = buildWordPieceVocab(corpus, { size: 300, minFrequency: 2 });
  const teacher = new HashingEmbedder({ dim: 128 });
  const base: DistillOptions = { teacher, corpus, vocab, dim: 16, seed: 7, epochs: 3, batchSize: 16, learningRate: 0.01, tfOptions: quiet };

  beforeAll(async () => {
    await initTf(quiet);
  });

  it('starts from PCA of the teacher token vectors and lowers the cosine loss to the teacher', async () => {
    const result = await distillStaticEmbedder(base);
    expect(result.sentencesUsed).toBe(corpus.length);
    // The hashing teacher cannot embed punctuation-only tokens; their rows start at zero.
    expect(result.tokensWithoutTeacherVector).toBeGreaterThan(0);
    expect(result.explainedVariance).toBeGreaterThan(0);
    expect(result.explainedVariance).toBeLessThan(1);
    expect(result.epochLosses).toHaveLength(3);
    expect(result.lossAfter).toBeLessThan(result.lossBefore * 0.8);
    expect(result.epochLosses[2]).toBeLessThan(result.epochLosses[0]);
    expect(result.model.dim).toBe(16);
    expect(Array.from(result.model.table.subarray(0, 32))).toEqual(new Array(32).fill(0)); // special rows
    const [vector] = await new StaticEmbedder(result.model).embed([corpus[0]]);
    expect(vector).toHaveLength(16);
  });

  it('gives a byte-identical table for the same seed and a different one for another seed', async () => {
    const first = await distillStaticEmbedder(base);
    const second = await distillStaticEmbedder(base);
    expect(Buffer.from(second.model.table.buffer)).toEqual(Buffer.from(first.model.table.buffer));
    expect(second.model.identityHash).toBe(first.model.identityHash);
    const other = await distillStaticEmbedder({ ...base, seed: 8 });
    expect(other.model.identityHash).not.toBe(first.model.identityHash);
    // The Model2Vec start does not depend on the seed.
    expect(other.initialModel.identityHash).toBe(first.initialModel.identityHash);
  });

  it('keeps the Model2Vec start with zero epochs and SIF-weights frequent tokens down', async () => {
    const plain = await distillStaticEmbedder({ ...base, epochs: 0, weighting: 'none' });
    const sif = await distillStaticEmbedder({ ...base, epochs: 0, weighting: 'sif' });
    expect(plain.lossAfter).toBe(plain.lossBefore);
    expect(plain.model.identityHash).toBe(plain.initialModel.identityHash);
    const rowNorm = (table: Float32Array, id: number): number => Math.hypot(...table.subarray(id * 16, id * 16 + 16));
    const theId = vocab.indexOf('the');
    // 'the' is the most frequent word: SIF shrinks its row far more than a rarer word's.
    const rareId = vocab.indexOf('stake');
    expect(theId).toBeGreaterThan(0);
    expect(rareId).toBeGreaterThan(0);
    expect(rowNorm(sif.model.table, theId) / rowNorm(plain.model.table, theId)).toBeLessThan(
      rowNorm(sif.model.table, rareId) / rowNorm(plain.model.table, rareId),
    );
  });

  it('rejects bad parameters, naming them', async () => {
    await expect(distillStaticEmbedder({ ...base, dim: 129 })).rejects.toThrow("dim 129 exceeds the teacher's dimension 128");
    await expect(distillStaticEmbedder({ ...base, batchSize: 0 })).rejects.toThrow('batchSize must be a positive integer');
    await expect(distillStaticEmbedder({ ...base, corpus: ['', '%%%'] })).rejects.toThrow(EmbeddingError);
  });
});
