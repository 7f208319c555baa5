import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { argumentError } from './argument-error';
import type { Embedder } from '@tethys/embeddings';
import { FlatIndex, type VectorIndex, type VectorIndexIdentity, type VectorMetric } from '@tethys/vector-index';
import { summarizeLatency, type LatencySummary } from './latency';
import { meanRankingMetrics, rankingMetrics, type QueryRankingMetrics, type RankingSummary } from './ranking-metrics';
import type { CorpusDocument, RetrievalQuery } from './retrieval-types';

/** Builds an empty index for vectors of one identity (lets callers plug in HNSW or others). */
export type IndexFactory = (identity: VectorIndexIdentity) => VectorIndex;

/** Maps embedder vectors to another space (PCA, quantisation round trip, ...), one output per input. */
export type VectorTransform = (vectors: readonly Float32Array[]) => Float32Array[] | Promise<Float32Array[]>;

export interface EvaluateRetrievalOptions {
  readonly embedder: Embedder;
  readonly corpus: readonly CorpusDocument[];
  readonly queries: readonly RetrievalQuery[];
  /** 'flat' (exact, the default) or a factory called once per scope. */
  readonly index?: 'flat' | IndexFactory;
  /** Cut-off for recall@k and hit-rate@k (default 10). */
  readonly k?: number;
  readonly metric?: VectorMetric;
  /** Applied to corpus vectors once and to each query vector (timed as part of query embedding). */
  readonly transform?: VectorTransform;
  /** Texts per corpus `embed` call (default 64). */
  readonly batchSize?: number;
}

/** A corpus entry whose vector is already computed. */
export interface VectorDocument {
  readonly id: string;
  readonly vector: ArrayLike<number>;
  readonly scope?: string;
}

/** A query whose vector is already computed. */
export interface VectorQuery {
  readonly query?: string;
  readonly relevantIds: readonly string[];
  readonly vector: ArrayLike<number>;
  readonly scope?: string;
}

export interface EvaluateVectorsOptions {
  readonly corpus: readonly VectorDocument[];
  readonly queries: readonly VectorQuery[];
  /** Recorded in the index identity: which model (and transform) made the vectors. */
  readonly embedderHash: string;
  readonly index?: 'flat' | IndexFactory;
  readonly k?: number;
  readonly metric?: VectorMetric;
}

export interface QueryOutcome extends QueryRankingMetrics {
  readonly query?: string;
  readonly scope?: string;
  readonly relevantIds: readonly string[];
  /** Retrieved ids, best first, `depth` long at most. */
  readonly retrievedIds: readonly string[];
}

export interface RetrievalEvaluation {
  readonly k: number;
  /** Hits retrieved per query: max(k, 10), so nDCG@10 is always defined; MRR looks this deep. */
  readonly depth: number;
  readonly corpusSize: number;
  readonly queryCount: number;
  readonly dim: number;
  readonly indexKind: string;
  /** Number of separate indexes (1 unless documents carry scopes). */
  readonly scopeCount: number;
  readonly metrics: RankingSummary;
  readonly perQuery: readonly QueryOutcome[];
  readonly latency: {
    /** Embedding (plus transform) of one query; absent for precomputed vectors. */
    readonly queryEmbedding?: LatencySummary;
    readonly search: LatencySummary;
    /** Embedding + search per query; absent for precomputed vectors. */
    readonly endToEnd?: LatencySummary;
  };
  readonly build: {
    /** Wall time to embed (and transform) the whole corpus; absent for precomputed vectors. */
    readonly corpusEmbeddingMs?: number;
    readonly indexBuildMs: number;
  };
}

const DEFAULT_K = 10;
const NDCG_DEPTH = 10;

/**
 * Embeds the corpus, builds an index, then embeds and searches each query one at
 * a time, timing query embedding and search separately. Queries are embedded
 * singly on purpose: that is the latency a user sees.
 */
