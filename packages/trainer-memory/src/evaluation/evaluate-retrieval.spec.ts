import { DataError } from '@tethys/data';
import { HashingEmbedder, type Embedder } from '@tethys/embeddings';
import { FlatIndex, type VectorIndexIdentity } from '@tethys/vector-index';
import { evaluateRetrieval, evaluateVectors } from './evaluate-retrieval';
import type { CorpusDocument, RetrievalQuery } from './retrieval-types';

/** An embedder whose vectors are written by hand, so every ranking below can be checked on paper. */
class LookupEmbedder implements Embedder {
  readonly name = 'lookup';
  readonly dim = 3;
  readonly identityHash = 'lookup-embedder-v1';
  calls: number[] = [];
  constructor(private readonly table: Record<string, number[]>) {}
  async embed(texts: readonly string[]): Promise<Float32Array[]> {
    this.calls.push(texts.length);
    return texts.map((text) => {
      const raw = this.table[text];
      if (!raw) throw new Error(`no vector for ${text}`);
      const norm = Math.hypot(...raw);
      return Float32Array.from(raw, (value) => value / norm);
    });
  }
}

const table = {
  apple: [1, 0, 0],
  banana: [0, 1, 0],
  cherry: [0, 0, 1],
  'apple banana': [1, 1, 0],
  q1: [3, 1, 0],
  q2: [0, 0, 1],
};
const corpus: CorpusDocument[] = [
  { id: 'd1', text: 'apple' },
  { id: 'd2', text: 'banana' },
  { id: 'd3', text: 'cherry' },
  { id: 'd4', text: 'apple banana' },
];
// q1 scores d1 0.949, d4 0.894, d2 0.316, d3 0; q2 scores d3 1 and ties the rest at 0 (broken by corpus order).
const queries: RetrievalQuery[] = [
  { query: 'q1', relevantIds: ['d4', 'd2'] },
  { query: 'q2', relevantIds: ['d3'] },
];
const q1Ndcg = (1 / Math.log2(3) + 1 / Math.log2(4)) / (1 + 1 / Math.log2(3));

