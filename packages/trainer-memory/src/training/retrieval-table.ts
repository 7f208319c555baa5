import { type RetrievalEvaluation, recallAtK, summarizeLatency } from '../evaluation';

/** One line of the retrieval table (deterministic: quality and sizes only). */
export interface RetrievalRow {
  dataset: string;
  embedder: string;
  variant: string;
  index: string;
  dim: number;
  bytesPerVector: number;
  corpus: number;
  queries: number;
  recallAt1: number;
  recallAt5: number;
  recallAt10: number;
  mrr: number;
  ndcgAt10: number;
}

/** Measured speed for one row (machine- and load-dependent, so kept apart from the reproducible rows). */
export interface LatencyRow {
  dataset: string;
  embedder: string;
  variant: string;
  index: string;
  queryEmbeddingP50Ms: number | null;
  queryEmbeddingP95Ms: number | null;
  searchP50Ms: number;
  searchP95Ms: number;
  endToEndQps: number | null;
  corpusSentencesPerSecond: number | null;
}

const round = (value: number, digits = 6): number => Number(value.toFixed(digits));

function meanRecall(evaluation: RetrievalEvaluation, k: number): number {
  const total = evaluation.perQuery.reduce((sum, outcome) => sum + recallAtK(outcome.retrievedIds, outcome.relevantIds, k), 0);
  return total / evaluation.perQuery.length;
}

export function retrievalRow(
  labels: { dataset: string; embedder: string; variant: string; index: string; bytesPerVector: number },
  evaluation: RetrievalEvaluation,
): RetrievalRow {
  return {
    ...labels,
    dim: evaluation.dim,
    corpus: evaluation.corpusSize,
    queries: evaluation.queryCount,
    recallAt1: round(meanRecall(evaluation, 1)),
    recallAt5: round(meanRecall(evaluation, 5)),
    recallAt10: round(meanRecall(evaluation, 10)),
    mrr: round(evaluation.metrics.mrr),
    ndcgAt10: round(evaluation.metrics.ndcgAt10),
  };
}

export interface MeasuredEmbedding {
  /** Milliseconds to embed each query alone (what a user waits for). */
  queryDurationsMs: number[];
  corpusMs: number;
}

export function latencyRow(
  labels: { dataset: string; embedder: string; variant: string; index: string },
  evaluation: RetrievalEvaluation,
  embedding: MeasuredEmbedding | null,
): LatencyRow {
  const query = embedding ? summarizeLatency(embedding.queryDurationsMs) : null;
  const search = evaluation.latency.search;
  const endToEndMs = embedding
    ? embedding.queryDurationsMs.reduce((sum, ms) => sum + ms, 0) + search.totalMs
    : null;
  return {
    ...labels,
    queryEmbeddingP50Ms: query ? round(query.p50Ms, 3) : null,
    queryEmbeddingP95Ms: query ? round(query.p95Ms, 3) : null,
    searchP50Ms: round(search.p50Ms, 4),
    searchP95Ms: round(search.p95Ms, 4),
    endToEndQps: endToEndMs !== null && endToEndMs > 0 ? round((evaluation.queryCount * 1000) / endToEndMs, 1) : null,
    corpusSentencesPerSecond: embedding && embedding.corpusMs > 0 ? round((evaluation.corpusSize * 1000) / embedding.corpusMs, 1) : null,
  };
}