export async function evaluateRetrieval(options: EvaluateRetrievalOptions): Promise<RetrievalEvaluation> {
  const { embedder, corpus, queries, transform } = options;
  // Everything checkable without vectors fails here, before the (slow) corpus embedding.
  checkCorpusTexts(corpus);
  checkQueryTexts(queries);
  checkLabels(corpus, queries);
  const batchSize = options.batchSize ?? 64;
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw argumentError('INVALID_ARGUMENT', 'batchSize', `must be a positive integer, got ${batchSize}`);
  }

  const corpusStart = performance.now();
  let corpusVectors: Float32Array[] = [];
  for (let start = 0; start < corpus.length; start += batchSize) {
    const texts = corpus.slice(start, start + batchSize).map((doc) => doc.text);
    const vectors = await embedder.embed(texts);
    if (vectors.length !== texts.length) {
      throw argumentError('INVALID_VALUE', 'embedder', `${embedder.name} returned ${vectors.length} vectors for ${texts.length} texts (corpus[${start}..])`);
    }
    corpusVectors.push(...vectors);
  }
  if (transform) corpusVectors = await applyTransform(transform, corpusVectors, 'corpus');
  const corpusEmbeddingMs = performance.now() - corpusStart;

  const queryVectors: Float32Array[] = [];
  const embedDurations: number[] = [];
  for (const query of queries) {
    const start = performance.now();
    let vectors = await embedder.embed([query.query]);
    if (transform) vectors = await applyTransform(transform, vectors, 'query');
    embedDurations.push(performance.now() - start);
    queryVectors.push(vectors[0]);
  }

  const { evaluation, searchDurations } = runVectorEvaluation({
    corpus: corpus.map((doc, i) => ({ id: doc.id, vector: corpusVectors[i], scope: doc.scope })),
    queries: queries.map((query, i) => ({ ...query, vector: queryVectors[i] })),
    // A transformed space is a different space: never let its index pass for the raw embedder's.
    embedderHash: transform
      ? createHash('sha256').update(`${embedder.identityHash}+transform`).digest('hex')
      : embedder.identityHash,
    index: options.index,
    k: options.k,
    metric: options.metric,
  });
  return {
    ...evaluation,
    latency: {
      queryEmbedding: summarizeLatency(embedDurations),
      search: evaluation.latency.search,
      endToEnd: summarizeLatency(embedDurations.map((ms, i) => ms + searchDurations[i])),
    },
    build: { corpusEmbeddingMs, indexBuildMs: evaluation.build.indexBuildMs },
  };
}

/** Evaluation over precomputed vectors (compressed or PCA variants, cached embeddings). Times search only. */
export function evaluateVectors(options: EvaluateVectorsOptions): RetrievalEvaluation {
  return runVectorEvaluation(options).evaluation;
}

/** The shared core; also hands back raw per-query search times so end-to-end latency can be summed per query. */
function runVectorEvaluation(options: EvaluateVectorsOptions): { evaluation: RetrievalEvaluation; searchDurations: number[] } {
  const k = options.k ?? DEFAULT_K;
  if (!Number.isInteger(k) || k < 1) {
    throw argumentError('INVALID_ARGUMENT', 'k', `must be a positive integer, got ${k}`);
  }
  const metric = options.metric ?? 'cosine';
  const { corpus, queries } = options;
  const depth = Math.max(k, NDCG_DEPTH);
  const scoped = checkLabels(corpus, queries);
  const dim = checkDimensions(corpus, queries);

  const buildStart = performance.now();
  const indexes = new Map<string, VectorIndex>();
  const scopeOfDoc = (doc: VectorDocument): string => (scoped ? (doc.scope as string) : '');
  const members = new Map<string, number[]>();
  corpus.forEach((doc, position) => {
    const scope = scopeOfDoc(doc);
    const list = members.get(scope);
    if (list) list.push(position);
    else members.set(scope, [position]);
  });
  const identity: VectorIndexIdentity = { embedderHash: options.embedderHash, dim, metric };
  for (const [scope, positions] of members) {
    const index = makeIndex(options.index ?? 'flat', identity, positions.length);
    // Index ids are corpus positions, so ties (broken by smaller id) follow corpus order.
    index.addBatch(positions, positions.map((position) => corpus[position].vector));
    indexes.set(scope, index);
  }
  const indexBuildMs = performance.now() - buildStart;

  const perQuery: QueryOutcome[] = [];
  const searchDurations: number[] = [];
  for (const query of queries) {
    const index = indexes.get(scoped ? (query.scope as string) : '') as VectorIndex;
    const start = performance.now();
    // Some ANN libraries refuse k above their size; an exact index returns at most size hits anyway.
    const hits = index.search(query.vector, Math.min(depth, index.size));
    searchDurations.push(performance.now() - start);
    const retrievedIds = hits.map((hit) => corpus[hit.id].id);
    perQuery.push({
      ...(query.query !== undefined ? { query: query.query } : {}),
      ...(scoped ? { scope: query.scope } : {}),
      relevantIds: query.relevantIds,
      retrievedIds,
      ...rankingMetrics(retrievedIds, query.relevantIds, k),
    });
  }

  const evaluation: RetrievalEvaluation = {
    k,
    depth,
    corpusSize: corpus.length,
    queryCount: queries.length,
    dim,
    indexKind: indexes.values().next().value!.kind,
    scopeCount: indexes.size,
    metrics: meanRankingMetrics(perQuery),
    perQuery,
    latency: { search: summarizeLatency(searchDurations) },
    build: { indexBuildMs },
  };
  return { evaluation, searchDurations };
}

/** One dimension for every vector, checked here so the error names the corpus or query entry. */
function checkDimensions(corpus: readonly VectorDocument[], queries: readonly VectorQuery[]): number {
  const dim = corpus[0].vector.length;
  const check = (vector: ArrayLike<number>, parameter: string): void => {
    if (vector.length !== dim) {
      throw argumentError('INVALID_VALUE', parameter, `vector has dimension ${vector.length}, corpus[0] has ${dim}`);
    }
  };
  corpus.forEach((doc, i) => check(doc.vector, `corpus[${i}].vector`));
  queries.forEach((query, i) => check(query.vector, `queries[${i}].vector`));
  return dim;
}

