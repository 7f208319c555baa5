import { FlatIndex } from '../flat/flat-index';
import { recallAgainstExact } from '../shared/recall';
import { clusteredVectors } from '../synthetic/clustered-vectors';
import type { VectorMetric } from '../vector-index';
import { HnswIndex } from './hnsw-index';

const identity = (dim: number, metric: VectorMetric) => ({ embedderHash: 'test-embedder', dim, metric });

describe('HnswIndex', () => {
  const dim = 16;
  const { vectors } = clusteredVectors({ count: 1200, dim, clusters: 30, seed: 11, spread: 0.35 });
  const queries = clusteredVectors({ count: 60, dim, clusters: 30, seed: 11, spread: 0.5 }).vectors;
  const ids = vectors.map((_, i) => i * 3 + 7);

  it.each<VectorMetric>(['cosine', 'ip', 'l2'])('reaches high recall@10 against the flat index (%s)', (metric) => {
    const flat = new FlatIndex(identity(dim, metric));
    flat.addBatch(ids, vectors);
    const hnsw = new HnswIndex(identity(dim, metric), { M: 12, efConstruction: 100, efSearch: 64, randomSeed: 1, capacity: 64 });
    hnsw.addBatch(ids, vectors); // capacity 64 forces several resizes
    expect(hnsw.size).toBe(1200);
    const exact = queries.map((q) => flat.search(q, 10));
    const approx = queries.map((q) => hnsw.search(q, 10));
    expect(recallAgainstExact(approx, exact, 10)).toBeGreaterThanOrEqual(0.95);
    // Scores are in the interface's convention: the same numbers the flat index reports for the same ids.
    const flatScore = new Map(exact[0].map((h) => [h.id, h.score]));
    for (const hit of approx[0]) if (flatScore.has(hit.id)) expect(hit.score).toBeCloseTo(flatScore.get(hit.id) as number, 4);
  });

  it('lowers recall with a tiny efSearch and recovers it with setEfSearch', () => {
    const flat = new FlatIndex(identity(dim, 'l2'));
    flat.addBatch(ids, vectors);
    const hnsw = new HnswIndex(identity(dim, 'l2'), { M: 4, efConstruction: 16, efSearch: 1, randomSeed: 3 });
    hnsw.addBatch(ids, vectors);
    const exact = queries.map((q) => flat.search(q, 10));
    const low = recallAgainstExact(queries.map((q) => hnsw.search(q, 10)), exact, 10);
    hnsw.setEfSearch(200);
    expect(hnsw.params.efSearch).toBe(200);
    const high = recallAgainstExact(queries.map((q) => hnsw.search(q, 10)), exact, 10);
    expect(high).toBeGreaterThan(low);
  });

  it('builds identical graphs for the same seed and insertion order', () => {
    const build = (seed: number) => {
      const index = new HnswIndex(identity(dim, 'cosine'), { M: 6, efConstruction: 20, efSearch: 10, randomSeed: seed });
      index.addBatch(ids.slice(0, 600), vectors.slice(0, 600));
      return queries.map((q) => index.search(q, 10));
    };
    expect(build(42)).toEqual(build(42));
  });

  it('removes, re-adds and compacts', () => {
    const hnsw = new HnswIndex(identity(dim, 'l2'), { M: 8, efConstruction: 50, efSearch: 50, randomSeed: 2 });
    hnsw.addBatch(ids.slice(0, 200), vectors.slice(0, 200));
    const target = ids[10];
    expect(hnsw.search(vectors[10], 1)[0].id).toBe(target);
    hnsw.remove(target);
    expect(hnsw.has(target)).toBe(false);
    expect(hnsw.size).toBe(199);
    expect(hnsw.deletedCount).toBe(1);
    expect(hnsw.search(vectors[10], 5).map((h) => h.id)).not.toContain(target);
    expect(() => hnsw.remove(target)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ID' }));

    hnsw.add(target, vectors[11]); // the same id may come back with a new vector
    expect(hnsw.search(vectors[11], 2).map((h) => h.id).sort()).toEqual([ids[11], target].sort());
    hnsw.remove(ids[20]);
    const before = hnsw.search(vectors[30], 10);
    hnsw.compact();
    expect(hnsw.deletedCount).toBe(0);
    expect(hnsw.size).toBe(199);
    expect(hnsw.has(ids[20])).toBe(false);
    expect(hnsw.search(vectors[30], 10).map((h) => h.id)).toEqual(before.map((h) => h.id));
    expect(hnsw.ids()).toHaveLength(199);
  });

  it('rejects bad input with typed errors naming the parameter', () => {
    const hnsw = new HnswIndex(identity(3, 'cosine'));
    hnsw.add(1, [1, 2, 3]);
    expect(() => hnsw.add(2, [1, 2])).toThrow(expect.objectContaining({ code: 'DIMENSION_MISMATCH', parameter: 'vector' }));
    expect(() => hnsw.add(2, [1, NaN, 2])).toThrow(expect.objectContaining({ code: 'NON_FINITE', parameter: 'vector' }));
    expect(() => hnsw.add(2, [0, 0, 0])).toThrow(expect.objectContaining({ code: 'ZERO_VECTOR' }));
    expect(() => hnsw.add(1, [1, 1, 1])).toThrow(expect.objectContaining({ code: 'DUPLICATE_ID' }));
    expect(() => hnsw.search([1, 2], 1)).toThrow(expect.objectContaining({ code: 'DIMENSION_MISMATCH', parameter: 'query' }));
    expect(() => hnsw.setEfSearch(0)).toThrow(expect.objectContaining({ parameter: 'efSearch' }));
    expect(() => new HnswIndex(identity(3, 'l2'), { M: 1 })).toThrow(expect.objectContaining({ parameter: 'params.M' }));
    expect(hnsw.search([1, 2, 3], 5)).toEqual([{ id: 1, score: expect.closeTo(1, 5) }]);
  });
});
