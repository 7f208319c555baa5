import { clusteredVectors } from '../synthetic/clustered-vectors';
import { VectorIndexError } from '../shared/vector-index-error';
import type { SearchHit, VectorMetric } from '../vector-index';
import { FlatIndex } from './flat-index';

const identity = (dim: number, metric: VectorMetric) => ({ embedderHash: 'test-embedder', dim, metric });

/** Reference: score every vector in float64, sort by (score desc, id asc). */
function bruteForce(ids: number[], vectors: ArrayLike<number>[], query: ArrayLike<number>, k: number, metric: VectorMetric): SearchHit[] {
  const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
  const hits = ids.map((id, i) => {
    const v = vectors[i];
    let score = 0;
    if (metric === 'l2') {
      for (let j = 0; j < v.length; j++) score -= (v[j] - query[j]) ** 2;
    } else {
      for (let j = 0; j < v.length; j++) score += v[j] * query[j];
      if (metric === 'cosine') score /= norm(v) * norm(query);
    }
    return { id, score };
  });
  return hits.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, k);
}

describe('FlatIndex', () => {
  const { vectors } = clusteredVectors({ count: 300, dim: 13, clusters: 7, seed: 5, spread: 0.4 });
  const queries = clusteredVectors({ count: 20, dim: 13, clusters: 7, seed: 5, spread: 0.6 }).vectors;
  const ids = vectors.map((_, i) => 1000 + ((i * 37) % 300)); // non-contiguous, shuffled ids

  it.each<VectorMetric>(['cosine', 'ip', 'l2'])('matches brute force (%s)', (metric) => {
    const index = new FlatIndex(identity(13, metric), { capacity: 4 }); // forces several doublings
    index.addBatch(ids, vectors);
    expect(index.size).toBe(300);
    for (const query of queries) {
      const got = index.search(query, 10);
      const want = bruteForce(ids, vectors, query, 10, metric);
      expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
      got.forEach((hit, i) => expect(hit.score).toBeCloseTo(want[i].score, 4));
    }
  });

  it.each<VectorMetric>(['cosine', 'ip', 'l2'])('searchBatch equals per-query search (%s)', (metric) => {
    const index = new FlatIndex(identity(13, metric));
    index.addBatch(ids, vectors);
    const batch = index.searchBatch(queries, 7); // 20 queries: blocks of four plus a remainder
    queries.forEach((query, q) => {
      const single = index.search(query, 7);
      expect(batch[q].map((h) => h.id)).toEqual(single.map((h) => h.id));
      batch[q].forEach((hit, i) => expect(hit.score).toBeCloseTo(single[i].score, 9));
    });
  });

  it('breaks score ties by the smaller id and caps k at size', () => {
    const index = new FlatIndex(identity(2, 'ip'));
    index.add(9, [1, 0]);
    index.add(3, [1, 0]);
    index.add(5, [1, 0]);
    index.add(1, [0, 1]);
    expect(index.search([1, 0], 2).map((h) => h.id)).toEqual([3, 5]);
    expect(index.search([1, 0], 10).map((h) => h.id)).toEqual([3, 5, 9, 1]);
  });

  it('normalises cosine vectors on add and scores 1 for the same direction', () => {
    const index = new FlatIndex(identity(3, 'cosine'));
    index.add(1, [3, 0, 4]);
    expect(Array.from(index.getVector(1))).toEqual([expect.closeTo(0.6, 6), 0, expect.closeTo(0.8, 6)]);
    expect(index.search([6, 0, 8], 1)[0].score).toBeCloseTo(1, 6);
  });

  it('removes by swap-delete and keeps the moved row searchable', () => {
    const index = new FlatIndex(identity(2, 'l2'));
    index.addBatch([1, 2, 3], [[0, 0], [5, 5], [9, 9]]);
    index.remove(1);
    expect(index.has(1)).toBe(false);
    expect(index.size).toBe(2);
    expect(index.ids()).toEqual([3, 2]);
    expect(index.search([9, 9], 1)).toEqual([{ id: 3, score: expect.closeTo(0, 9) }]);
    expect(index.search([0, 0], 3).map((h) => h.id)).toEqual([2, 3]);
    index.add(1, [0, 0]);
    expect(index.search([0, 0], 1)[0].id).toBe(1);
    expect(() => index.remove(42)).toThrow(expect.objectContaining({ code: 'UNKNOWN_ID', parameter: 'id' }));
  });

  it('returns no hits from an empty index', () => {
    expect(new FlatIndex(identity(2, 'ip')).search([1, 1], 3)).toEqual([]);
  });

  it('rejects bad input with typed errors naming the parameter', () => {
    const index = new FlatIndex(identity(3, 'cosine'));
    index.add(1, [1, 2, 3]);
    const expectError = (fn: () => unknown, code: string, parameter: string) => {
      try {
        fn();
      } catch (error) {
        expect(error).toBeInstanceOf(VectorIndexError);
        expect(error).toMatchObject({ code, parameter });
        return;
      }
      throw new Error(`expected ${code} on ${parameter}`);
    };
    expectError(() => index.add(2, [1, 2]), 'DIMENSION_MISMATCH', 'vector');
    expectError(() => index.search([1, 2, 3, 4], 1), 'DIMENSION_MISMATCH', 'query');
    expectError(() => index.add(2, [1, NaN, 3]), 'NON_FINITE', 'vector');
    expectError(() => index.search([1, Infinity, 3], 1), 'NON_FINITE', 'query');
    expectError(() => index.add(2, [0, 0, 0]), 'ZERO_VECTOR', 'vector');
    expectError(() => index.add(1, [1, 1, 1]), 'DUPLICATE_ID', 'id');
    expectError(() => index.add(-1, [1, 1, 1]), 'INVALID_ARGUMENT', 'id');
    expectError(() => index.search([1, 1, 1], 0), 'INVALID_ARGUMENT', 'k');
    expectError(() => index.addBatch([5, 6], [[1, 1, 1], [1, NaN, 1]]), 'NON_FINITE', 'vectors[1]');
    expectError(() => index.addBatch([5, 5], [[1, 1, 1], [1, 1, 1]]), 'DUPLICATE_ID', 'ids[1]');
    expectError(() => new FlatIndex(identity(0, 'l2')), 'INVALID_ARGUMENT', 'identity.dim');
    expect(index.size).toBe(1); // failed batches add nothing
  });

  it('restores exported data bit for bit', () => {
    const index = new FlatIndex(identity(13, 'cosine'));
    index.addBatch(ids, vectors);
    index.remove(ids[4]);
    const { ids: savedIds, vectors: savedVectors } = index.exportData();
    const restored = FlatIndex.restore(index.identity, savedIds, savedVectors);
    for (const query of queries) expect(restored.search(query, 5)).toEqual(index.search(query, 5));
  });
});
