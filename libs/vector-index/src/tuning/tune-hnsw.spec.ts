import { FlatIndex } from '../flat/flat-index';
import { recallAgainstExact } from '../shared/recall';
import { clusteredVectors } from '../synthetic/clustered-vectors';
import type { VectorIndexIdentity } from '../vector-index';
import { tuneHnsw } from './tune-hnsw';

const identity: VectorIndexIdentity = { embedderHash: 'e', dim: 16, metric: 'l2' };
const { vectors } = clusteredVectors({ count: 800, dim: 16, clusters: 20, seed: 4, spread: 0.4 });
const queries = clusteredVectors({ count: 40, dim: 16, clusters: 20, seed: 4, spread: 0.6 }).vectors;
const ids = vectors.map((_, i) => i);

describe('tuneHnsw', () => {
  it('records every trial and picks the fastest configuration reaching the target', () => {
    const { index, record } = tuneHnsw(vectors, ids, queries, {
      identity,
      targetRecallAt10: 0.95,
      grid: { M: [4, 12], efConstruction: [16, 64], efSearch: [10, 40, 120] },
      seed: 7,
    });
    expect(record.trials).toHaveLength(12);
    expect(record.reachedTarget).toBe(true);
    const reaching = record.trials.filter((t) => t.recallAt10 >= 0.95);
    expect(record.chosen.queriesPerSecond).toBe(Math.max(...reaching.map((t) => t.queriesPerSecond ?? 0)));
    expect(record.decision).toMatch(/highest queries\/s/);
    // The returned index is the chosen one and measures as recorded.
    expect(index.params).toMatchObject({ M: record.chosen.M, efConstruction: record.chosen.efConstruction, efSearch: record.chosen.efSearch });
    const flat = new FlatIndex(identity);
    flat.addBatch(ids, vectors);
    const recall = recallAgainstExact(queries.map((q) => index.search(q, 10)), flat.searchBatch(queries, 10), 10);
    expect(recall).toBe(record.chosen.recallAt10);
  });

  it('falls back to the best recall, saying so, when nothing reaches the target', () => {
    const { record } = tuneHnsw(vectors, ids, queries, {
      identity,
      targetRecallAt10: 1,
      grid: { M: [2], efConstruction: [2], efSearch: [1, 10] },
      seed: 7,
    });
    expect(record.reachedTarget).toBe(false);
    expect(record.chosen.recallAt10).toBe(Math.max(...record.trials.map((t) => t.recallAt10)));
    expect(record.decision).toMatch(/no trial reached recall@10 >= 1/);
  });

  it("with choose 'cheapest' and no timing, picks the smallest M x efSearch reaching the target, identically every run", () => {
    const tune = () =>
      tuneHnsw(vectors, ids, queries, {
        identity,
        targetRecallAt10: 0.95,
        grid: { M: [4, 12], efConstruction: [16, 64], efSearch: [10, 40, 120] },
        seed: 7,
        choose: 'cheapest',
        measureSpeed: false,
      }).record;
    const record = tune();
    expect(record.trials.every((t) => t.queriesPerSecond === null && t.buildSeconds === null)).toBe(true);
    const reaching = record.trials.filter((t) => t.recallAt10 >= 0.95);
    const cheapest = Math.min(...reaching.map((t) => t.M * t.efSearch));
    expect(record.chosen.M * record.chosen.efSearch).toBe(cheapest);
    expect(record.decision).toMatch(/smallest M x efSearch/);
    expect(JSON.stringify(tune())).toBe(JSON.stringify(record));
    expect(() => tuneHnsw(vectors, ids, queries, { identity, targetRecallAt10: 0.9, seed: 1, measureSpeed: false })).toThrow(/options.measureSpeed/);
  });

  it('rejects a target outside (0, 1] and an empty grid axis', () => {
    expect(() => tuneHnsw(vectors, ids, queries, { identity, targetRecallAt10: 1.5, seed: 1 })).toThrow(/options.targetRecallAt10/);
    expect(() => tuneHnsw(vectors, ids, queries, { identity, targetRecallAt10: 0.9, seed: 1, grid: { M: [] } })).toThrow(/options.grid.M/);
    expect(() => tuneHnsw(vectors, ids, queries, { identity, targetRecallAt10: 0.9, seed: -1 })).toThrow(/randomSeed/);
  });
});