describe('evaluateRetrieval', () => {
  it('reproduces hand-computed rankings and metrics with the default flat index', async () => {
    const embedder = new LookupEmbedder(table);
    const result = await evaluateRetrieval({ embedder, corpus, queries, k: 1, batchSize: 3 });
    expect(result.perQuery.map((q) => q.retrievedIds)).toEqual([
      ['d1', 'd4', 'd2', 'd3'],
      ['d3', 'd1', 'd2', 'd4'],
    ]);
    expect(result.perQuery[0]).toMatchObject({ recallAtK: 0, hitAtK: 0, reciprocalRank: 0.5 });
    expect(result.perQuery[0].ndcgAt10).toBeCloseTo(q1Ndcg, 6);
    expect(result.metrics.recallAtK).toBeCloseTo(0.5, 12);
    expect(result.metrics.hitRateAtK).toBeCloseTo(0.5, 12);
    expect(result.metrics.mrr).toBeCloseTo(0.75, 12);
    expect(result.metrics.ndcgAt10).toBeCloseTo((q1Ndcg + 1) / 2, 6);
    expect(result).toMatchObject({ k: 1, depth: 10, corpusSize: 4, queryCount: 2, dim: 3, indexKind: 'flat', scopeCount: 1 });
    // Corpus in batches of 3, then each query alone.
    expect(embedder.calls).toEqual([3, 1, 1, 1]);
    expect(result.latency.queryEmbedding?.count).toBe(2);
    expect(result.latency.search.count).toBe(2);
    expect(result.latency.endToEnd?.totalMs).toBeCloseTo(
      (result.latency.queryEmbedding?.totalMs ?? 0) + result.latency.search.totalMs,
      9,
    );
    expect(result.build.corpusEmbeddingMs).toBeGreaterThanOrEqual(0);
  });

  it('applies the transform to corpus and queries and marks the index identity as transformed', async () => {
    const embedder = new LookupEmbedder(table);
    // Shrinking the "apple" axis makes q1 prefer d4, then d2.
    const transform = (vectors: readonly Float32Array[]): Float32Array[] =>
      vectors.map((v) => Float32Array.from([v[0] * 0.1, v[1], v[2]]));
    const identities: VectorIndexIdentity[] = [];
    const factory = (identity: VectorIndexIdentity) => {
      identities.push(identity);
      return new FlatIndex(identity);
    };
    const result = await evaluateRetrieval({ embedder, corpus, queries, k: 1, transform, index: factory });
    expect(result.perQuery[0].retrievedIds.slice(0, 3)).toEqual(['d4', 'd2', 'd1']);
    expect(result.metrics.mrr).toBe(1);
    expect(identities).toHaveLength(1);
    expect(identities[0].dim).toBe(3);
    expect(identities[0].embedderHash).not.toBe(embedder.identityHash);
  });

  it('searches each query only within its scope, one index per scope', async () => {
    const scopes = ['u1', 'u1', 'u2', 'u2'];
    const scopedCorpus = corpus.map((doc, i) => ({ ...doc, scope: scopes[i] }));
    const identities: VectorIndexIdentity[] = [];
    const result = await evaluateRetrieval({
      embedder: new LookupEmbedder(table),
      corpus: scopedCorpus,
      queries: [{ query: 'q1', relevantIds: ['d4'], scope: 'u2' }],
      index: (identity) => {
        identities.push(identity);
        return new FlatIndex(identity);
      },
    });
    expect(identities).toHaveLength(2);
    expect(result.scopeCount).toBe(2);
    // Unscoped, d1 would come first; in u2 only d4 and d3 exist.
    expect(result.perQuery[0].retrievedIds).toEqual(['d4', 'd3']);
    expect(result.metrics.mrr).toBe(1);
  });

  it('runs end to end with the hashing embedder', async () => {
    const result = await evaluateRetrieval({
      embedder: new HashingEmbedder({ dim: 256 }),
      corpus: [
        { id: 'rent', text: 'Rent of 1850 dollars is due on the first of the month' },
        { id: 'salary', text: 'Salary from Acme is paid every other Friday' },
        { id: 'goal', text: 'Saving 20000 dollars for a house down payment' },
      ],
      queries: [
        { query: 'when is rent due', relevantIds: ['rent'] },
        { query: 'house down payment savings', relevantIds: ['goal'] },
      ],
      k: 1,
    });
    expect(result.metrics.hitRateAtK).toBe(1);
    expect(result.dim).toBe(256);
  });

  it('rejects inconsistent inputs with typed errors naming the entry', async () => {
    const embedder = new LookupEmbedder(table);
    await expect(
      evaluateRetrieval({ embedder, corpus, queries: [{ query: 'q1', relevantIds: ['nope'] }] }),
    ).rejects.toThrow(/"nope" is not in the corpus/);
    // Labels are checked before any embedding work.
    expect(embedder.calls).toEqual([]);
    await expect(
      evaluateRetrieval({ embedder, corpus: [...corpus, { id: 'd1', text: 'cherry' }], queries }),
    ).rejects.toThrow(DataError);
    await expect(
      evaluateRetrieval({ embedder, corpus, queries: [{ query: 'q1', relevantIds: ['d1'], scope: 'u1' }] }),
    ).rejects.toThrow(/corpus\[0\]\.scope/);
    await expect(evaluateRetrieval({ embedder, corpus, queries: [{ query: ' ', relevantIds: ['d1'] }] })).rejects.toThrow(
      /queries\[0\]\.query/,
    );
    await expect(evaluateRetrieval({ embedder, corpus, queries, k: 0 })).rejects.toThrow(DataError);
  });
});

describe('evaluateVectors', () => {
  it('evaluates precomputed vectors and times search only', () => {
    const result = evaluateVectors({
      embedderHash: 'pca-2',
      corpus: [
        { id: 'a', vector: [1, 0] },
        { id: 'b', vector: [0, 1] },
      ],
      queries: [{ relevantIds: ['b'], vector: [0.2, 1] }],
      k: 1,
    });
    expect(result.perQuery[0].retrievedIds).toEqual(['b', 'a']);
    expect(result.dim).toBe(2);
    expect(result.latency.queryEmbedding).toBeUndefined();
    expect(result.latency.search.count).toBe(1);
  });

  it('names the vector whose dimension differs', () => {
    expect(() =>
      evaluateVectors({
        embedderHash: 'x',
        corpus: [{ id: 'a', vector: [1, 0] }],
        queries: [{ relevantIds: ['a'], vector: [1, 0, 0] }],
      }),
    ).toThrow(/queries\[0\]\.vector/);
  });
});
