import { FlatIndex, HnswIndex, type HnswTuningRecord, tuneHnsw, type VectorIndexIdentity } from '@tethys/vector-index';
import type { MemoryTrainerParams } from '../params';
import type { EmbeddedDataset } from './embedded-dataset';

export interface GlobalIndex {
  index: HnswIndex;
  identity: VectorIndexIdentity;
  tuning: HnswTuningRecord;
  /** Ids are assigned dataset by dataset in corpus order: dataset d owns [firstId, firstId + count). */
  datasets: { dataset: string; firstId: number; count: number }[];
  /** Measured single-query speed of the tuned index and of exact search on the same vectors (latency sidecar only). */
  measured: { hnswQueriesPerSecond: number; flatQueriesPerSecond: number; queries: number };
}

function queriesPerSecond(search: (query: Float32Array) => unknown, queries: readonly Float32Array[]): number {
  for (const query of queries.slice(0, 20)) search(query);
  const started = performance.now();
  for (const query of queries) search(query);
  return (queries.length * 1000) / Math.max(performance.now() - started, 1e-6);
}

/**
 * The global index that serves evaluation: every benchmark corpus embedded by
 * the student, one HNSW graph, tuned on the evaluation queries to the params'
 * recall@10 target against exact search. The choice is clock-free ('cheapest'),
 * so the same data and seed always give the same graph and manifest.
 */
export function buildGlobalIndex(embedded: readonly EmbeddedDataset[], params: MemoryTrainerParams, log: (line: string) => void): GlobalIndex {
  const embedder = embedded[0].embedder;
  const identity: VectorIndexIdentity = { embedderHash: embedder.identityHash, dim: embedder.dim, metric: 'cosine' };
  const vectors = embedded.flatMap((set) => set.corpusVectors);
  const queries = embedded.flatMap((set) => set.queryVectors);
  const ids = vectors.map((_, id) => id);
  let firstId = 0;
  const datasets = embedded.map((set) => {
    const entry = { dataset: set.dataset.name, firstId, count: set.corpusVectors.length };
    firstId += entry.count;
    return entry;
  });
  // One exact index: ground truth for the tuning and the reference speed below.
  const flat = new FlatIndex(identity, { capacity: vectors.length });
  flat.addBatch(ids, vectors);
  const { index, record } = tuneHnsw(vectors, ids, queries, {
    identity,
    targetRecallAt10: params.index.targetRecallAt10,
    grid: params.index.grid,
    seed: params.seed,
    choose: 'cheapest',
    measureSpeed: false,
    groundTruth: flat.searchBatch(queries, 10),
  });
  log(
    `index: HNSW over ${vectors.length} student vectors, M=${record.chosen.M} efConstruction=${record.chosen.efConstruction} ` +
      `efSearch=${record.chosen.efSearch}, recall@10 ${record.chosen.recallAt10.toFixed(4)} (${record.decision})`,
  );
  const measured = {
    hnswQueriesPerSecond: queriesPerSecond((query) => index.search(query, 10), queries),
    flatQueriesPerSecond: queriesPerSecond((query) => flat.search(query, 10), queries),
    queries: queries.length,
  };
  return { index, identity, tuning: record, datasets, measured };
}

/** An empty index with the tuned graph parameters, for evaluating HNSW on each benchmark. */
export function tunedHnswFactory(tuning: HnswTuningRecord, seed: number): (identity: VectorIndexIdentity) => HnswIndex {
  const { M, efConstruction, efSearch } = tuning.chosen;
  return (identity) => new HnswIndex(identity, { M, efConstruction, efSearch, randomSeed: seed });
}