function makeIndex(choice: 'flat' | IndexFactory, identity: VectorIndexIdentity, size: number): VectorIndex {
  if (choice === 'flat') return new FlatIndex(identity, { capacity: Math.max(1, size) });
  if (typeof choice !== 'function') {
    throw argumentError('INVALID_ARGUMENT', 'index', `must be 'flat' or a factory function, got ${JSON.stringify(choice)}`);
  }
  return choice(identity);
}

async function applyTransform(transform: VectorTransform, vectors: Float32Array[], what: string): Promise<Float32Array[]> {
  const out = await transform(vectors);
  if (!Array.isArray(out) || out.length !== vectors.length) {
    throw argumentError('INVALID_VALUE', 'transform', `transform returned ${Array.isArray(out) ? out.length : 'a non-array'} for ${vectors.length} ${what} vectors`);
  }
  return out;
}

function checkCorpusTexts(corpus: readonly CorpusDocument[]): void {
  corpus.forEach((doc, i) => {
    if (typeof doc.text !== 'string' || doc.text.trim() === '') {
      throw argumentError('MISSING_VALUE', `corpus[${i}].text`, `document ${JSON.stringify(doc.id)} has empty text`);
    }
  });
}

function checkQueryTexts(queries: readonly RetrievalQuery[]): void {
  queries.forEach((query, i) => {
    if (typeof query.query !== 'string' || query.query.trim() === '') {
      throw argumentError('MISSING_VALUE', `queries[${i}].query`, 'query text is empty');
    }
  });
}

interface Labelled {
  readonly id: string;
  readonly scope?: string;
}

interface LabelledQuery {
  readonly relevantIds: readonly string[];
  readonly scope?: string;
}

/** Ids unique, scopes all-or-nothing, every relevant id in the corpus (and in the query's scope). Returns whether scoped. */
function checkLabels(corpus: readonly Labelled[], queries: readonly LabelledQuery[]): boolean {
  const scoped = checkScopes(corpus, queries);
  checkRelevantIds(queries, corpus, checkCorpusIds(corpus), scoped);
  return scoped;
}

function checkCorpusIds(corpus: readonly Labelled[]): Map<string, number> {
  const indexOf = new Map<string, number>();
  corpus.forEach((doc, i) => {
    if (typeof doc.id !== 'string' || doc.id === '') {
      throw argumentError('MISSING_VALUE', `corpus[${i}].id`, 'document id is empty');
    }
    if (indexOf.has(doc.id)) {
      throw argumentError('INVALID_VALUE', `corpus[${i}].id`, `duplicate document id ${JSON.stringify(doc.id)} (first at corpus[${indexOf.get(doc.id)}])`);
    }
    indexOf.set(doc.id, i);
  });
  return indexOf;
}

/** Scopes are all-or-nothing: a mix would silently search some queries over everything. */
function checkScopes(corpus: readonly Labelled[], queries: readonly LabelledQuery[]): boolean {
  if (corpus.length === 0) throw argumentError('EMPTY', 'corpus', 'the corpus is empty');
  if (queries.length === 0) throw argumentError('EMPTY', 'queries', 'there are no queries');
  const scoped = corpus.some((doc) => doc.scope !== undefined) || queries.some((query) => query.scope !== undefined);
  if (!scoped) return false;
  corpus.forEach((doc, i) => {
    if (typeof doc.scope !== 'string') {
      throw argumentError('MISSING_VALUE', `corpus[${i}].scope`, 'some documents or queries have a scope, so every document needs one');
    }
  });
  queries.forEach((query, i) => {
    if (typeof query.scope !== 'string') {
      throw argumentError('MISSING_VALUE', `queries[${i}].scope`, 'some documents or queries have a scope, so every query needs one');
    }
  });
  return true;
}

function checkRelevantIds(
  queries: readonly LabelledQuery[],
  corpus: readonly Labelled[],
  corpusIndexOf: ReadonlyMap<string, number>,
  scoped: boolean,
): void {
  queries.forEach((query, i) => {
    if (!Array.isArray(query.relevantIds) || query.relevantIds.length === 0) {
      throw argumentError('MISSING_VALUE', `queries[${i}].relevantIds`, 'a query needs at least one relevant id');
    }
    for (const id of query.relevantIds) {
      const position = corpusIndexOf.get(id);
      if (position === undefined) {
        throw argumentError('INVALID_VALUE', `queries[${i}].relevantIds`, `relevant id ${JSON.stringify(id)} is not in the corpus`);
      }
      if (scoped && corpus[position].scope !== query.scope) {
        throw argumentError('INVALID_VALUE', `queries[${i}].relevantIds`, `relevant id ${JSON.stringify(id)} is in scope ${JSON.stringify(corpus[position].scope)}, the query searches ${JSON.stringify(query.scope)}`);
      }
    }
  });
}
