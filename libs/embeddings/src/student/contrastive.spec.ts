import { initTf } from '@tethys/tf-runtime';
import { HashingEmbedder } from '../hashing';
import { buildWordPieceVocab } from './build-vocab';
import { fineTuneContrastive, type PositivePair } from './contrastive';
import { distillStaticEmbedder } from './distill';
import { reutersStories } from './real-text.fixture';
import { StaticEmbedder } from './static-embedder';
import type { StaticEmbeddingModel } from './static-model';

const quiet = { backend: 'wasm' as const, log: () => undefined };

/** Mean cosine of each anchor with its own positive, minus the mean with the other positives. */
async function margin(model: StaticEmbeddingModel, pairs: readonly PositivePair[]): Promise<number> {
  const embedder = new StaticEmbedder(model);
  const anchors = await embedder.embed(pairs.map((pair) => pair.anchor));
  const positives = await embedder.embed(pairs.map((pair) => pair.positive));
  const cos = (a: Float32Array, b: Float32Array): number => a.reduce((sum, x, i) => sum + x * b[i], 0);
  let own = 0;
  let others = 0;
  anchors.forEach((anchor, i) => {
    positives.forEach((positive, j) => {
      if (i === j) own += cos(anchor, positive);
      else others += cos(anchor, positive);
    });
  });
  const n = pairs.length;
  return own / n - others / (n * (n - 1));
}

describe('fineTuneContrastive', () => {
  // Headline -> the story's first sentence: real positive pairs from Reuters.
  const pairs: PositivePair[] = reutersStories()
    .slice(0, 32)
    .map((story) => ({ anchor: story.heading, positive: story.text.split(/(?<=\.)\s+/)[0] }));
  const corpus = pairs.flatMap((pair) => [pair.anchor, pair.positive]);
  const options = { seed: 3, epochs: 5, batchSize: 8, temperature: 0.05, learningRate: 0.01, tfOptions: quiet };
  let start: StaticEmbeddingModel;

  beforeAll(async () => {
    await initTf(quiet);
    const vocab = buildWordPieceVocab(corpus, { size: 300, minFrequency: 2 });
    start = (await distillStaticEmbedder({ teacher: new HashingEmbedder({ dim: 64 }), corpus, vocab, dim: 16, seed: 1, epochs: 0, tfOptions: quiet })).model;
  });

  it('lowers the InfoNCE loss and pulls each anchor towards its own positive', async () => {
    const before = await margin(start, pairs);
    const { model, epochLosses } = await fineTuneContrastive(start, pairs, options);
    expect(epochLosses).toHaveLength(5);
    expect(epochLosses[4]).toBeLessThan(epochLosses[0]);
    expect(await margin(model, pairs)).toBeGreaterThan(before);
    expect(model.identityHash).not.toBe(start.identityHash);
    expect(Array.from(model.table.subarray(0, 32))).toEqual(new Array(32).fill(0));
  });

  it('is deterministic for a seed and leaves the input model unchanged', async () => {
    const startHash = start.identityHash;
    const first = await fineTuneContrastive(start, pairs, options);
    const second = await fineTuneContrastive(start, pairs, options);
    expect(Buffer.from(second.model.table.buffer)).toEqual(Buffer.from(first.model.table.buffer));
    expect(second.epochLosses).toEqual(first.epochLosses);
    const other = await fineTuneContrastive(start, pairs, { ...options, seed: 4 });
    expect(other.model.identityHash).not.toBe(first.model.identityHash);
    expect(start.identityHash).toBe(startHash);
  });

  it('rejects a pair with no known token and bad parameters, naming them', async () => {
    const bad = [...pairs.slice(0, 3), { anchor: pairs[0].anchor, positive: '€€€' }];
    await expect(fineTuneContrastive(start, bad, options)).rejects.toThrow('pair 3 positive has no token in the student vocabulary');
    await expect(fineTuneContrastive(start, pairs, { ...options, temperature: 0 })).rejects.toThrow('temperature must be > 0');
    await expect(fineTuneContrastive(start, pairs, { ...options, batchSize: 1 })).rejects.toThrow('batchSize must be >= 2');
  });
});
