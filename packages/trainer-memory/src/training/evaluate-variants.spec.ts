import { HashingEmbedder } from '@tethys/embeddings';
import { HnswIndex } from '@tethys/vector-index';
import { loadReutersHeadlines } from '../datasets';
import { evaluateRetrieval } from '../evaluation';
import { embedDataset } from './embedded-dataset';
import { evaluateEmbeddedDataset } from './evaluate-variants';

describe('evaluateEmbeddedDataset on the real Reuters benchmark', () => {
  const embedder = new HashingEmbedder({ dim: 128 });

  it('evaluates full vectors on every index and each compression variant, with sizes', async () => {
    const dataset = loadReutersHeadlines({ seed: 1729 });
    const embedded = await embedDataset(embedder, dataset, 16);
    expect(embedded.corpusVectors).toHaveLength(dataset.corpus.length);
    expect(embedded.measured.queryDurationsMs).toHaveLength(dataset.queries.length);
    const { rows, latencies } = evaluateEmbeddedDataset(embedded, {
      k: 10,
      pcaDims: [16, 512],
      compression: true,
      indexes: [{ name: 'hnsw', factory: (identity) => new HnswIndex(identity, { M: 8, efConstruction: 64, efSearch: 64, randomSeed: 1 }) }],
    });
    expect(rows.map((r) => `${r.variant}/${r.index}`)).toEqual(['full/flat', 'full/hnsw', 'pca-16/flat', 'whitened/flat', 'int8/flat']);
    expect(rows.map((r) => r.bytesPerVector)).toEqual([512, 512, 64, 35 * 4, 128]);
    expect(latencies).toHaveLength(rows.length);
    expect(latencies[0].queryEmbeddingP50Ms).not.toBeNull();
    expect(latencies[2].queryEmbeddingP50Ms).toBeNull();

    // The full/flat row is exactly what evaluateRetrieval computes from the texts.
    const direct = await evaluateRetrieval({ embedder, corpus: dataset.corpus, queries: dataset.queries, k: 10 });
    expect(rows[0].mrr).toBeCloseTo(direct.metrics.mrr, 6);
    expect(rows[0].ndcgAt10).toBeCloseTo(direct.metrics.ndcgAt10, 6);
    // HNSW on 70 documents with ef 64 is exact; int8 barely moves the ranking.
    expect(rows[1].recallAt10).toBe(rows[0].recallAt10);
    expect(Math.abs(rows[4].mrr - rows[0].mrr)).toBeLessThan(0.05);
    for (const r of rows) {
      expect(r.recallAt1).toBeLessThanOrEqual(r.recallAt5);
      expect(r.recallAt5).toBeLessThanOrEqual(r.recallAt10);
    }
  });

  it('evaluates only the flat full row when compression is off', async () => {
    const embedded = await embedDataset(embedder, loadReutersHeadlines({ seed: 7 }), 64);
    const { rows } = evaluateEmbeddedDataset(embedded, { k: 5, pcaDims: [], compression: false, indexes: [] });
    expect(rows.map((r) => `${r.variant}/${r.index}`)).toEqual(['full/flat']);
  });
});
